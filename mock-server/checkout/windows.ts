/**
 * The payment and identity-verification windows one app has opened, and the decisions queued for the next ones (the
 * auto-decide control call). One `CheckoutWindows` per app, decorated as `app.checkout`; a reset
 * forgets the windows (and queued decisions) of the merchants it empties.
 *
 * Window ids are a counter, so the same requests give the same ids (no randomness on a request).
 * A window is only reachable by its id; it is kept until it is decided and a little after (the
 * newest `MAX_WINDOWS`), so a reloaded window page still shows its outcome.
 */
import type { DecisionAnswer, WindowMode } from '../../api/checkout/window.js'
import type { AutoDecisionInput, AutoDecisionView } from '../../api/control/checkout.js'
import type { PgChannel } from '../shared/config/config.js'
import type { PgSetting } from '../shared/config/pg-settings.js'
import type { MerchantState } from '../shared/store/merchant-state.js'
import type { BrowserFacts } from '../shared/store/records.js'
import type { WindowRequest } from './params.js'

export const MAX_WINDOWS = 1000

/** A decision a window takes by itself, as if the buyer had clicked. */
export interface AutoDecision {
  readonly decision: 'approve' | 'decline' | 'close'
  readonly card: string | null
  readonly message: string | null
}

export interface PaymentWindow {
  readonly kind: 'payment'
  readonly id: string
  readonly merchant: MerchantState
  readonly request: WindowRequest
  readonly channel: PgChannel
  readonly mode: WindowMode
  /** The origin of the page that asked for the window: the only one the window posts its result to. */
  readonly page_origin: string | null
  /** Where a redirect-mode window returns: `m_redirect_url`, else the page it was opened from. */
  readonly return_url: string | null
  readonly browser: BrowserFacts
  readonly auto: AutoDecision | null
  answer: DecisionAnswer | null
}

/** An identity-verification window (`IMP.certification`). */
export interface CertificationWindow {
  readonly kind: 'certification'
  readonly id: string
  readonly merchant: MerchantState
  /** The certification channel (danal, inicis_unified…) the record names. */
  readonly setting: PgSetting
  readonly merchant_uid: string | null
  /** What the page passed to fill the window's fields in (sdk-cft.mdx: name, phone, carrier). */
  readonly prefill: { readonly name: string | null; readonly phone: string | null; readonly carrier: string | null }
  readonly mode: WindowMode
  readonly page_origin: string | null
  readonly return_url: string | null
  readonly auto: AutoDecision | null
  answer: DecisionAnswer | null
}

export type CheckoutWindow = PaymentWindow | CertificationWindow

/** What opening a window of either kind is given (the rest is filled in here). */
type WindowInit<W extends CheckoutWindow> = W extends CheckoutWindow ? Omit<W, 'id' | 'auto' | 'answer'> : never

interface QueuedDecision extends AutoDecision {
  remaining: number
  readonly imp_key: string | null
}

export class CheckoutWindows {
  private readonly windows = new Map<string, CheckoutWindow>()
  private readonly queue: QueuedDecision[] = []
  private opened = 0

  open<W extends CheckoutWindow>(init: WindowInit<W>): W {
    this.opened++
    const window = { ...init, id: `win_${String(this.opened).padStart(6, '0')}`, auto: this.takeAuto(init.merchant), answer: null } as unknown as W
    this.windows.set(window.id, window)
    if (this.windows.size > MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value!)
    return window
  }

  get(id: string): CheckoutWindow | undefined {
    return this.windows.get(id)
  }

  /** Queues a decision for the next `times` windows (of one merchant, or of any). */
  queueAuto(input: AutoDecisionInput): void {
    this.queue.push({
      decision: input.decision,
      card: input.card ?? null,
      message: input.message ?? null,
      remaining: input.times ?? 1,
      imp_key: input.imp_key ?? null
    })
  }

  pendingAuto(): AutoDecisionView[] {
    return this.queue.map(({ decision, card, message, remaining, imp_key }) => ({ decision, card, message, remaining, imp_key }))
  }

  /** Empties the queue (of one merchant's entries, or all); returns how many entries went. */
  clearAuto(impKey?: string): number {
    const before = this.queue.length
    for (let i = this.queue.length - 1; i >= 0; i--) if (impKey === undefined || this.queue[i]!.imp_key === impKey) this.queue.splice(i, 1)
    return before - this.queue.length
  }

  /** After a reset: forgets the windows and queued decisions of that merchant (or of every one). */
  forget(merchant: MerchantState | null): void {
    for (const [id, window] of this.windows) if (merchant === null || window.merchant === merchant) this.windows.delete(id)
    this.clearAuto(merchant === null ? undefined : merchant.merchant.imp_key)
  }

  private takeAuto(merchant: MerchantState): AutoDecision | null {
    const index = this.queue.findIndex((q) => q.imp_key === null || q.imp_key === merchant.merchant.imp_key)
    if (index === -1) return null
    const entry = this.queue[index]!
    entry.remaining--
    if (entry.remaining <= 0) this.queue.splice(index, 1)
    return { decision: entry.decision, card: entry.card, message: entry.message }
  }
}
