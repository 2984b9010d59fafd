/**
 * Open merchant mode (`--accept-any-key`, config `accept_any_key`): an imp_key the simulator does
 * not know becomes a merchant of its own at its first getToken, with the default channels, so each
 * CI shard can pick a random key and share one simulator without seeing another shard's data.
 * The secret given that first time is the merchant's secret from then on.
 */
import { resolveMerchant, type ResolvedConfig } from '../config/config.js'
import type { MerchantState } from './merchant-state.js'
import type { Store } from './store.js'

/** Longest imp_key open mode registers (real keys are 16 characters; a bound against abuse). */
export const MAX_OPEN_KEY_LENGTH = 200

/** The merchant a getToken is for: a known one, or in open mode a new one for an unknown key. */
export function merchantForGetToken(store: Store, config: ResolvedConfig, impKey: string, impSecret: string): MerchantState | undefined {
  const known = store.merchantByKey(impKey)
  if (known || !config.accept_any_key || impKey.length > MAX_OPEN_KEY_LENGTH) return known
  return store.addMerchant(resolveMerchant({ imp_key: impKey, imp_secret: impSecret }))
}

/** Whether a merchant was registered by open mode (not configured, not made through the control API). */
export function isOpenMerchant(state: MerchantState): boolean {
  return state.origin === 'open'
}
