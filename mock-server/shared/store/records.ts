/**
 * What the simulator keeps. Records hold only what varies; constant and derived wire fields
 * (receipt URLs, `pay_method`, empty vbank fields…) are filled in by `render/` on the way out.
 * No record holds a full card number, password digits, birth date or CVC.
 */
import type { PgChannel } from '../config/config.js'
import type { CustomerUidUsage, PaymentStatus } from '../../../api/v1/payment.js'

/** What a PG reports about a card once it has accepted it. Shared by a key and its payments. */
export interface CardSnapshot {
  /** Masked the way the key's PG masks it, e.g. `52728927****2305` (nice). */
  readonly card_number: string
  readonly card_code: string
  readonly card_name: string
  readonly card_type: 0 | 1 | null
  /** Set for magic cards whose charges always fail (`decline_charges`); null otherwise. */
  readonly charge_fail_reason: string | null
}

export interface CustomerFields {
  customer_id: string | null
  customer_name: string | null
  customer_tel: string | null
  customer_email: string | null
  customer_addr: string | null
  customer_postcode: string | null
}

/** A billing key under a customer_uid. Issuing again under the same uid replaces card and channel, keeps `inserted`. */
export interface BillingKeyRecord extends CustomerFields {
  readonly customer_uid: string
  channel: PgChannel
  card: CardSnapshot
  /** First issue under this customer_uid (UNIX seconds). */
  inserted: number
  /** Last issue (UNIX seconds). */
  updated: number
}

export interface CancelRecord {
  readonly pg_tid: string
  readonly amount: number
  readonly cancelled_at: number
  readonly reason: string
  readonly cancellation_id: string
}

export interface BuyerFields {
  name: string | null
  buyer_name: string | null
  buyer_email: string | null
  buyer_tel: string | null
  buyer_addr: string | null
  buyer_postcode: string | null
  custom_data: string | null
}

/** A virtual account's fields (무통장입금): bank, number, holder, due time, issue time. */
export interface VbankFields {
  readonly vbank_code: string
  readonly vbank_name: string
  readonly vbank_num: string
  readonly vbank_holder: string
  /** The due time (UNIX seconds); PUT /vbanks may move it. */
  vbank_date: number
  readonly vbank_issued_at: number
}

/** One deposit into a virtual account (`VbankDepositAnnotation`). */
export interface DepositRecord {
  readonly pg_tid: string
  readonly amount: number
  readonly depositor_name: string
  readonly deposited_at: number
}

/** Where a payment was made from when it came through the browser SDK's window (REST payments have none). */
export interface BrowserFacts {
  /** `pc` for the overlay window, `mobile` for the full-page redirect. */
  readonly channel: 'pc' | 'mobile'
  readonly user_agent: string | null
}

/** What a new payment is made of; the outcome decides the paid, failed or ready (vbank) fields. */
export interface PaymentInit {
  imp_uid: string
  merchant_uid: string
  amount: number
  currency: string
  channel: PgChannel
  card: CardSnapshot | null
  customer_uid: string | null
  customer_uid_usage: CustomerUidUsage | null
  card_quota: number
  started_at: number
  outcome: { status: 'paid'; pg_tid: string; apply_num: string } | { status: 'failed'; fail_reason: string } | { status: 'ready'; pg_tid: string }
  /** `card` unless given. */
  pay_method?: 'card' | 'vbank'
  vbank?: VbankFields | null
  escrow?: boolean
  name: string | null
  buyer_name: string | null
  buyer_email: string | null
  buyer_tel: string | null
  buyer_addr: string | null
  buyer_postcode: string | null
  custom_data: string | null
  notice_url: string | null
  /** Set for payments made through the payment window. */
  browser?: BrowserFacts | null
}

/** One payment (one imp_uid). Mutated in place by cancel; every change goes through MerchantState.savePayment. */
export class PaymentRecord implements BuyerFields {
  status: PaymentStatus
  cancel_amount = 0
  cancelled_at = 0
  cancel_reason: string | null = null
  cancel_history: CancelRecord[] | null = null
  /** Last change (UNIX seconds), for the `updated` sort orders. */
  updated_at: number
  readonly pg_tid: string | null
  readonly apply_num: string | null
  /** Set when a virtual account is paid by its deposits. */
  paid_at: number
  readonly failed_at: number
  readonly fail_reason: string | null

  readonly imp_uid: string
  readonly merchant_uid: string
  /** PUT /vbanks may change it while the account waits for its deposit. */
  amount: number
  readonly currency: string
  readonly channel: PgChannel
  readonly card: CardSnapshot | null
  readonly customer_uid: string | null
  readonly customer_uid_usage: CustomerUidUsage | null
  readonly card_quota: number
  readonly started_at: number
  readonly name: string | null
  readonly buyer_name: string | null
  readonly buyer_email: string | null
  readonly buyer_tel: string | null
  readonly buyer_addr: string | null
  readonly buyer_postcode: string | null
  readonly custom_data: string | null
  readonly notice_url: string | null
  readonly pay_method: 'card' | 'vbank'
  readonly vbank: VbankFields | null
  readonly escrow: boolean
  /** Deposits into a virtual account, oldest first; null for other payments. */
  deposit_history: DepositRecord[] | null = null
  /** A cash receipt was issued through `POST /receipts/{imp_uid}` and not cancelled. */
  cash_receipt_issued = false
  /** Absent (or null) on REST payments: they have no browser. */
  readonly browser: BrowserFacts | null

  /** Named fields, so that two adjacent `string | null` values (buyer_tel, buyer_addr…) cannot swap unseen. */
  constructor(init: PaymentInit) {
    const { outcome, started_at } = init
    this.imp_uid = init.imp_uid
    this.merchant_uid = init.merchant_uid
    this.amount = init.amount
    this.currency = init.currency
    this.channel = init.channel
    this.card = init.card
    this.customer_uid = init.customer_uid
    this.customer_uid_usage = init.customer_uid_usage
    this.card_quota = init.card_quota
    this.started_at = started_at
    this.name = init.name
    this.buyer_name = init.buyer_name
    this.buyer_email = init.buyer_email
    this.buyer_tel = init.buyer_tel
    this.buyer_addr = init.buyer_addr
    this.buyer_postcode = init.buyer_postcode
    this.custom_data = init.custom_data
    this.notice_url = init.notice_url
    this.pay_method = init.pay_method ?? 'card'
    this.vbank = init.vbank ?? null
    this.escrow = init.escrow ?? false
    this.browser = init.browser ?? null
    this.status = outcome.status
    this.updated_at = started_at
    if (outcome.status === 'paid') {
      this.pg_tid = outcome.pg_tid
      this.apply_num = outcome.apply_num
      this.paid_at = started_at
      this.failed_at = 0
      this.fail_reason = null
    } else if (outcome.status === 'ready') {
      this.pg_tid = outcome.pg_tid
      this.apply_num = null
      this.paid_at = 0
      this.failed_at = 0
      this.fail_reason = null
    } else {
      this.pg_tid = null
      this.apply_num = null
      this.paid_at = 0
      this.failed_at = started_at
      this.fail_reason = outcome.fail_reason
    }
  }

  /** What can still be refunded. */
  get cancellable(): number {
    // A virtual account never paid (waiting, or revoked) holds no money to refund.
    if (this.status === 'failed' || this.status === 'ready' || (this.pay_method === 'vbank' && this.paid_at === 0)) return 0
    return this.amount - this.cancel_amount
  }
}

export interface PrepareRecord {
  readonly merchant_uid: string
  amount: number
  currency: string | null
}

export interface TokenRecord {
  readonly access_token: string
  expired_at: number
}
