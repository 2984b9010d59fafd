/** Amount rules shared by every call that moves money. */
import { errors } from '../../../api/v1/catalogue.js'

/** Currencies without a minor unit: amounts must be whole numbers. */
const ZERO_DECIMAL = new Set(['KRW', 'JPY', 'VND'])

/** Rounds away binary noise so that partial cancels of 0.1 + 0.2 add up (amounts have at most 2 decimals). */
export function money(value: number): number {
  return Math.round(value * 100) / 100
}

/**
 * The largest amount taken: every amount in hundredths stays an exact integer in a double, so
 * balances and partial cancels add up exactly (above 2^53 a refund could exceed the payment).
 * About 90 trillion, far above any real card payment.
 */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100)

/** An amount the PG would take: finite, above zero, whole in KRW, at most MAX_AMOUNT. */
export function assertChargeAmount(name: string, amount: number, currency: string): void {
  if (!Number.isFinite(amount) || amount <= 0) throw errors.invalidAmount(name)
  if (amount > MAX_AMOUNT) throw errors.amountTooLarge(name, MAX_AMOUNT)
  if (ZERO_DECIMAL.has(currency) && !Number.isInteger(amount)) throw errors.invalidAmount(name)
  if (money(amount) !== amount) throw errors.invalidAmount(name)
}
