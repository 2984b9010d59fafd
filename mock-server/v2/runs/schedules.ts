/**
 * When V2 schedules run: once the virtual clock reaches `timeToPay`. Time reaches them as it
 * reaches V1's (shared/schedules/engine.ts): a server clock move through the control API
 * (`clock.moved`, awaited: the move answers once the runs are done and their webhooks attempted),
 * and an unref'd wall-time poll (config `schedules.poll_ms`; 0 = only on clock moves).
 * Each run asks the fault rules first, then charges with the key and sends its webhook.
 */
import { Poll } from '../../shared/schedules/poll.js'
import type { EventBus } from '../../shared/store/events.js'
import type { FaultEngine } from '../../shared/faults/engine.js'
import type { V2Registry } from '../../shared/store/v2-registry.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2PaymentRecord } from '../../shared/store/v2-records.js'
import type { WebhookService } from '../../shared/webhooks/service.js'
import { dueSchedules, runSchedule } from '../domain/schedules.js'
import { declineForRun } from './faults.js'
import { notifyCharge } from '../routes/payments.js'
import type { V2Webhooks } from '../notify/webhooks.js'

export interface V2SchedulerOptions {
  registry: V2Registry
  faults: FaultEngine
  webhooks: V2Webhooks
  outbox: WebhookService
  events: EventBus
  pollMs: number
  settleTimeoutMs: number
  onError: (err: unknown) => void
}

export class V2Scheduler {
  private readonly poll: Poll
  private readonly unsubscribe: () => void

  constructor(private readonly options: V2SchedulerOptions) {
    this.poll = new Poll(
      this.options.pollMs,
      () => {
        for (const merchant of this.options.registry.all()) this.runDueOf(merchant)
      },
      (err) => this.options.onError(err)
    )
    // Only a server-wide move reaches V2 merchants: a V1 merchant's own clock is not theirs.
    this.unsubscribe = options.events.on('clock.moved', ({ merchant }) => (merchant === null ? this.runDue() : undefined))
  }

  /** Runs every due schedule of one merchant, synchronously; returns the payments made. */
  runDueOf(merchant: V2MerchantState): V2PaymentRecord[] {
    const made: V2PaymentRecord[] = []
    for (const record of dueSchedules(merchant, merchant.nowMs())) {
      const payment = runSchedule(merchant, record, declineForRun(this.options.faults, merchant, record))
      if (payment) {
        made.push(payment)
        notifyCharge(this.options.webhooks, merchant, payment)
      }
    }
    return made
  }

  /** Runs what is due for every V2 merchant and waits (bounded) for the webhooks in flight. */
  async runDue(): Promise<V2PaymentRecord[]> {
    const made: V2PaymentRecord[] = []
    for (const merchant of this.options.registry.all()) made.push(...this.runDueOf(merchant))
    if (made.length > 0) await this.options.outbox.settle(this.options.settleTimeoutMs, null)
    return made
  }

  start(): void {
    this.poll.start()
  }

  stop(): void {
    this.poll.stop()
    this.unsubscribe()
  }
}
