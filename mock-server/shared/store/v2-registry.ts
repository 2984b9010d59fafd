/**
 * The PortOne V2 merchants of one store: found by API secret, by storeId, or by an access or
 * refresh token from `POST /login/api-secret`. In open mode (`accept_any_key`) an unknown secret
 * becomes its own merchant at its first use, as an unknown V1 key does at its first getToken.
 */
import type { Clock } from '../clock.js'
import { openV2Merchant, type V2MerchantConfig } from '../config/v2-merchants.js'
import { V2MerchantState, type V2StateObserver } from './v2-merchant-state.js'

/** Longest API secret open mode registers (a bound against abuse). */
export const MAX_OPEN_SECRET_LENGTH = 200
/** Access tokens live 30 minutes and refresh tokens a day on the server clock (inferred; the document gives no lifetimes). */
export const ACCESS_TOKEN_TTL_MS = 30 * 60 * 1000
export const REFRESH_TOKEN_TTL_MS = 24 * 3600 * 1000

interface TokenEntry {
  readonly merchant: V2MerchantState
  readonly expiresAtMs: number
}

export class V2Registry {
  private readonly bySecret = new Map<string, V2MerchantState>()
  private readonly accessTokens = new Map<string, TokenEntry>()
  private readonly refreshTokens = new Map<string, TokenEntry>()
  /** Set once by persistence, before any merchant changes. */
  observer: V2StateObserver | null = null

  constructor(
    configured: readonly V2MerchantConfig[],
    private readonly seed: string,
    private readonly clock: Clock,
    private readonly acceptAnySecret: boolean
  ) {
    for (const merchant of configured) this.register(merchant, false)
  }

  private register(merchant: V2MerchantConfig, open: boolean): V2MerchantState {
    const state = new V2MerchantState(merchant, this.seed, this.clock, open, (m, c) => this.observer?.(m, c))
    this.bySecret.set(merchant.api_secret, state)
    return state
  }

  /** The merchant of an API secret; in open mode a new one for an unknown secret. */
  bySecretOrOpen(secret: string): V2MerchantState | undefined {
    const known = this.bySecret.get(secret)
    if (known || !this.acceptAnySecret || secret.length === 0 || secret.length > MAX_OPEN_SECRET_LENGTH) return known
    const state = this.register(openV2Merchant(secret), true)
    this.observer?.(state, { kind: 'v2_merchant_added' })
    return state
  }

  /** The merchant with this id (persistence files V2 records under it). */
  byMerchantId(merchantId: string): V2MerchantState | undefined {
    for (const state of this.bySecret.values()) if (state.merchant.merchant_id === merchantId) return state
    return undefined
  }

  bySecretOnly(secret: string): V2MerchantState | undefined {
    return this.bySecret.get(secret)
  }

  all(): IterableIterator<V2MerchantState> {
    return this.bySecret.values()
  }

  /** Records a new token pair for a merchant. */
  issueTokens(merchant: V2MerchantState): { accessToken: string; refreshToken: string } {
    const now = this.clock.nowMs()
    const accessToken = `mock-v2-access-${merchant.ids.hex(40)}`
    const refreshToken = `mock-v2-refresh-${merchant.ids.hex(40)}`
    this.accessTokens.set(accessToken, { merchant, expiresAtMs: now + ACCESS_TOKEN_TTL_MS })
    this.refreshTokens.set(refreshToken, { merchant, expiresAtMs: now + REFRESH_TOKEN_TTL_MS })
    return { accessToken, refreshToken }
  }

  byAccessToken(token: string): V2MerchantState | undefined {
    return this.live(this.accessTokens, token)
  }

  /** Uses up a refresh token (each one works once) and returns its merchant. */
  takeRefreshToken(token: string): V2MerchantState | undefined {
    const merchant = this.live(this.refreshTokens, token)
    this.refreshTokens.delete(token)
    return merchant
  }

  private live(tokens: Map<string, TokenEntry>, token: string): V2MerchantState | undefined {
    const entry = tokens.get(token)
    if (!entry) return undefined
    if (entry.expiresAtMs <= this.clock.nowMs()) {
      tokens.delete(token)
      return undefined
    }
    return entry.merchant
  }

  /** A full reset: every merchant emptied, tokens forgotten, open merchants forgotten. */
  reset(): void {
    this.accessTokens.clear()
    this.refreshTokens.clear()
    for (const [secret, state] of this.bySecret) {
      if (state.open) this.bySecret.delete(secret)
      else state.reset()
    }
  }
}
