/**
 * What the simulator keeps for PortOne V2: billing keys, payments (with their cancellations) and
 * payment schedules, per V2 merchant. Like the V1 records they hold only what varies; the V2
 * wing's render/ builds the wire shapes. Times are milliseconds on the merchant's virtual clock
 * (V2 times are RFC 3339 with milliseconds). No record holds a full card number, the password
 * digits, a birth date or a business number: only the masked number and the issuer.
 */
import type { V2ChannelConfig } from '../config/v2-merchants.js'

/** What the PG reports about an accepted card, shared by a key and its payments. */
export interface V2CardSnapshot {
  /** Masked as the PG masks it, e.g. `52728927****2305`. */
  readonly number: string
  readonly bin: string
  readonly issuer: string
  readonly publisher: string
  readonly name: string
  readonly brand: 'LOCAL' | 'VISA' | 'MASTER' | 'AMEX' | 'JCB' | 'UNIONPAY' | 'DINERS'
  readonly type: 'CREDIT' | 'DEBIT'
  readonly ownerType: 'PERSONAL' | 'CORPORATE'
  /** A magic card whose charges always fail: the PG's answer to every charge; null otherwise. */
  readonly chargeFailure: { readonly pgCode: string; readonly pgMessage: string } | null
}

/** The customer fields the simulator keeps and echoes (never birth fields: they are personal data it does not need). */
export interface V2Customer {
  id?: string
  name?: string
  email?: string
  phoneNumber?: string
  zipcode?: string
  gender?: string
}

export interface V2BillingKeyRecord {
  readonly billingKey: string
  readonly storeId: string
  readonly channel: V2ChannelConfig
  readonly card: V2CardSnapshot
  readonly customer: V2Customer
  readonly customData: string | null
  readonly noticeUrls: readonly string[] | null
  readonly requestedAt: number
  readonly issuedAt: number
  status: 'ISSUED' | 'DELETED'
  deletedAt: number | null
}

export interface V2CancellationRecord {
  readonly id: string
  readonly pgCancellationId: string
  readonly totalAmount: number
  readonly taxFreeAmount: number
  readonly vatAmount: number
  readonly reason: string
  readonly requestedAt: number
  readonly cancelledAt: number
}

export type V2PaymentStatus = 'PAID' | 'FAILED' | 'PARTIAL_CANCELLED' | 'CANCELLED'

/** The charge as requested: shared by a payment and the schedule that will make it. */
export interface V2ChargeInput {
  readonly orderName: string
  readonly total: number
  readonly taxFree: number
  readonly vat: number | null
  readonly currency: string
  readonly customer: V2Customer
  readonly customData: string | null
  readonly installmentMonth: number | null
  readonly noticeUrls: readonly string[] | null
  readonly channelKey: string | null
}

/** One payment (one paymentId). Cancels change it in place; every change goes through V2MerchantState.savePayment. */
export interface V2PaymentRecord {
  readonly id: string
  readonly transactionId: string
  readonly storeId: string
  readonly channel: V2ChannelConfig
  readonly billingKey: string | null
  readonly scheduleId: string | null
  readonly charge: V2ChargeInput
  readonly card: V2CardSnapshot | null
  readonly requestedAt: number
  status: V2PaymentStatus
  updatedAt: number
  statusChangedAt: number
  readonly paidAt: number | null
  readonly pgTxId: string | null
  readonly approvalNumber: string | null
  readonly failedAt: number | null
  readonly failure: { readonly reason: string; readonly pgCode: string; readonly pgMessage: string } | null
  cancelledAmount: number
  cancelledTaxFree: number
  readonly cancellations: V2CancellationRecord[]
  cancelledAt: number | null
}

export type V2ScheduleStatus = 'SCHEDULED' | 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'REVOKED'

export interface V2ScheduleRecord {
  /** Registration order within the merchant: ties of timeToPay run in this order. */
  readonly seq: number
  readonly id: string
  readonly storeId: string
  readonly paymentId: string
  readonly billingKey: string
  readonly charge: V2ChargeInput
  readonly createdAt: number
  readonly timeToPay: number
  status: V2ScheduleStatus
  startedAt: number | null
  completedAt: number | null
  revokedAt: number | null
}
