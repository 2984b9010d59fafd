/** Which PG channel (pg_provider + MID) a request goes through. */
import type { MerchantConfig, PgChannel } from '../../shared/config/config.js'
import { errors } from '../../../api/v1/catalogue.js'

/**
 * `pg` is `{pg_provider}` or `{pg_provider}.{pg_id}`. The swagger says a missing or unknown value
 * falls back to the default channel; a merchant with no API channel at all cannot charge.
 */
export function resolveChannel(merchant: MerchantConfig, pg: string | undefined): PgChannel {
  const fallback = merchant.channels[0]
  if (!fallback) throw errors.noApiChannel()
  if (!pg) return fallback
  const dot = pg.indexOf('.')
  const provider = dot === -1 ? pg : pg.slice(0, dot)
  const pgId = dot === -1 ? null : pg.slice(dot + 1)
  return merchant.channels.find((c) => c.pg_provider === provider && (pgId === null || c.pg_id === pgId)) ?? fallback
}
