/**
 * Access tokens (swagger `getToken` description, iamport-api.md §1):
 * - a new token lives 30 minutes;
 * - asking again before expiry returns the same token and the same expiry;
 * - asking when a minute or less is left extends that expiry by 5 minutes;
 * - after expiry a new token is issued.
 * One token per imp_key: every server of a merchant shares it. Tokens are derived with the
 * merchant's secret as the HMAC key (`IdGenerator.credential`), so the printed seed and the
 * imp_key alone never give them.
 */
import type { Store } from '../../shared/store/store.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { Auth } from '../../../api/v1/auth.js'

export const TOKEN_LIFETIME_SECONDS = 30 * 60
export const EXTENSION_WINDOW_SECONDS = 60
export const EXTENSION_SECONDS = 5 * 60

export function getToken(store: Store, state: MerchantState): Auth {
  const now = state.now()
  const current = state.token
  if (current && current.expired_at > now) {
    if (current.expired_at - now <= EXTENSION_WINDOW_SECONDS) {
      state.setToken({ access_token: current.access_token, expired_at: current.expired_at + EXTENSION_SECONDS })
    }
  } else {
    const previous = current?.access_token ?? null
    state.setToken({ access_token: state.ids.accessToken(state.merchant.imp_secret), expired_at: now + TOKEN_LIFETIME_SECONDS })
    store.indexToken(state, previous)
  }
  const token = state.token!
  return { access_token: token.access_token, now, expired_at: token.expired_at }
}
