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
import { emptyFamilies, type FamilyMaps, type FamilyName } from './family-records.js'

export type StateChange =
  | { kind: 'payment'; record: PaymentRecord }
  | { kind: 'billing_key'; record: BillingKeyRecord }
  | { kind: 'billing_key_deleted'; customer_uid: string }
  | { kind: 'prepare'; record: PrepareRecord }
  | { kind: 'token'; record: TokenRecord }
  /** A schedule was registered or changed (kept in the schedules engine's book, told here for persistence). */
  | { kind: 'schedule'; record: ScheduleRecord }
  /** A certification, cash receipt or escrow shipping record was saved (`record`) or deleted (null). */
  | { kind: 'family_record'; family: FamilyName; id: string; record: object | null }
  /** A merchant joined the store after start-up (open merchant mode). */
  | { kind: 'merchant_added' }
  /** A merchant was created or changed through the control API (its whole settings are kept). */
  | { kind: 'merchant_settings' }
  /** A merchant left the store (a full reset forgets open merchants). */
  | { kind: 'merchant_removed' }
  /** The merchant's data was emptied (control API reset). */
  | { kind: 'reset' }

/** Where a merchant came from: the config file (or the docs merchant), the control API, or open mode. */
export type MerchantOrigin = 'config' | 'control' | 'open'

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
  /** Certifications, cash receipts and escrow shipping, by id (family-records.ts). */
  readonly families: FamilyMaps = emptyFamilies()
  /** This merchant's time: the server clock plus whatever the control API moved it by. */
  readonly clock: VirtualClock
  ids: IdGenerator
  /**
   * imp_uids handed out before a reset that kept the id stream going (no seed given): never
   * handed out again, though the payments are gone (docs/ids.md).
   */
  retiredImpUids = new Set<string>()
  /** A full reset forgets open merchants; configured and control-made ones stay (emptied). */
  origin: MerchantOrigin = 'config'
  /** Told when a token stops working: replaced after it expired, or forgotten by a reset (hints). */
  onTokenEnded: ((token: TokenRecord, ended: 'expired' | 'reset') => void) | null = null

  constructor(
    /** Replaced as a whole when the control API changes the merchant's settings. */
    public merchant: MerchantConfig,
    private readonly seed: string,
    serverClock: Clock,
    private readonly observer: StateObserver | null = null,
    /** true (a seed was given): a reset restarts the id stream, so the same requests get the same ids. */
    private readonly replayIdsOnReset = true
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
    while (this.payments.has(id) || this.retiredImpUids.has(id)) id = this.ids.impUid(prefix)
    return id
  }

  setToken(record: TokenRecord): void {
    this.observer?.(this, { kind: 'token', record })
    if (this.token !== null && this.token.access_token !== record.access_token) this.onTokenEnded?.(this.token, 'expired')
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

  /** Stores (or, with null, deletes) a family record and tells the observer. */
  saveFamilyRecord<F extends FamilyName>(family: F, id: string, record: (FamilyMaps[F] extends Map<string, infer R> ? R : never) | null): void {
    // Written first: a failed write must leave memory as it was.
    this.observer?.(this, { kind: 'family_record', family, id, record: record as object | null })
    const map = this.families[family] as Map<string, unknown>
    if (record === null) map.delete(id)
    else map.set(id, record)
  }

  /** The paid payment for a merchant_uid, if there is one. */
  paidPaymentFor(merchantUid: string): PaymentRecord | undefined {
    return this.paymentsByMerchantUid.get(merchantUid).find((p) => p.status === 'paid')
  }

  /**
   * Forgets everything and restarts the clock, as on a fresh start. With a seed given the id
   * stream restarts too (the same requests get the same ids again); without one it goes on, and
   * the imp_uids of the forgotten payments are retired, so no id handed out before repeats.
   */
  reset(): void {
    // Written first: a failed write must leave memory as it was (the observer throws).
    this.observer?.(this, { kind: 'reset' })
    if (this.token !== null) this.onTokenEnded?.(this.token, 'reset')
    if (!this.replayIdsOnReset) for (const id of this.payments.keys()) this.retiredImpUids.add(id)
    this.token = null
    this.billingKeys.clear()
    this.payments.clear()
    this.paymentsByMerchantUid.clear()
    this.paymentsByCustomerUid.clear()
    this.prepares.clear()
    for (const map of Object.values(this.families)) (map as Map<string, unknown>).clear()
    this.clock.reset()
    if (this.replayIdsOnReset) this.ids = new IdGenerator(`${this.seed}:${this.merchant.imp_key}`)
  }
}
