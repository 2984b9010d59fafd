/**
 * What happened, for the parts of the simulator that react to it (webhooks, schedules, the
 * journal). Routes emit after a change is applied; listeners must not throw into the request.
 * A listener may return a promise (a webhook delivery, a schedules run): `emit` does not wait for
 * it, `emitAndWait` does, which is how the control API answers a clock move only once the
 * schedules it made due have run and their webhooks have been attempted.
 */
import type { MerchantState } from './merchant-state.js'
import type { PaymentRecord } from './records.js'

export interface MockEvents {
  /** A charge was approved (onetime, again, a scheduled run), or a virtual account fully deposited. */
  'payment.paid': { merchant: MerchantState; payment: PaymentRecord }
  /** A virtual account was issued and waits for its deposit (webhook `ready`). */
  'payment.ready': { merchant: MerchantState; payment: PaymentRecord }
  /** A charge was declined by the PG and recorded as `failed`. */
  'payment.failed': { merchant: MerchantState; payment: PaymentRecord }
  /** A cancel (full or partial) was applied; `enable_webhook` as the request gave it. */
  'payment.cancelled': { merchant: MerchantState; payment: PaymentRecord; enable_webhook: boolean }
  /** A clock was moved through the control API: one merchant's, or the server's (`merchant` null). */
  'clock.moved': { merchant: MerchantState | null }
}

/** A listener may return a promise (awaited by `emitAndWait`); any other value is ignored. */
type Listener<K extends keyof MockEvents> = (event: MockEvents[K]) => unknown

/** A tiny typed emitter: synchronous, in registration order, one failing listener does not stop the others. */
export class EventBus {
  private readonly listeners: { [K in keyof MockEvents]?: Listener<K>[] } = {}

  constructor(private readonly onListenerError: (err: unknown) => void = () => {}) {}

  on<K extends keyof MockEvents>(name: K, listener: Listener<K>): () => void {
    const list = (this.listeners[name] ??= []) as Listener<K>[]
    list.push(listener)
    return () => {
      const i = list.indexOf(listener)
      if (i >= 0) list.splice(i, 1)
    }
  }

  /** Calls every listener now; work they leave running (promises) goes on without being awaited. */
  emit<K extends keyof MockEvents>(name: K, event: MockEvents[K]): void {
    void this.emitAndWait(name, event)
  }

  /**
   * Calls every listener now, in order, then waits for the promises they returned. Resolves (never
   * rejects) once all have settled; a failure goes to the error handler like a thrown one.
   */
  emitAndWait<K extends keyof MockEvents>(name: K, event: MockEvents[K]): Promise<void> {
    const pending: Promise<unknown>[] = []
    for (const listener of (this.listeners[name] ?? []) as Listener<K>[]) {
      try {
        const result = listener(event)
        if (result instanceof Promise) pending.push(result.catch((err: unknown) => this.onListenerError(err)))
      } catch (err) {
        this.onListenerError(err)
      }
    }
    return pending.length === 0 ? Promise.resolve() : Promise.all(pending).then(() => undefined)
  }
}

/** Emits `payment.paid` or `payment.failed` for a new charge. */
export function emitCharge(events: EventBus, merchant: MerchantState, payment: PaymentRecord): void {
  if (payment.status === 'paid') events.emit('payment.paid', { merchant, payment })
  else if (payment.status === 'failed') events.emit('payment.failed', { merchant, payment })
}
