/**
 * V2 payments: a charge with a billing key (also what a due schedule makes), a key-in charge with
 * card credentials, reads, the paged list, and cancels (full or partial).
 *
 * A paymentId is paid at most once: a charge for a paymentId whose payment is PAID (or cancelled)
 * is ALREADY_PAID; a FAILED one may be tried again, replacing it (a new transactionId). The
 * check and the write happen in one synchronous step, so two concurrent calls make one payment.
 * A PG decline records the payment FAILED and answers PG_PROVIDER with the PG's code and message.
 */
import type { BillingKeyPaymentInput, CancelPaymentBody, GetPaymentsBody, InstantPaymentInput } from '../../../api/v2/requests.js'
import { v2errors, type V2Error } from '../../../api/v2/errors.js'
import type { V2ChannelConfig, V2StoreConfig } from '../../shared/config/v2-merchants.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2CancellationRecord, V2CardSnapshot, V2ChargeInput, V2PaymentRecord } from '../../shared/store/v2-records.js'
import { usableBillingKey } from './billing-keys.js'
import { checkCredential } from './cards.js'
import { channelOf, checkAmount, customerOf, msOf, paginate, storeOf, type Page } from './common.js'

/** A charge the PG declines: the failure recorded on the payment, and the error answered. */
export interface Decline {
  readonly pgCode: string
  readonly pgMessage: string
}

/** The charge fields of a billing-key or key-in request. */
export function chargeOf(body: BillingKeyPaymentInput | InstantPaymentInput, installmentMonth: number | undefined): V2ChargeInput {
  checkAmount(body.amount)
  return {
    orderName: body.orderName,
    total: body.amount.total,
    taxFree: body.amount.taxFree ?? 0,
    vat: body.amount.vat ?? null,
    currency: body.currency,
    customer: customerOf(body.customer),
    customData: body.customData ?? null,
    installmentMonth: installmentMonth ?? null,
    noticeUrls: body.noticeUrls ?? null,
    channelKey: body.channelKey ?? null
  }
}

/** ALREADY_PAID unless the paymentId is new or its payment FAILED. */
export function checkPayable(merchant: V2MerchantState, paymentId: string, storeId: string): void {
  const existing = merchant.payments.get(paymentId)
  if (existing && existing.storeId === storeId && existing.status !== 'FAILED') throw v2errors.alreadyPaid()
}

function pgTxId(merchant: V2MerchantState, channel: V2ChannelConfig, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/\D/g, '').slice(2, 14)
  return `${channel.pg_merchant_id}0116${stamp}${merchant.ids.digits(4)}`
}

export interface ChargeRequest {
  paymentId: string
  store: V2StoreConfig
  channel: V2ChannelConfig
  charge: V2ChargeInput
  card: V2CardSnapshot
  billingKey: string | null
  scheduleId: string | null
  /** A fault rule's decline; the card's own (magic cards) applies otherwise. */
  decline: Decline | null
}

/** Makes and stores the payment: PAID, or FAILED when the PG declines. */
export function charge(merchant: V2MerchantState, request: ChargeRequest): V2PaymentRecord {
  const now = merchant.nowMs()
  const failure = request.decline ?? request.card.chargeFailure
  const paid = failure === null
  const record: V2PaymentRecord = {
    id: request.paymentId,
    transactionId: merchant.ids.uuid(),
    storeId: request.store.store_id,
    channel: request.channel,
    billingKey: request.billingKey,
    scheduleId: request.scheduleId,
    charge: request.charge,
    card: request.card,
    requestedAt: now,
    status: paid ? 'PAID' : 'FAILED',
    updatedAt: now,
    statusChangedAt: now,
    paidAt: paid ? now : null,
    pgTxId: paid ? pgTxId(merchant, request.channel, now) : null,
    approvalNumber: paid ? merchant.ids.digits(8) : null,
    failedAt: paid ? null : now,
    failure: paid ? null : { reason: failure.pgMessage, pgCode: failure.pgCode, pgMessage: failure.pgMessage },
    cancelledAmount: 0,
    cancelledTaxFree: 0,
    cancellations: [],
    cancelledAt: null
  }
  merchant.savePayment(record)
  return record
}

/** The error a FAILED charge answers with. */
export function declineError(payment: V2PaymentRecord): V2Error {
  return v2errors.pgProvider(payment.failure?.pgCode ?? 'PG_ERROR', payment.failure?.pgMessage ?? '결제에 실패했습니다.')
}

export function payWithBillingKey(
  merchant: V2MerchantState,
  paymentId: string,
  body: BillingKeyPaymentInput,
  decline: Decline | null
): V2PaymentRecord {
  const store = storeOf(merchant, body.storeId)
  const fields = chargeOf(body, body.installmentMonth)
  checkPayable(merchant, paymentId, store.store_id)
  for (const schedule of merchant.schedules.values()) {
    if (schedule.paymentId === paymentId && schedule.status === 'SCHEDULED') throw v2errors.scheduleAlreadyExists()
  }
  const key = usableBillingKey(merchant, body.billingKey, store.store_id)
  const channel = body.channelKey === undefined ? key.channel : channelOf(store, body.channelKey)
  return charge(merchant, { paymentId, store, channel, charge: fields, card: key.card, billingKey: key.billingKey, scheduleId: null, decline })
}

export function payInstantly(merchant: V2MerchantState, paymentId: string, body: InstantPaymentInput, decline: Decline | null): V2PaymentRecord {
  const store = storeOf(merchant, body.storeId)
  const method = body.method.card
  // Inferred: only a card is simulated (a virtual account needs a deposit the simulator cannot make).
  if (!method) throw v2errors.invalidRequest('method.card 필드는 필수입니다.')
  const fields = chargeOf(body, method.installmentMonth)
  checkPayable(merchant, paymentId, store.store_id)
  const channel = channelOf(store, body.channelKey)
  const card = checkCredential(method.credential, merchant.nowMs(), channel.pg_provider)
  return charge(merchant, { paymentId, store, channel, charge: fields, card, billingKey: null, scheduleId: null, decline })
}

export function findPayment(merchant: V2MerchantState, paymentId: string, storeId: string | undefined): V2PaymentRecord {
  if (storeId !== undefined) storeOf(merchant, storeId)
  const record = merchant.payments.get(paymentId)
  if (!record || (storeId !== undefined && record.storeId !== storeId)) throw v2errors.paymentNotFound()
  return record
}

/** Applies a cancel (the whole remainder without `amount`) and returns it. */
export function cancelPayment(
  merchant: V2MerchantState,
  paymentId: string,
  body: CancelPaymentBody
): { payment: V2PaymentRecord; cancellation: V2CancellationRecord } {
  const payment = findPayment(merchant, paymentId, body.storeId)
  if (payment.status === 'FAILED') throw v2errors.paymentNotPaid()
  if (payment.status === 'CANCELLED') throw v2errors.paymentAlreadyCancelled()
  const cancellable = payment.charge.total - payment.cancelledAmount
  if (body.currentCancellableAmount !== undefined && body.currentCancellableAmount !== cancellable) {
    throw v2errors.cancellableAmountMismatch()
  }
  const amount = body.amount ?? cancellable
  if (amount <= 0) throw v2errors.invalidRequest('amount 값은 0보다 커야 합니다.')
  if (amount > cancellable) throw v2errors.cancelAmountExceeds()
  const taxFreeLeft = payment.charge.taxFree - payment.cancelledTaxFree
  // Inferred: without taxFreeAmount, a full cancel takes the remaining tax-free part, a partial one none.
  const taxFreeAmount = body.taxFreeAmount ?? (amount === cancellable ? taxFreeLeft : 0)
  if (taxFreeAmount < 0) throw v2errors.invalidRequest('taxFreeAmount 값은 0 이상이어야 합니다.')
  if (taxFreeAmount > taxFreeLeft) throw v2errors.cancelTaxFreeExceeds()
  if (taxFreeAmount > amount) throw v2errors.sumOfPartsExceedsTotal()
  const now = merchant.nowMs()
  const cancellation: V2CancellationRecord = {
    id: merchant.ids.uuid(),
    pgCancellationId: `${payment.pgTxId ?? ''}C${merchant.ids.digits(4)}`,
    totalAmount: amount,
    taxFreeAmount,
    // Inferred: VAT as a tenth of the taxable supply (amount − tax-free) / 11, rounded, when not given.
    vatAmount: body.vatAmount ?? Math.round((amount - taxFreeAmount) / 11),
    reason: body.reason,
    requestedAt: now,
    cancelledAt: now
  }
  payment.cancellations.push(cancellation)
  payment.cancelledAmount += amount
  payment.cancelledTaxFree += taxFreeAmount
  payment.status = payment.cancelledAmount === payment.charge.total ? 'CANCELLED' : 'PARTIAL_CANCELLED'
  payment.cancelledAt = now
  payment.updatedAt = now
  payment.statusChangedAt = now
  merchant.savePayment(payment)
  return { payment, cancellation }
}

/** Payments of the merchant (every store, or the named one), newest first, in a time window (default: the 90 days up to now). */
export function listPayments(merchant: V2MerchantState, body: GetPaymentsBody): Page<V2PaymentRecord> {
  const page = body.page
  if (((page?.number ?? 0) + 1) * (page?.size ?? 10) > 60_000) throw v2errors.invalidRequest('(number + 1) * size 값은 60000을 넘을 수 없습니다.')
  const filter = body.filter ?? {}
  if (filter.storeId !== undefined) storeOf(merchant, filter.storeId)
  const until = msOf(filter.until) ?? merchant.nowMs()
  const from = msOf(filter.from) ?? until - 90 * 24 * 3600 * 1000
  const at = (p: V2PaymentRecord) => (filter.timestampType === 'STATUS_CHANGED_AT' ? p.statusChangedAt : p.requestedAt)
  const matching = [...merchant.payments.values()].filter(
    (p) =>
      (filter.storeId === undefined || p.storeId === filter.storeId) &&
      (filter.status === undefined || filter.status.includes(p.status)) &&
      (filter.isScheduled === undefined || (p.scheduleId !== null) === filter.isScheduled) &&
      (filter.currency === undefined || p.charge.currency === filter.currency) &&
      at(p) >= from &&
      at(p) <= until
  )
  const sign = (filter.sortOrder ?? 'DESC') === 'DESC' ? -1 : 1
  // Equal times keep request order, newest first when descending (the sort is stable).
  if (sign < 0) matching.reverse()
  matching.sort((a, b) => sign * (at(a) - at(b)))
  return paginate(matching, page)
}
