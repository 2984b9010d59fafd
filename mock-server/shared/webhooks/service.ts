/**
 * Webhooks as i'mport sends them (webhook/readme-v1.mdx; iamport-api.md §6): a `POST` of
 * `{imp_uid, merchant_uid, status}` to the payment's `notice_url`, else the merchant's console URL,
 * as JSON or a form, per the merchant's console setting.
 *
 * When: a payment is paid (onetime, again, a scheduled run); a scheduled run fails (the one failure
 * that is reported); a payment is cancelled through the API with `enable_webhook=true` (then with
 * `cancellation_id`). Each becomes a delivery in the outbox; its first attempt starts at once.
 *
 * Retries are off unless the merchant turned them on (`webhook_retry`): then a network error or a
 * 5xx answer is resent up to 5 times, one minute apart on the merchant's clock, stopping at the
 * first 2xx. Those minutes pass when the clock moves (`runDue`), so a test sees the whole retry
 * sequence by moving time, without waiting.
 */
import { SelfTargets } from './self-target.js'
import type { WebhookOptions } from '../config/config.js'
import type { MerchantState } from '../store/merchant-state.js'
import type { PaymentRecord } from '../store/records.js'
import type { Store } from '../store/store.js'
import type { DueWork } from '../schedules/engine.js'
import { Outbox, type AttemptKind, type Delivery, type DeliveryTrigger, type OutboxFilter, type WebhookBody } from './outbox.js'
import { WebhookFaults } from './faults.js'
import { encodeBody, postWebhook, type SendTimeouts, type WebhookContentType } from './sender.js'
import type { WebhookFaultView } from '../../../api/control/webhooks.js'

/** Resends after a failed first send when retries are on (FAQ: "up to 5 retries 1 minute apart"). */
export const MAX_RETRIES = 5
export const RETRY_INTERVAL_SECONDS = 60

/** What the console's test button sends (logged by a merchant: imp_1234567890 / merchant_1234567890 / paid). */
export const SAMPLE_BODY: WebhookBody = { imp_uid: 'imp_1234567890', merchant_uid: 'merchant_1234567890', status: 'paid' }

/** Whose clock a delivery lives on: a V1 merchant, or a PortOne V2 merchant (anything with a clock). */
export interface DeliveryOwner {
  now(): number
}

/**
 * A PortOne V2 webhook: a JSON payload sent as is, signed at each attempt (Standard Webhooks:
 * the signature covers the wall-clock send time, which the receiver checks against its own clock).
 */
export interface SignedNotice {
  owner: DeliveryOwner
  /** Shown as the delivery's `imp_key` (the V2 merchant id) and matched by webhook faults. */
  ownerKey: string
  trigger: DeliveryTrigger
  url: string
  /** The payload flattened to strings, for the outbox listing. */
  summary: WebhookBody
  payload: string
  /** The headers of an attempt sent at `sentAtSeconds` (wall clock). */
  sign: (payload: string, sentAtSeconds: number) => Readonly<Record<string, string>>
  /** What webhook fault rules match on: `merchant_uid` the paymentId, `imp_uid` the transactionId, `status` the type. */
  facts: { merchant_uid: string | null; imp_uid: string | null; status: string }
}

export interface CustomSend {
  url: string
  body?: WebhookBody | undefined
  content_type?: WebhookContentType | undefined
  /** Whose clock and console settings to use; none for a bare send. */
  merchant?: MerchantState | undefined
}

/** Whether i'mport resends after this outcome: no answer at all, or a 5xx. */
function isRetryable(statusCode: number | null): boolean {
  return statusCode === null || statusCode >= 500
}

function isSuccess(statusCode: number | null): boolean {
  return statusCode !== null && statusCode >= 200 && statusCode < 300
}

export class WebhookService implements DueWork {
  readonly outbox: Outbox
  readonly faults = new WebhookFaults()
  /** Attempts in flight, with the merchant each is for (null: a bare hand-made send). */
  private readonly inFlight = new Map<Promise<void>, DeliveryOwner | null>()
  /** Deliveries waiting for a send on the simulator clock (delayed or retrying). */
  private readonly waiting = new Set<Delivery>()
  /** The attempt in flight per delivery: a new one waits for it, so one delivery never has two at once. */
  private readonly current = new WeakMap<Delivery, Promise<void>>()
  private readonly owners = new WeakMap<Delivery, DeliveryOwner | null>()
  /** Signed (V2) deliveries: the exact payload and how to sign an attempt. */
  private readonly signed = new WeakMap<Delivery, Pick<SignedNotice, 'payload' | 'sign'>>()
  /** Deliveries forgotten by a reset while an attempt was in flight: they schedule no retry. */
  private readonly forgotten = new WeakSet<Delivery>()
  private readonly abort = new AbortController()
  /** Knows the simulator's own address: a delivery aimed at it is refused. */
  readonly self = new SelfTargets()

  constructor(
    private readonly store: Store,
    private readonly options: WebhookOptions,
    private readonly onError: (err: unknown) => void = () => {}
  ) {
    this.outbox = new Outbox(options.outbox_size)
  }

  /**
   * The webhook for a payment event, when the payment or its merchant has a URL (none: nothing is
   * sent, as for a merchant without a Notification URL). Returns the deliveries made (two under a
   * duplicate fault).
   */
  notify(merchant: MerchantState, payment: PaymentRecord, trigger: Exclude<DeliveryTrigger, 'manual'>, cancellationId?: string): Delivery[] {
    const url = payment.notice_url ?? merchant.merchant.webhook_url
    if (!url) return []
    const body: Record<string, string | null> = {
      imp_uid: payment.imp_uid,
      merchant_uid: payment.merchant_uid,
      status: payment.status
    }
    if (cancellationId !== undefined) body.cancellation_id = cancellationId
    const fault = this.faults.take({
      imp_key: merchant.merchant.imp_key,
      merchant_uid: payment.merchant_uid,
      imp_uid: payment.imp_uid,
      status: payment.status
    })
    const make = (duplicateOf: string | null) =>
      this.create(merchant, {
        trigger,
        url,
        content_type: merchant.merchant.webhook_content_type,
        body,
        retries_enabled: merchant.merchant.webhook_retry,
        fault: fault?.action ?? null,
        duplicate_of: duplicateOf
      })
    return this.dispatchWithFault(make, fault)
  }

  /** A PortOne V2 webhook through the same outbox (faults, listing, redelivery); no retries (inferred). */
  notifySigned(notice: SignedNotice): Delivery[] {
    const fault = this.faults.take({ imp_key: notice.ownerKey, ...notice.facts })
    const make = (duplicateOf: string | null) => {
      const delivery = this.create(
        notice.owner,
        {
          trigger: notice.trigger,
          url: notice.url,
          content_type: 'application/json',
          body: notice.summary,
          retries_enabled: false,
          fault: fault?.action ?? null,
          duplicate_of: duplicateOf
        },
        notice.ownerKey
      )
      this.signed.set(delivery, { payload: notice.payload, sign: notice.sign })
      return delivery
    }
    return this.dispatchWithFault(make, fault)
  }

  /**
   * Makes and dispatches a delivery under the fault a rule chose for it: a `duplicate` makes a
   * second delivery pointing at the first, sent with no fault of its own.
   */
  private dispatchWithFault(make: (duplicateOf: string | null) => Delivery, fault: WebhookFaultView | null): Delivery[] {
    const delivery = make(null)
    const made = [delivery]
    this.dispatch(delivery, fault)
    if (fault?.action === 'duplicate') {
      const copy = make(delivery.id)
      made.push(copy)
      this.dispatch(copy, null)
    }
    return made
  }

  /** A hand-made send, like the console's test button: one attempt, awaited; no retries. */
  async sendCustom(send: CustomSend): Promise<Delivery> {
    const merchant = send.merchant ?? null
    const delivery = this.create(merchant, {
      trigger: 'manual',
      url: send.url,
      content_type: send.content_type ?? merchant?.merchant.webhook_content_type ?? 'application/json',
      body: send.body ?? SAMPLE_BODY,
      retries_enabled: false,
      fault: null,
      duplicate_of: null
    })
    await this.start(delivery, 'first')
    return delivery
  }

  /** Sends a delivery again now (resend timeouts), whatever its state; resolves once the attempt is over. */
  async redeliver(id: string): Promise<Delivery | undefined> {
    const delivery = this.outbox.get(id)
    if (!delivery) return undefined
    await this.start(delivery, 'redeliver')
    return delivery
  }

  /** Starts the sends that are due on the simulator clock: delayed first sends and retries. */
  runDue(merchant: DeliveryOwner | null): void {
    for (const delivery of this.waiting) {
      const owner = this.owners.get(delivery) ?? null
      if (merchant !== null && owner !== merchant) continue
      if (this.current.has(delivery) || delivery.next_attempt_at === null) continue
      if (delivery.next_attempt_at > this.now(owner)) continue
      void this.start(delivery, delivery.attempts.length === 0 ? 'first' : 'retry')
    }
  }

  /**
   * Waits until no attempt is in flight (for one merchant or one delivery, or any), or `timeoutMs`
   * has passed; resolves false in that case. Attempts started meanwhile are waited for too.
   */
  async settle(timeoutMs: number, scope: DeliveryOwner | Delivery | null = null): Promise<boolean> {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const pending =
        scope !== null && 'id' in scope
          ? [this.current.get(scope)].filter((p): p is Promise<void> => p !== undefined)
          : [...this.inFlight].filter(([, owner]) => scope === null || owner === scope).map(([p]) => p)
      if (pending.length === 0) return true
      const remaining = deadline - performance.now()
      if (remaining <= 0) return false
      let timer: NodeJS.Timeout | undefined
      const timedOut = await Promise.race([
        Promise.allSettled(pending).then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), remaining)
          timer.unref()
        })
      ])
      clearTimeout(timer)
      if (timedOut) return false
    }
  }

  listDeliveries(filter: OutboxFilter = {}): Delivery[] {
    return this.outbox.list(filter)
  }

  listFaults(): WebhookFaultView[] {
    return this.faults.list()
  }

  /** Forgets one merchant's deliveries and webhook faults, or everything. */
  reset(merchant: MerchantState | null): void {
    const impKey = merchant?.merchant.imp_key
    for (const delivery of this.outbox.list(impKey === undefined ? {} : { imp_key: impKey })) this.forgotten.add(delivery)
    this.outbox.clear(impKey)
    this.faults.clear(impKey)
    for (const delivery of this.waiting) {
      if (merchant === null || this.owners.get(delivery) === merchant) this.waiting.delete(delivery)
    }
  }

  /** Abandons the attempts in flight (the simulator is closing). */
  close(): void {
    this.abort.abort()
  }

  private create(
    merchant: DeliveryOwner | null,
    fields: Pick<Delivery, 'trigger' | 'url' | 'content_type' | 'body' | 'retries_enabled' | 'fault' | 'duplicate_of'>,
    ownerKey?: string
  ): Delivery {
    const delivery: Delivery = {
      id: this.outbox.newId(),
      imp_key: ownerKey ?? (merchant as MerchantState | null)?.merchant.imp_key ?? null,
      created_at: this.now(merchant),
      status: 'pending',
      next_attempt_at: null,
      attempts: [],
      ...fields
    }
    this.owners.set(delivery, merchant)
    this.outbox.add(delivery)
    return delivery
  }

  /** What happens to a new delivery: dropped, held back, or sent now. */
  private dispatch(delivery: Delivery, fault: WebhookFaultView | null): void {
    if (fault?.action === 'drop') {
      delivery.status = 'dropped'
    } else if (fault?.action === 'delay') {
      delivery.next_attempt_at = delivery.created_at + fault.delay_seconds!
      this.waiting.add(delivery)
    } else {
      void this.start(delivery, 'first')
    }
  }

  /**
   * Runs an attempt (and any retries already due by the time it ends) as one tracked piece of
   * work, after the delivery's attempt in flight, if any.
   */
  private start(delivery: Delivery, kind: AttemptKind): Promise<void> {
    const owner = this.owners.get(delivery) ?? null
    const previous = this.current.get(delivery) ?? Promise.resolve()
    const work = previous.then(() => this.attemptAndCatchUp(delivery, kind, owner)).catch(this.onError)
    const tracked: Promise<void> = work.finally(() => {
      this.inFlight.delete(tracked)
      if (this.current.get(delivery) === tracked) this.current.delete(delivery)
    })
    this.current.set(delivery, tracked)
    this.inFlight.set(tracked, owner)
    return tracked
  }

  private async attemptAndCatchUp(delivery: Delivery, kind: AttemptKind, owner: DeliveryOwner | null): Promise<void> {
    let next: AttemptKind | null = kind
    while (next !== null) {
      await this.attempt(delivery, next, owner)
      // A clock moved far ahead owes every retry whose minute has passed: send them in turn.
      const due = delivery.status === 'retrying' && delivery.next_attempt_at !== null && delivery.next_attempt_at <= this.now(owner)
      next = due ? 'retry' : null
    }
  }

  private async attempt(delivery: Delivery, kind: AttemptKind, owner: DeliveryOwner | null): Promise<void> {
    // A retry queued behind a redelivery that succeeded (or a reset) has nothing left to do.
    if (kind === 'retry' && delivery.status !== 'retrying') return
    const at = this.now(owner)
    // The retry minute this attempt stands for: the next one counts from it, not from when it ran.
    const dueAt = kind === 'retry' && delivery.next_attempt_at !== null ? delivery.next_attempt_at : at
    const timeouts: SendTimeouts =
      kind === 'first'
        ? { kind: 'first', connectMs: this.options.connect_timeout_ms, readMs: this.options.read_timeout_ms }
        : { kind: 'resend', totalMs: this.options.resend_timeout_ms }
    const refusal = await this.self.reasonToRefuse(delivery.url)
    if (refusal !== null) {
      delivery.attempts.push({ n: delivery.attempts.length + 1, kind, at, status_code: null, error: refusal, duration_ms: 0, response_excerpt: null })
      delivery.status = 'failed'
      delivery.next_attempt_at = null
      this.waiting.delete(delivery)
      return
    }
    const signed = this.signed.get(delivery)
    const payload = signed ? signed.payload : encodeBody(delivery.body, delivery.content_type)
    // Signed with the wall clock: the receiver checks webhook-timestamp against its own clock.
    const headers = signed?.sign(payload, Math.floor(Date.now() / 1000))
    const outcome = await postWebhook(delivery.url, delivery.content_type, payload, timeouts, this.abort.signal, headers)
    delivery.attempts.push({ n: delivery.attempts.length + 1, kind, at, ...outcome })
    if (this.forgotten.has(delivery)) return

    if (isSuccess(outcome.status_code)) {
      delivery.status = 'delivered'
      delivery.next_attempt_at = null
      this.waiting.delete(delivery)
      return
    }
    // A redelivery by hand changes nothing about the automatic sequence when it fails.
    if (kind === 'redeliver') {
      if (delivery.status !== 'retrying') delivery.status = 'failed'
      return
    }
    const retriesSent = delivery.attempts.filter((a) => a.kind === 'retry').length
    if (delivery.retries_enabled && isRetryable(outcome.status_code) && retriesSent < MAX_RETRIES) {
      delivery.status = 'retrying'
      delivery.next_attempt_at = dueAt + RETRY_INTERVAL_SECONDS
      this.waiting.add(delivery)
    } else {
      delivery.status = 'failed'
      delivery.next_attempt_at = null
      this.waiting.delete(delivery)
    }
  }

  /** The time a delivery lives on: its merchant's clock, or the server's. */
  private now(merchant: DeliveryOwner | null): number {
    return merchant ? merchant.now() : this.store.clock.nowSeconds()
  }
}
