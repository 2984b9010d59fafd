/**
 * Everything one merchant (one imp_key) owns: its token, billing keys, payments, prepared amounts,
 * id stream and clock. Nothing here is shared between merchants, so parallel CI shards using
 * different keys never see each other's data.
 *
 * All writes go through the `save*`/`insert*`/`delete*` methods, which keep the indexes right and
 * tell an optional observer (persistence) what changed. The observer is told first and may throw
 * (a data file write failed): then the change is not made, so memory never holds what the file
 * does not. A change made in place before it is saved (`savePayment`, a schedule) comes with the
 * `undo` that puts the record back.
 */
import type { Clock } from '../clock.js'
import { VirtualClock } from '../clock.js'
import type { MerchantConfig } from '../config/config.js'
import { IdGenerator } from '../ids.js'
import type { BillingKeyRecord, PaymentRecord, PrepareRecord, TokenRecord } from './records.js'
import type { ScheduleRecord } from './schedule-records.js'
import { MultiIndex } from './multi-index.js'

export type StateChange =
  | { kind: 'payment'; record: PaymentRecord }
  | { kind: 'billing_key'; record: BillingKeyRecord }
  | { kind: 'billing_key_deleted'; customer_uid: string }
  | { kind: 'prepare'; record: PrepareRecord }
  | { kind: 'token'; record: TokenRecord }
  /** A schedule was registered or changed (kept in the schedules engine's book, told here for persistence). */
  | { kind: 'schedule'; record: ScheduleRecord }
  /** A merchant joined the store after start-up (open merchant mode). */
  | { kind: 'merchant_added' }
  /** A merchant left the store (a full reset forgets open merchants). */
  | { kind: 'merchant_removed' }
  /** The merchant's data was emptied (control API reset). */
  | { kind: 'reset' }

export type StateObserver = (merchant: MerchantState, change: StateChange) => void

export class MerchantState {
  token: TokenRecord | null = null
  readonly billingKeys = new Map<string, BillingKeyRecord>()
  /** By imp_uid. */
  readonly payments = new Map<string, PaymentRecord>()
  /** Every payment made with a merchant_uid, oldest first (failed attempts may share one). */
  readonly paymentsByMerchantUid = new MultiIndex<string, PaymentRecord>()
  /** Every payment made with a customer_uid's key, oldest first. */
  readonly paymentsByCustomerUid = new MultiIndex<string, PaymentRecord>()
  readonly prepares = new Map<string, PrepareRecord>()
  /** This merchant's time: the server clock plus whatever the control API moved it by. */
  readonly clock: VirtualClock
  ids: IdGenerator

  constructor(
    readonly merchant: MerchantConfig,
    private readonly seed: string,
    serverClock: Clock,
    private readonly observer: StateObserver | null = null
  ) {
    this.clock = new VirtualClock(serverClock)
    this.ids = new IdGenerator(`${seed}:${merchant.imp_key}`)
  }

  /** Current time in UNIX seconds. */
  now(): number {
    return this.clock.nowSeconds()
  }

  /** A fresh imp_uid that no payment of this merchant has. */
  newImpUid(prefix: 'imp_' | 'imps_'): string {
    let id = this.ids.impUid(prefix)
    while (this.payments.has(id)) id = this.ids.impUid(prefix)
    return id
  }

  setToken(record: TokenRecord): void {
    this.observer?.(this, { kind: 'token', record })
    this.token = record
  }

  saveBillingKey(record: BillingKeyRecord): void {
    this.observer?.(this, { kind: 'billing_key', record })
    this.billingKeys.set(record.customer_uid, record)
  }

  deleteBillingKey(customerUid: string): void {
    this.observer?.(this, { kind: 'billing_key_deleted', customer_uid: customerUid })
    this.billingKeys.delete(customerUid)
  }

  insertPayment(record: PaymentRecord): void {
    this.observer?.(this, { kind: 'payment', record })
    this.payments.set(record.imp_uid, record)
    this.paymentsByMerchantUid.add(record.merchant_uid, record)
    if (record.customer_uid !== null) this.paymentsByCustomerUid.add(record.customer_uid, record)
  }

  /** Call after changing a stored payment in place (cancel), with what puts it back if the save fails. */
  savePayment(record: PaymentRecord, undo: () => void = () => {}): void {
    this.tell({ kind: 'payment', record }, undo)
  }

  /** Call after registering or changing a schedule (the schedules engine's book holds it), with its undo. */
  saveSchedule(record: ScheduleRecord, undo: () => void = () => {}): void {
    this.tell({ kind: 'schedule', record }, undo)
  }

  savePrepare(record: PrepareRecord): void {
    this.observer?.(this, { kind: 'prepare', record })
    this.prepares.set(record.merchant_uid, record)
  }

  private tell(change: StateChange, undo: () => void): void {
    try {
      this.observer?.(this, change)
    } catch (err) {
      undo()
      throw err
    }
  }

  /** The paid payment for a merchant_uid, if there is one. */
  paidPaymentFor(merchantUid: string): PaymentRecord | undefined {
    return this.paymentsByMerchantUid.get(merchantUid).find((p) => p.status === 'paid')
  }

  /** Forgets everything and restarts the id stream and clock, as on a fresh start. */
  reset(): void {
    this.observer?.(this, { kind: 'reset' })
    this.token = null
    this.billingKeys.clear()
    this.payments.clear()
    this.paymentsByMerchantUid.clear()
    this.paymentsByCustomerUid.clear()
    this.prepares.clear()
    this.clock.reset()
    this.ids = new IdGenerator(`${this.seed}:${this.merchant.imp_key}`)
  }
}
