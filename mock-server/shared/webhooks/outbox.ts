/**
 * The webhook outbox: every delivery the simulator made or means to make, with each attempt's
 * outcome, for tests to read (`GET /__mock/webhooks`). It keeps the latest `outbox_size`
 * deliveries; older ones are forgotten (a delivery still waiting for a retry is never dropped
 * from the retry queue, only from the listing).
 */
import type { WebhookContentType } from './sender.js'
import type { V2WebhookType } from '../../../api/control/webhooks.js'

/** What made the webhook: a payment event, or a hand-made send (the console's test button). */
export type DeliveryTrigger = 'payment.paid' | 'payment.ready' | 'payment.failed' | 'payment.cancelled' | 'manual' | V2WebhookType

export type DeliveryStatus =
  /** Waiting for its first attempt (in flight, or held by a delay fault). */
  | 'pending'
  /** The receiver answered 2xx. */
  | 'delivered'
  /** Failed so far; the next retry is due at `next_attempt_at` (simulator clock). */
  | 'retrying'
  /** Gave up: no retry left, or the failure is not one i'mport retries. */
  | 'failed'
  /** Never sent: a drop fault. */
  | 'dropped'

export type AttemptKind = 'first' | 'retry' | 'redeliver'

export interface DeliveryAttempt {
  readonly n: number
  readonly kind: AttemptKind
  /** When it was sent, on the merchant's clock (UNIX seconds). */
  readonly at: number
  readonly status_code: number | null
  readonly error: string | null
  readonly duration_ms: number
  readonly response_excerpt: string | null
}

/** The webhook body: imp_uid, merchant_uid, status, and cancellation_id on cancels. Never card data. */
export type WebhookBody = Readonly<Record<string, string | null>>

export interface Delivery {
  readonly id: string
  /** The merchant whose event it reports; null for a hand-made send without one. */
  readonly imp_key: string | null
  readonly trigger: DeliveryTrigger
  readonly url: string
  readonly content_type: WebhookContentType
  readonly body: WebhookBody
  /** UNIX seconds on the merchant's clock. */
  readonly created_at: number
  status: DeliveryStatus
  /** Resends on a network error or 5xx (the merchant's console switch). */
  readonly retries_enabled: boolean
  /** When the next send is due (simulator clock), while `pending` (delayed) or `retrying`; null otherwise. */
  next_attempt_at: number | null
  readonly attempts: DeliveryAttempt[]
  /** The webhook fault that acted on it, if any. */
  readonly fault: 'delay' | 'drop' | 'duplicate' | null
  /** For the extra copy a duplicate fault sends: the delivery it copies. */
  readonly duplicate_of: string | null
}

export interface OutboxFilter {
  imp_key?: string | undefined
  imp_uid?: string | undefined
  merchant_uid?: string | undefined
}

export class Outbox {
  private readonly deliveries = new Map<string, Delivery>()
  private nextId = 1

  constructor(private readonly size: number) {}

  newId(): string {
    return `whd_${this.nextId++}`
  }

  add(delivery: Delivery): void {
    this.deliveries.set(delivery.id, delivery)
    // Maps iterate in insertion order: the first key is the oldest delivery.
    while (this.deliveries.size > this.size) this.deliveries.delete(this.deliveries.keys().next().value!)
  }

  get(id: string): Delivery | undefined {
    return this.deliveries.get(id)
  }

  /** Oldest first. */
  list(filter: OutboxFilter = {}): Delivery[] {
    const out: Delivery[] = []
    for (const d of this.deliveries.values()) {
      if (filter.imp_key !== undefined && d.imp_key !== filter.imp_key) continue
      if (filter.imp_uid !== undefined && d.body.imp_uid !== filter.imp_uid) continue
      if (filter.merchant_uid !== undefined && d.body.merchant_uid !== filter.merchant_uid) continue
      out.push(d)
    }
    return out
  }

  /** Forgets one merchant's deliveries, or all (ids keep counting after a merchant's reset, restart after a full one). */
  clear(impKey?: string): void {
    if (impKey === undefined) {
      this.deliveries.clear()
      this.nextId = 1
      return
    }
    for (const [id, d] of this.deliveries) if (d.imp_key === impKey) this.deliveries.delete(id)
  }
}
