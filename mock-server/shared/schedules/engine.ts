/**
 * The schedules engine: keeps each merchant's schedule book and runs what is due.
 *
 * A schedule is due once its merchant's clock reaches `schedule_at`. Due schedules run exactly
 * once, in `schedule_at` order (registration order on ties), each as one charge (`runSchedule`);
 * the run happens synchronously, so nothing can run it a second time meanwhile. Time reaches a
 * schedule in two ways:
 *   - virtual time: the control API moves a clock and emits `clock.moved`; `runDue` then runs what
 *     became due, lets the webhook outbox send what is due, and waits (bounded) for those webhooks,
 *     so the clock call answers only once their effects can be observed;
 *   - wall time: an unref'd poll (config `schedules.poll_ms`, 0 = off) does the same without waiting.
 */
import { Poll } from './poll.js'
import { emitCharge, type EventBus } from '../store/events.js'
import type { MerchantState } from '../store/merchant-state.js'
import type { PaymentRecord } from '../store/records.js'
import type { Store } from '../store/store.js'
import { ScheduleBook, snapshotSchedule } from './book.js'
import type { ScheduleRecord } from '../store/schedule-records.js'

/** Other work that runs on the simulator's clock after the schedules (the webhook outbox). */
export interface DueWork {
  /** Starts whatever is due now (for one merchant, or all). */
  runDue(merchant: MerchantState | null): void
  /** Waits for work in flight (of one merchant, or all); false when `timeoutMs` ran out first. */
  settle(timeoutMs: number, merchant: MerchantState | null): Promise<boolean>
}

/** Whether a fault rule declines this run, and with which fail_reason (asked at the charge, not before). */
export type DeclineRule = (merchant: MerchantState, record: ScheduleRecord) => string | null

/** The run's decline, asked once its charge reaches the point the real API calls the PG. */
export type PgDecline = () => string | null

/**
 * One run of a schedule: the charge the API makes on the merchant's behalf (the V1 wing's
 * `runSchedule`). Injected, so the engine knows when to run and the API wing knows what a run is.
 */
export type ScheduleRunner = (
  merchant: MerchantState,
  record: ScheduleRecord,
  options: { decline: PgDecline; onBug: (err: unknown) => void }
) => PaymentRecord

export interface SchedulerOptions {
  store: Store
  run: ScheduleRunner
  events: EventBus
  /** Wall-time poll interval in ms; 0 = runs only on clock moves and explicit `runDue` calls. */
  pollMs: number
  /** Longest wait of `runDue` for the webhooks the run caused. */
  settleTimeoutMs: number
  /** Runs after the schedules on every tick. */
  after?: DueWork | undefined
  onError: (err: unknown) => void
}

export interface RunDueResult {
  /** The payments the due schedules made, in run order. */
  payments: PaymentRecord[]
  /** False when webhooks were still in flight when the wait ran out. */
  settled: boolean
}

export class Scheduler {
  private books = new WeakMap<MerchantState, ScheduleBook>()
  private readonly poll: Poll
  /** Consulted before every run (the fault rules plug in here). */
  declineRule: DeclineRule | null = null

  constructor(private readonly options: SchedulerOptions) {
    this.poll = new Poll(
      this.options.pollMs,
      () => {
        this.runDueSchedules(null)
        this.options.after?.runDue(null)
      },
      (err) => this.options.onError(err)
    )
  }

  /** A merchant's schedules (created empty on first use). */
  book(merchant: MerchantState): ScheduleBook {
    let book = this.books.get(merchant)
    if (!book) {
      book = new ScheduleBook((record, undo) => merchant.saveSchedule(record, undo))
      this.books.set(merchant, book)
    }
    return book
  }

  /**
   * Runs one schedule now (a due one, or a retry) and tells the event bus about the payment.
   * `decided` carries the retry request's own decline (preset or pending rule); a due run asks the
   * decline rule itself. Either is asked only when the charge reaches the PG.
   */
  run(merchant: MerchantState, record: ScheduleRecord, decided?: { decline: PgDecline }): PaymentRecord {
    const before = snapshotSchedule(record)
    this.book(merchant).dequeue(record)
    const decline = decided ? decided.decline : () => this.declineRule?.(merchant, record) ?? null
    const payment = this.options.run(merchant, record, { decline, onBug: this.options.onError })
    this.book(merchant).save(record, before)
    emitCharge(this.options.events, merchant, payment)
    return payment
  }

  /** Runs every schedule due now, of one merchant or of all, synchronously; returns the payments made. */
  runDueSchedules(merchant: MerchantState | null = null): PaymentRecord[] {
    const payments: PaymentRecord[] = []
    const merchants = merchant ? [merchant] : this.options.store.allMerchants()
    for (const state of merchants) {
      const book = this.books.get(state)
      if (!book) continue
      const next = book.nextDueAt()
      if (next === null || next > state.now()) continue
      for (const record of book.takeDue(state.now())) payments.push(this.run(state, record))
    }
    return payments
  }

  /**
   * Runs what is due (schedules, then the outbox's due sends) and waits, bounded by
   * `settleTimeoutMs`, for the webhooks in flight. Tests and the control API await this.
   */
  async runDue(merchant: MerchantState | null = null): Promise<RunDueResult> {
    const payments = this.runDueSchedules(merchant)
    const { after } = this.options
    if (!after) return { payments, settled: true }
    after.runDue(merchant)
    const settled = await after.settle(this.options.settleTimeoutMs, merchant)
    return { payments, settled }
  }

  /** Starts the wall-time poll (when configured). Idempotent. */
  start(): void {
    this.poll.start()
  }

  stop(): void {
    this.poll.stop()
  }

  /** Forgets one merchant's schedules, or everyone's. */
  reset(merchant: MerchantState | null): void {
    if (merchant) this.books.get(merchant)?.clear()
    else this.books = new WeakMap()
  }
}
