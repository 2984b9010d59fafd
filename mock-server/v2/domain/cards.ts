/**
 * What a PG checks when a V2 card credential is presented (billing-key issue, key-in payment),
 * and what it reports back. The rules and magic cards are the V1 ones (fixtures/cards); a refusal
 * is a PG_PROVIDER error carrying the PG's code and Korean message, split from the catalogue's
 * `[F113]거래거절 카드번호틀림` form. Full card data never leaves this module.
 */
import { FAIL_REASON } from '../../../fixtures/cards/catalogue.js'
import { issuerFor } from '../../../fixtures/cards/bins.js'
import type { CardCredential } from '../../../api/v2/requests.js'
import { v2errors, type V2Error } from '../../../api/v2/errors.js'
import type { V2CardSnapshot } from '../../shared/store/v2-records.js'
import { checkPresentedCard, maskCardNumber, type MaskStyle } from '../../shared/cards.js'

/** `[F113]거래거절 카드번호틀림` → code `F113`, message `거래거절 카드번호틀림`. */
export function splitPgDetail(detail: string): { pgCode: string; pgMessage: string } {
  const match = /^\[([^\]]+)\](.*)$/.exec(detail)
  return match ? { pgCode: match[1]!, pgMessage: match[2]!.trim() } : { pgCode: 'PG_ERROR', pgMessage: detail }
}

function refuse(detail: string): V2Error {
  const { pgCode, pgMessage } = splitPgDetail(detail)
  return v2errors.pgProvider(pgCode, pgMessage)
}

/**
 * Charge-time declines of the magic cards, with a card-network response code (inferred: 51 is
 * the ISO 8583 code for insufficient funds, 61 for an exceeded limit).
 */
const CHARGE_CODES: Record<string, string> = { [FAIL_REASON.insufficientBalance]: '51', [FAIL_REASON.limitExceeded]: '61' }

/** `expiryYear` as 2 or 4 digits, `expiryMonth` 1–2 digits; null when unreadable. */
function parseExpiry(year: string, month: string): { year: number; month: number } | null {
  if (!/^\d{2}(\d{2})?$/.test(year) || !/^\d{1,2}$/.test(month)) return null
  return { year: year.length === 2 ? 2000 + Number(year) : Number(year), month: Number(month) }
}

/** The mask style of a V2 PG provider (`NICE_V2`, `INICIS_V2`, …). */
function maskStyleOf(pgProvider: string): MaskStyle {
  if (pgProvider.startsWith('NICE')) return 'nice'
  if (pgProvider.includes('INICIS')) return 'inicis'
  return 'common'
}

function brandOf(digits: string): V2CardSnapshot['brand'] {
  if (digits.startsWith('4')) return 'VISA'
  if (/^5[1-5]/.test(digits) || /^2[2-7]/.test(digits)) return 'MASTER'
  if (/^3[47]/.test(digits)) return 'AMEX'
  if (/^35/.test(digits)) return 'JCB'
  if (/^62/.test(digits)) return 'UNIONPAY'
  return 'LOCAL'
}

/**
 * Runs the PG's checks in order (number, expiry, birth or business number, password digits, then
 * the magic-card outcome) and returns what the PG reports, or throws PG_PROVIDER.
 */
export function checkCredential(credential: CardCredential, nowMs: number, pgProvider: string): V2CardSnapshot {
  const birth = credential.birthOrBusinessRegistrationNumber
  const check = checkPresentedCard(
    {
      number: credential.number,
      expiry: parseExpiry(credential.expiryYear, credential.expiryMonth),
      birth,
      password: credential.passwordTwoDigits
    },
    nowMs
  )
  if (!check.ok) throw refuse(check.pg_detail)
  const { digits } = check
  const issuer = issuerFor(digits)
  const failReason = check.charge_fail_reason
  return {
    number: maskCardNumber(digits, maskStyleOf(pgProvider)),
    bin: digits.slice(0, 6),
    issuer: issuer.card_name,
    publisher: issuer.card_name,
    name: issuer.card_name,
    brand: brandOf(digits),
    type: issuer.card_type === 1 ? 'DEBIT' : 'CREDIT',
    ownerType: birth !== undefined && /^\d{10}$/.test(birth) ? 'CORPORATE' : 'PERSONAL',
    chargeFailure: failReason === null ? null : { pgCode: CHARGE_CODES[failReason] ?? 'DECLINED', pgMessage: failReason }
  }
}
