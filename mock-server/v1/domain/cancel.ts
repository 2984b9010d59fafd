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
import { money } from './money.js'

export const DEFAULT_CANCEL_REASON = '취소요청api'

export interface CancelInput {
  imp_uid?: string | undefined
  merchant_uid?: string | undefined
  amount?: number | undefined
  tax_free?: number | undefined
  vat_amount?: number | undefined
  checksum?: number | null | undefined
  reason?: string | undefined
}

export function cancelPayment(state: MerchantState, input: CancelInput): PaymentRecord {
  const payment = findCancelTarget(state, input)
  const cancellable = payment.cancellable
  if (cancellable <= 0) throw errors.alreadyCancelled()
  const requested = input.amount ? input.amount : cancellable
  if (!Number.isFinite(requested) || requested < 0 || money(requested) !== requested) {
    throw errors.invalidAmount('amount')
  }
  if (input.checksum !== undefined && input.checksum !== null && money(input.checksum) !== cancellable) {
    throw errors.checksumMismatch(input.checksum, cancellable)
  }
  if (requested > cancellable) throw errors.cancelAmountTooLarge()
  if (input.tax_free !== undefined && input.tax_free > requested) throw errors.invalidParam('tax_free')

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
  payment.cancel_amount = money(payment.cancel_amount + requested)
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
