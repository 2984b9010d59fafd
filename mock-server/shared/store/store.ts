/**
 * The registry of merchants, and the token index that authentication reads on every request.
 * One Store per app: two apps in one process never share anything.
 */
import type { Clock } from '../clock.js'
import { VirtualClock } from '../clock.js'
import type { MerchantConfig, ResolvedConfig } from '../config/config.js'
import { MerchantState, type MerchantOrigin, type StateObserver } from './merchant-state.js'
import { TokenHistory, type PastToken } from './token-history.js'

/** What is known of an access token (for hints): live or expired, ended earlier, or nothing. */
export type TokenStatus =
  | { readonly kind: 'live' | 'expired'; readonly state: MerchantState; readonly expired_at: number }
  | ({ readonly kind: 'past' } & PastToken)
  | { readonly kind: 'unknown' }
import { V2Registry } from './v2-registry.js'

export class Store {
  private readonly merchants = new Map<string, MerchantState>()
  /** access_token → the merchant that owns it. Expiry is checked against that merchant's clock. */
  private readonly tokens = new Map<string, MerchantState>()
  /** The server-wide clock every merchant clock derives from; the control API can move it. */
  readonly clock: VirtualClock
  /** Told after a reset, so that state kept beside the store (schedules, webhooks) is emptied with it. */
  private readonly resetListeners: Array<(merchant: MerchantState | null) => void> = []
  /** Id streams of removed merchants (no seed given): a merchant added again with the key goes on from them. */
  private readonly formerIds = new Map<string, { ids: MerchantState['ids']; retired: Set<string> }>()
  /** Tokens that stopped working, and why. */
  private readonly tokenHistory = new TokenHistory()
  /** PortOne V2 merchants (API secrets, their stores, tokens and data), beside the V1 ones. */
  readonly v2: V2Registry

  constructor(
    readonly config: ResolvedConfig,
    baseClock: Clock,
    private readonly observer: StateObserver | null = null
  ) {
    this.clock = new VirtualClock(baseClock)
    for (const merchant of config.merchants) this.register(merchant)
    this.v2 = new V2Registry(config.v2_merchants ?? [], config.seed, this.clock, config.accept_any_key)
  }

  /**
   * Adds a merchant after start-up (open merchant mode, or the control API); the observer is told,
   * unlike for configured ones: an open merchant by its secret, a control-made one by its settings.
   */
  addMerchant(merchant: MerchantConfig, origin: MerchantOrigin = 'open'): MerchantState {
    const state = this.register(merchant)
    state.origin = origin
    try {
      this.observer?.(state, { kind: origin === 'control' ? 'merchant_settings' : 'merchant_added' })
    } catch (err) {
      // The data file refused the merchant: it was never added.
      this.merchants.delete(merchant.imp_key)
      throw err
    }
    return state
  }

  /** Replaces a merchant's settings (control API); its data stays. */
  updateMerchant(state: MerchantState, merchant: MerchantConfig): void {
    state.merchant = merchant
    this.observer?.(state, { kind: 'merchant_settings' })
  }

  private register(merchant: MerchantConfig): MerchantState {
    const replay = this.config.seed_given !== false
    const state = new MerchantState(merchant, this.config.seed, this.clock, this.observer, replay)
    const former = this.formerIds.get(merchant.imp_key)
    if (former) {
      state.ids = former.ids
      state.retiredImpUids = former.retired
      this.formerIds.delete(merchant.imp_key)
    }
    state.onTokenEnded = (token, ended) =>
      this.tokenHistory.note(token.access_token, { imp_key: state.merchant.imp_key, expired_at: token.expired_at, ended })
    this.merchants.set(merchant.imp_key, state)
    return state
  }

  /**
   * Forgets a merchant entirely (its token stops working; what is kept beside the store for it,
   * schedules and webhooks, is emptied as by a reset). Returns whether it existed.
   */
  removeMerchant(impKey: string): boolean {
    const state = this.merchants.get(impKey)
    if (!state) return false
    // Written first: a failed write leaves the merchant in place.
    this.observer?.(state, { kind: 'merchant_removed' })
    if (state.token) {
      this.tokens.delete(state.token.access_token)
      this.tokenHistory.note(state.token.access_token, { imp_key: impKey, expired_at: state.token.expired_at, ended: 'removed' })
    }
    this.merchants.delete(impKey)
    if (this.config.seed_given === false) {
      this.formerIds.set(impKey, { ids: state.ids, retired: new Set([...state.retiredImpUids, ...state.payments.keys()]) })
    }
    for (const listener of this.resetListeners) listener(state)
    return true
  }

  merchantByKey(impKey: string): MerchantState | undefined {
    return this.merchants.get(impKey)
  }

  /** The merchant whose i'mport merchant code (`IMP.init`) this is. */
  merchantByCode(impCode: string): MerchantState | undefined {
    for (const state of this.merchants.values()) if (state.merchant.merchant_code === impCode) return state
    return undefined
  }

  allMerchants(): IterableIterator<MerchantState> {
    return this.merchants.values()
  }

  /** The merchant whose live token this is, or undefined for an unknown or expired token. */
  merchantByToken(accessToken: string): MerchantState | undefined {
    const state = this.tokens.get(accessToken)
    if (!state?.token || state.token.access_token !== accessToken) return undefined
    return state.token.expired_at > state.now() ? state : undefined
  }

  /** Why a token does or does not work; for hints, never for authentication. */
  tokenStatus(accessToken: string): TokenStatus {
    const state = this.tokens.get(accessToken)
    if (state?.token?.access_token === accessToken) {
      const { expired_at } = state.token
      return { kind: expired_at > state.now() ? 'live' : 'expired', state, expired_at }
    }
    const past = this.tokenHistory.get(accessToken)
    return past ? { kind: 'past', ...past } : { kind: 'unknown' }
  }

  /** Records the merchant's new token, forgetting the one it replaces. */
  indexToken(state: MerchantState, previous: string | null): void {
    if (previous !== null && previous !== state.token?.access_token) this.tokens.delete(previous)
    if (state.token) this.tokens.set(state.token.access_token, state)
  }

  /** Empties one merchant (its token stops working) or, without a key, every merchant and the server clock. */
  reset(impKey?: string): boolean {
    const targets = impKey === undefined ? [...this.merchants.values()] : [this.merchants.get(impKey)]
    if (targets.some((t) => t === undefined)) return false
    for (const state of targets as MerchantState[]) {
      if (state.token) this.tokens.delete(state.token.access_token)
      state.reset()
    }
    if (impKey === undefined) {
      this.clock.reset()
      this.v2.reset()
    }
    const merchant = impKey === undefined ? null : (targets[0] as MerchantState)
    for (const listener of this.resetListeners) listener(merchant)
    return true
  }

  /** Calls `listener` after every reset: with the merchant that was reset, or null after a full reset. */
  onReset(listener: (merchant: MerchantState | null) => void): void {
    this.resetListeners.push(listener)
  }
}
