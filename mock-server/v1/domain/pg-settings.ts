/**
 * The merchant's console facts: its PG settings by `channel_key` (the routes that take a channel
 * key: vbanks, certifications, outside cash receipts) and its sub-merchants (`Tier`).
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { MerchantConfig } from '../../shared/config/config.js'
import type { PgSetting, PgSettingType, TierConfig } from '../../shared/config/pg-settings.js'

/** The setting `channelKey` names, of one of `types`; the catalogue's unknown-channel error (with `httpStatus`) otherwise. */
export function channelByKey(merchant: MerchantConfig, channelKey: string, types: readonly PgSettingType[], httpStatus: number): PgSetting {
  const setting = merchant.pg_settings.find((s) => s.channel_key === channelKey && types.includes(s.type))
  if (!setting) throw errors.unknownChannelKey(httpStatus, channelKey)
  return setting
}

export function tierOf(merchant: MerchantConfig, tierCode: string): TierConfig {
  const tier = merchant.tiers.find((t) => t.tier_code === tierCode)
  if (!tier) throw errors.tierNotFound()
  return tier
}
