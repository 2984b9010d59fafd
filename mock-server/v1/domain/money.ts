/**
 * Amount rules shared by every call that moves money, and the arithmetic on amounts.
 *
 * The API's amounts are JSON numbers in the currency's major unit (KRW won, USD dollars with
 * cents as decimals). Sums and differences of them in floating point drift (0.1 + 0.2, or any two
 * cent amounts near the safe-integer limit), so every calculation here is done in integer minor
 * units (KRW has none; USD cents) and only the result is turned back into the API's number. An
 * amount is accepted only if it is a whole number of minor units whose double is exact enough to
 * come back as the same number of minor units.
 */
import { errors } from '../../../api/v1/catalogue.js'

/** Currencies without a minor unit: amounts must be whole numbers. */
const ZERO_DECIMAL = new Set(['KRW', 'JPY', 'VND'])

/**
 * The most minor units one amount may hold: a hundredth of the safe-integer limit, so that every
 * sum of a payment's cancels (never above its amount) is an exact integer, and every amount in
 * major units is a double that names exactly one number of minor units.
 */
export const MAX_MINOR_UNITS = Math.floor(Number.MAX_SAFE_INTEGER / 100)

/** The largest KRW amount (about 90 trillion won, far above any real card payment). */
export const MAX_AMOUNT = MAX_MINOR_UNITS

function scaleOf(currency: string | null | undefined): 1 | 100 {
  return ZERO_DECIMAL.has(currency || 'KRW') ? 1 : 100
}

/** The largest amount in the currency's major unit. */
export function maxAmount(currency: string | null | undefined): number {
  return MAX_MINOR_UNITS / scaleOf(currency)
}

/** An API amount in integer minor units (rounded to the nearest one). */
export function toMinor(amount: number, currency: string | null | undefined): number {
  return Math.round(amount * scaleOf(currency))
}

/** Integer minor units as the API's number. */
export function fromMinor(minor: number, currency: string | null | undefined): number {
  return minor / scaleOf(currency)
}

/** Whether `amount` is a whole number of minor units, within bounds, that comes back as itself. */
export function isExactAmount(amount: number, currency: string | null | undefined): boolean {
  if (!Number.isFinite(amount)) return false
  const minor = toMinor(amount, currency)
  return Number.isSafeInteger(minor) && Math.abs(minor) <= MAX_MINOR_UNITS && fromMinor(minor, currency) === amount
}

/** An amount the PG would take: finite, above zero, whole minor units (whole in KRW), at most the maximum. */
export function assertChargeAmount(name: string, amount: number, currency: string): void {
  if (!Number.isFinite(amount) || amount <= 0) throw errors.invalidAmount(name)
  if (amount > maxAmount(currency)) throw errors.amountTooLarge(name, maxAmount(currency))
  if (!isExactAmount(amount, currency)) throw errors.invalidAmount(name)
}

/** The sum of amounts, added as integer minor units. */
export function sumMinor(amounts: Iterable<number>, currency: string | null | undefined): number {
  let total = 0
  for (const amount of amounts) total += toMinor(amount, currency)
  return total
}
