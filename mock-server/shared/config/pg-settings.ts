/**
 * A merchant's PG settings as its console lists them (`GET /users/pg`, `PgSettingAnnotation`):
 * every channel with its type (`api_payment` for the key-in/billing channels the charge routes
 * use, `payment` for browser-window channels, `certification` for identity verification) and the
 * `channel_key` the console generates. A channel configured without a key gets a stable one,
 * derived from the merchant and the channel, so a test can read it from `GET /users/pg` and get
 * the same value on every run. Sub-merchants (`Tier` header, `GET /tiers/{tier_code}`) are listed
 * here too.
 */
import { createHash } from 'node:crypto'
import type { PgSettingType } from '../../../api/control/merchants.js'

export type { PgSettingType } from '../../../api/control/merchants.js'

export interface PgSetting {
  readonly pg_provider: string
  readonly pg_id: string
  readonly sandbox: boolean
  readonly type: PgSettingType
  readonly channel_name: string | null
  readonly channel_key: string
}

export interface TierConfig {
  readonly tier_code: string
  readonly tier_name: string
}

/** The identity-verification channel of the docs merchant (danal is the provider the OTP API names first). */
export const DEFAULT_CERTIFICATION_CHANNEL = {
  pg_provider: 'danal',
  pg_id: 'iamport-mock-danal',
  type: 'certification'
} as const

/** A stable key in the console's shape (`channel-key-` + a UUID), from the merchant and the channel. */
export function derivedChannelKey(impKey: string, pgProvider: string, pgId: string, type: PgSettingType): string {
  const hex = createHash('sha256').update(`${impKey}\0${pgProvider}\0${pgId}\0${type}`).digest('hex')
  return `channel-key-${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function resolvePgSetting(
  impKey: string,
  channel: {
    pg_provider: string
    pg_id: string
    sandbox: boolean
    type?: PgSettingType | undefined
    channel_key?: string | undefined
    channel_name?: string | undefined
  }
): PgSetting {
  const type = channel.type ?? 'api_payment'
  return {
    pg_provider: channel.pg_provider,
    pg_id: channel.pg_id,
    sandbox: channel.sandbox,
    type,
    channel_name: channel.channel_name ?? null,
    channel_key: channel.channel_key ?? derivedChannelKey(impKey, channel.pg_provider, channel.pg_id, type)
  }
}
