/**
 * `GET /payments/{imp_uid}/balance`: the amount detail of a payment, which the swagger says only
 * PAYCO (and, in the observed refusal, KCP) report. Other PGs, and payments neither paid nor
 * cancelled, get the observed refusal text. The split is the simulator's (docs/v1-families.md):
 * everything is the primary method's, taxable, VAT 1/11 rounded down; one history entry for the
 * payment and one (negative) per cancel.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { Balance, PaymentBalance } from '../../../api/v1/codes.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import { fromMinor, toMinor } from './money.js'

/** PGs that answer the detail (swagger: PAYCO; observed refusal: "PAYCO, KCP"). */
export const BALANCE_PGS = ['payco', 'kcp', 'kcp_v2'] as const

const ZERO: Balance = { tax_free: 0, supply: 0, vat: 0, service: 0 }

function split(amount: number, currency: string): Balance {
  const vat = Math.trunc(amount / 11)
  return { tax_free: 0, supply: fromMinor(toMinor(amount, currency) - toMinor(vat, currency), currency), vat, service: 0 }
}

export function paymentBalance(state: MerchantState, impUid: string): PaymentBalance {
  const payment = state.payments.get(impUid)
  if (!payment) throw errors.paymentNotFound()
  const supported = (BALANCE_PGS as readonly string[]).includes(payment.channel.pg_provider)
  if (!supported || (payment.status !== 'paid' && payment.status !== 'cancelled')) throw errors.balanceUnavailable()
  const { currency } = payment
  const entry = (amount: number, created: number) => ({
    cash_receipt: ZERO,
    primary: split(amount, currency),
    secondary: ZERO,
    discount: ZERO,
    created
  })
  const histories = [entry(payment.amount, payment.paid_at), ...(payment.cancel_history ?? []).map((c) => entry(-c.amount, c.cancelled_at))]
  const remaining = fromMinor(toMinor(payment.amount, currency) - toMinor(payment.cancel_amount, currency), currency)
  return { amount: remaining, cash_receipt: ZERO, primary: split(remaining, currency), secondary: ZERO, discount: ZERO, histories }
}
