/**
 * `POST /payments/cancel` (cancel/v1/basic.mdx; iamport-api.md §5.3):
 * - `imp_uid` wins over `merchant_uid`; an unknown imp_uid fails whatever merchant_uid says;
 * - `amount` missing or 0 cancels the whole remaining balance, otherwise a partial cancel;
 * - `checksum`, when given, must equal the remaining balance or nothing happens;
 * - the status becomes `cancelled` even after a partial cancel (Feb-2024 logs), so "partially
 *   cancelled" is `cancel_amount < amount`;
 * - without `reason` the stored reason is `취소요청api`.
 * Every failure is HTTP 200 with code ≠ 0.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { PaymentRecord } from '../../shared/store/records.js'
import { fromMinor, isExactAmount, sumMinor, toMinor } from './money.js'

export const DEFAULT_CANCEL_REASON = '취소요청api'

export interface CancelInput {
  imp_uid?: string | undefined
  merchant_uid?: string | undefined
  amount?: number | undefined
  tax_free?: number | undefined
  vat_amount?: number | undefined
  checksum?: number | null | undefined
  reason?: string | undefined
  refund_holder?: string | undefined
  refund_bank?: string | undefined
  refund_account?: string | undefined
}

export function cancelPayment(state: MerchantState, input: CancelInput): PaymentRecord {
  const payment = findCancelTarget(state, input)
  // A virtual account refunds to a bank account the buyer names (cancel/v1/basic.mdx: refund_* fields).
  if (payment.pay_method === 'vbank') {
    if (payment.status === 'ready') throw errors.vbankNotPaid()
    if (payment.cancellable > 0 && (!input.refund_holder || !input.refund_bank || !input.refund_account)) {
      throw errors.refundAccountRequired()
    }
  }
  // Everything below in integer minor units: cancel_amount is always the sum of cancel_history.
  const currency = payment.currency
  const cancelledMinor = sumMinor(
    (payment.cancel_history ?? []).map((h) => h.amount),
    currency
  )
  const cancellableMinor = payment.status === 'failed' ? 0 : toMinor(payment.amount, currency) - cancelledMinor
  if (cancellableMinor <= 0) throw errors.alreadyCancelled()
  const cancellable = fromMinor(cancellableMinor, currency)
  if (input.amount && !isExactAmount(input.amount, currency)) throw errors.invalidAmount('amount')
  if (input.amount !== undefined && input.amount < 0) throw errors.invalidAmount('amount')
  const requestedMinor = input.amount ? toMinor(input.amount, currency) : cancellableMinor
  if (input.checksum !== undefined && input.checksum !== null && toMinor(input.checksum, currency) !== cancellableMinor) {
    throw errors.checksumMismatch(input.checksum, cancellable)
  }
  if (requestedMinor > cancellableMinor) throw errors.cancelAmountTooLarge()
  if (input.tax_free !== undefined && toMinor(input.tax_free, currency) > requestedMinor) throw errors.invalidParam('tax_free')
  const requested = fromMinor(requestedMinor, currency)

  const now = state.now()
  const reason = input.reason || DEFAULT_CANCEL_REASON
  // What a failed save puts back: the fields a cancel changes.
  const { cancel_history: history, cancel_amount, status, cancelled_at, cancel_reason, updated_at } = payment
  const undo = () =>
    Object.assign(payment, { cancel_history: history && history.slice(0, -1), cancel_amount, status, cancelled_at, cancel_reason, updated_at })
  payment.cancel_history ??= []
  payment.cancel_history.push({
    pg_tid: payment.pg_tid ?? '',
    amount: requested,
    cancelled_at: now,
    reason,
    cancellation_id: state.ids.cancellationId()
  })
  payment.cancel_amount = fromMinor(cancelledMinor + requestedMinor, currency)
  payment.status = 'cancelled'
  payment.cancelled_at = now
  payment.cancel_reason = reason
  payment.updated_at = now
  state.savePayment(payment, undo)
  return payment
}

function findCancelTarget(state: MerchantState, input: CancelInput): PaymentRecord {
  let payment: PaymentRecord | undefined
  if (input.imp_uid) {
    payment = state.payments.get(input.imp_uid)
  } else if (input.merchant_uid) {
    // Several attempts may share a merchant_uid; only one can have been paid.
    payment = state.paymentsByMerchantUid.get(input.merchant_uid).findLast((p) => p.status !== 'failed')
  } else {
    throw errors.cancelTargetMissing()
  }
  // A failed payment has nothing to refund: answered like a missing one (inferred).
  if (!payment || payment.status === 'failed') throw errors.cancelTargetNotFound()
  return payment
}
