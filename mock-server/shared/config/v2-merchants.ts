/**
 * PortOne V2 merchants in the config file (`v2_merchants`): an API secret, the merchant id it
 * belongs to, and one or more stores, each with its webhook secret, optional webhook URL and PG
 * channels. The built-in one (`default_v2_merchant`, on by default) is documented in docs/v2.md so
 * that an SDK test can use it without a config file; its values are not secrets of anyone.
 */
import { createHash } from 'node:crypto'
import { Type, type Static } from 'typebox'

const V2ChannelSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, description: 'the channelKey requests name' }),
    name: Type.Optional(Type.String()),
    pg_provider: Type.String({ minLength: 1, description: "the document's PgProvider, e.g. NICE_V2, INICIS_V2, TOSSPAYMENTS" }),
    pg_merchant_id: Type.String({ minLength: 1, description: 'the MID at the PG' }),
    live: Type.Optional(Type.Boolean({ description: 'a LIVE channel (default: TEST)' }))
  },
  { additionalProperties: false }
)

const V2StoreSchema = Type.Object(
  {
    store_id: Type.String({ minLength: 1 }),
    webhook_secret: Type.Optional(
      Type.String({ pattern: '^(whsec_)?[A-Za-z0-9+/]+={0,2}$', description: 'Standard Webhooks secret (base64, optional whsec_ prefix)' })
    ),
    webhook_url: Type.Optional(Type.String({ description: 'the console webhook URL; noticeUrls on a request win' })),
    channels: Type.Optional(Type.Array(V2ChannelSchema, { minItems: 1 }))
  },
  { additionalProperties: false }
)

export const V2MerchantSchema = Type.Object(
  {
    api_secret: Type.String({ minLength: 1 }),
    merchant_id: Type.Optional(Type.String({ minLength: 1 })),
    name: Type.Optional(Type.String()),
    stores: Type.Array(V2StoreSchema, { minItems: 1 })
  },
  { additionalProperties: false }
)
export type V2MerchantConfigInput = Static<typeof V2MerchantSchema>

export interface V2ChannelConfig {
  readonly key: string
  readonly name: string
  readonly pg_provider: string
  readonly pg_merchant_id: string
  readonly live: boolean
}

export interface V2StoreConfig {
  readonly store_id: string
  readonly webhook_secret: string
  readonly webhook_url: string | null
  /** Never empty; the first is used when a request names no channelKey. */
  readonly channels: readonly V2ChannelConfig[]
}

export interface V2MerchantConfig {
  readonly api_secret: string
  readonly merchant_id: string
  readonly name: string
  /** Never empty; the first is used when a request names no storeId. */
  readonly stores: readonly V2StoreConfig[]
}

/** The built-in V2 merchant: its secret, store and webhook secret are documented test values. */
export const DEFAULT_V2_MERCHANT: V2MerchantConfigInput = {
  api_secret: 'iamport-mock-v2-test-api-secret',
  merchant_id: 'merchant-00000000-0000-4000-8000-000000000001',
  name: 'V2 test merchant',
  stores: [
    {
      store_id: 'store-00000000-0000-4000-8000-000000000001',
      // base64 of "iamport-mock-webhook-secret"
      webhook_secret: 'whsec_aWFtcG9ydC1tb2NrLXdlYmhvb2stc2VjcmV0'
    }
  ]
}

/** Channels of a store that configures none: the NICE and KG Inicis test MIDs, as for V1. */
export const DEFAULT_V2_CHANNELS: readonly V2ChannelConfig[] = [
  { key: 'channel-key-nice-test', name: 'nice test', pg_provider: 'NICE_V2', pg_merchant_id: 'nictest04m', live: false },
  { key: 'channel-key-inicis-test', name: 'inicis test', pg_provider: 'INICIS_V2', pg_merchant_id: 'INIBillTst', live: false }
]

/** A short stable digest, for ids derived from a secret (open mode) without showing the secret. */
function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/** A UUID-shaped id from a digest, e.g. `store-3f2a…`, as PortOne's ids look. */
function uuidFrom(text: string): string {
  const h = digest(text, 32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export function resolveV2Merchant(input: V2MerchantConfigInput): V2MerchantConfig {
  return {
    api_secret: input.api_secret,
    merchant_id: input.merchant_id ?? `merchant-${uuidFrom(`merchant:${input.api_secret}`)}`,
    name: input.name ?? 'V2 merchant',
    stores: input.stores.map((s) => ({
      store_id: s.store_id,
      webhook_secret: s.webhook_secret ?? `whsec_${createHash('sha256').update(`webhook:${input.api_secret}:${s.store_id}`).digest('base64')}`,
      webhook_url: s.webhook_url ?? null,
      channels: (s.channels ?? DEFAULT_V2_CHANNELS).map((c) => ({
        key: c.key,
        name: c.name ?? c.key,
        pg_provider: c.pg_provider,
        pg_merchant_id: c.pg_merchant_id,
        live: c.live ?? false
      }))
    }))
  }
}

/** A merchant for an unknown secret in open mode: one store, ids derived from the secret. */
export function openV2Merchant(apiSecret: string): V2MerchantConfig {
  return resolveV2Merchant({ api_secret: apiSecret, name: 'open V2 merchant', stores: [{ store_id: `store-${uuidFrom(`store:${apiSecret}`)}` }] })
}

/** The configured V2 merchants: the built-in one unless switched off, then the file's (one per secret). */
export function resolveV2Merchants(
  inputs: readonly V2MerchantConfigInput[] | undefined,
  withDefault: boolean
): { merchants: V2MerchantConfig[]; problems: string[] } {
  const merchants: V2MerchantConfig[] = withDefault ? [resolveV2Merchant(DEFAULT_V2_MERCHANT)] : []
  const problems: string[] = []
  const seen = new Set<string>()
  for (const input of inputs ?? []) {
    if (seen.has(input.api_secret)) problems.push('  /v2_merchants: an api_secret appears more than once')
    seen.add(input.api_secret)
    const existing = merchants.findIndex((m) => m.api_secret === input.api_secret)
    if (existing >= 0) merchants[existing] = resolveV2Merchant(input)
    else merchants.push(resolveV2Merchant(input))
  }
  const stores = new Set<string>()
  for (const m of merchants) {
    for (const s of m.stores) {
      if (stores.has(s.store_id)) problems.push(`  /v2_merchants: store_id "${s.store_id}" appears more than once`)
      stores.add(s.store_id)
    }
  }
  return { merchants, problems }
}
