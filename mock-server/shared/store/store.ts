/**
 * The registry of merchants, and the token index that authentication reads on every request.
 * One Store per app: two apps in one process never share anything.
 */
import type { Clock } from '../clock.js'
import { VirtualClock } from '../clock.js'
import type { MerchantConfig, ResolvedConfig } from '../config/config.js'
import { MerchantState, type StateObserver } from './merchant-state.js'

export class Store {
  private readonly merchants = new Map<string, MerchantState>()
  /** access_token → the merchant that owns it. Expiry is checked against that merchant's clock. */
  private readonly tokens = new Map<string, MerchantState>()
  /** The server-wide clock every merchant clock derives from; the control API can move it. */
  readonly clock: VirtualClock
  /** Told after a reset, so that state kept beside the store (schedules, webhooks) is emptied with it. */
  private readonly resetListeners: Array<(merchant: MerchantState | null) => void> = []

  constructor(
    readonly config: ResolvedConfig,
    baseClock: Clock,
    private readonly observer: StateObserver | null = null
  ) {
    this.clock = new VirtualClock(baseClock)
    for (const merchant of config.merchants) this.register(merchant)
  }

  /** Adds a merchant after start-up (open merchant mode); the observer is told, unlike for configured ones. */
  addMerchant(merchant: MerchantConfig): MerchantState {
    const state = new MerchantState(merchant, this.config.seed, this.clock, this.observer)
    this.observer?.(state, { kind: 'merchant_added' })
    this.merchants.set(merchant.imp_key, state)
    return state
  }

  private register(merchant: MerchantConfig): MerchantState {
    const state = new MerchantState(merchant, this.config.seed, this.clock, this.observer)
    this.merchants.set(merchant.imp_key, state)
    return state
  }

  /** Forgets a merchant entirely (its token stops working). Returns whether it existed. */
  removeMerchant(impKey: string): boolean {
    const state = this.merchants.get(impKey)
    if (!state) return false
    this.observer?.(state, { kind: 'merchant_removed' })
    if (state.token) this.tokens.delete(state.token.access_token)
    this.merchants.delete(impKey)
    return true
  }

  merchantByKey(impKey: string): MerchantState | undefined {
    return this.merchants.get(impKey)
  }

  allMerchants(): IterableIterator<MerchantState> {
    return this.merchants.values()
  }

  /** The merchant whose live token this is, or undefined for an unknown or expired token. */
  merchantByToken(accessToken: string): MerchantState | undefined {
    const state = this.tokens.get(accessToken)
    if (!state || !state.token || state.token.access_token !== accessToken) return undefined
    return state.token.expired_at > state.now() ? state : undefined
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
    if (impKey === undefined) this.clock.reset()
    const merchant = impKey === undefined ? null : (targets[0] as MerchantState)
    for (const listener of this.resetListeners) listener(merchant)
    return true
  }

  /** Calls `listener` after every reset: with the merchant that was reset, or null after a full reset. */
  onReset(listener: (merchant: MerchantState | null) => void): void {
    this.resetListeners.push(listener)
  }
}
