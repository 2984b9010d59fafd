/**
 * Everything one PortOne V2 merchant (one API secret) owns: its billing keys, payments and
 * schedules across its stores, its id stream and its clock (the server clock, which the control
 * API moves for V1 and V2 alike). All writes go through the `save*` methods, which tell an
 * optional observer (persistence) what changed.
 */
import type { Clock } from '../clock.js'
import { VirtualClock } from '../clock.js'
import { Random } from '../ids.js'
import type { V2MerchantConfig, V2StoreConfig } from '../config/v2-merchants.js'
import type { V2BillingKeyRecord, V2PaymentRecord, V2ScheduleRecord } from './v2-records.js'

export type V2StateChange =
  | { kind: 'v2_billing_key'; record: V2BillingKeyRecord }
  | { kind: 'v2_payment'; record: V2PaymentRecord }
  | { kind: 'v2_schedule'; record: V2ScheduleRecord }
  | { kind: 'v2_reset' }
  /** A merchant registered by open mode at its first use (persistence keeps its secret). */
  | { kind: 'v2_merchant_added' }

export type V2StateObserver = (merchant: V2MerchantState, change: V2StateChange) => void

/** UUID-shaped ids from a seeded stream: same seed, same requests → same ids. */
export class V2Ids {
  private random: Random
  constructor(private readonly seed: string) {
    this.random = new Random(seed)
  }
  uuid(): string {
    const h = this.random.hex(32)
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
  }
  digits(n: number): string {
    return this.random.digits(n)
  }
  hex(n: number): string {
    return this.random.hex(n)
  }
  reset(): void {
    this.random = new Random(this.seed)
  }
}

export class V2MerchantState {
  readonly billingKeys = new Map<string, V2BillingKeyRecord>()
  readonly payments = new Map<string, V2PaymentRecord>()
  readonly schedules = new Map<string, V2ScheduleRecord>()
  readonly clock: VirtualClock
  readonly ids: V2Ids
  private scheduleSeq = 0

  constructor(
    readonly merchant: V2MerchantConfig,
    seed: string,
    serverClock: Clock,
    readonly open: boolean,
    private readonly observer: V2StateObserver | null = null
  ) {
    this.clock = new VirtualClock(serverClock)
    this.ids = new V2Ids(`${seed}:v2:${merchant.merchant_id}`)
  }

  /** Now in milliseconds on this merchant's clock. */
  nowMs(): number {
    return this.clock.nowMs()
  }

  /** Now in whole seconds (the webhook outbox's unit). */
  now(): number {
    return this.clock.nowSeconds()
  }

  /** The store a request names, or the first one when it names none; undefined for a store of another merchant. */
  store(storeId: string | undefined): V2StoreConfig | undefined {
    return storeId === undefined ? this.merchant.stores[0] : this.merchant.stores.find((s) => s.store_id === storeId)
  }

  nextScheduleSeq(): number {
    return ++this.scheduleSeq
  }

  saveBillingKey(record: V2BillingKeyRecord): void {
    this.billingKeys.set(record.billingKey, record)
    this.observer?.(this, { kind: 'v2_billing_key', record })
  }

  savePayment(record: V2PaymentRecord): void {
    this.payments.set(record.id, record)
    this.observer?.(this, { kind: 'v2_payment', record })
  }

  saveSchedule(record: V2ScheduleRecord): void {
    if (record.seq > this.scheduleSeq) this.scheduleSeq = record.seq
    this.schedules.set(record.id, record)
    this.observer?.(this, { kind: 'v2_schedule', record })
  }

  /** Forgets everything and restarts the id stream and clock, as on a fresh start. */
  reset(): void {
    this.billingKeys.clear()
    this.payments.clear()
    this.schedules.clear()
    this.scheduleSeq = 0
    this.clock.reset()
    this.ids.reset()
    this.observer?.(this, { kind: 'v2_reset' })
  }
}
