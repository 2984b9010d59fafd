/**
 * What a PG checks when a V2 card credential is presented (billing-key issue, key-in payment),
 * and what it reports back. The rules and magic cards are the V1 ones (fixtures/cards); a refusal
 * is a PG_PROVIDER error carrying the PG's code and Korean message, split from the catalogue's
 * `[F113]거래거절 카드번호틀림` form. Full card data never leaves this module.
 */
import { cardDigits, isLuhnValid } from '../../../fixtures/cards/luhn.js'
import { FAIL_REASON, PG_DETAIL, findMagicCard } from '../../../fixtures/cards/catalogue.js'
import { issuerFor } from '../../../fixtures/cards/bins.js'
import type { CardCredential } from '../../../api/v2/requests.js'
import { v2errors, type V2Error } from '../../../api/v2/errors.js'
import type { V2CardSnapshot } from '../../shared/store/v2-records.js'

const KST_OFFSET_MS = 9 * 3600 * 1000

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

/** `expiryYear` as 2 or 4 digits, `expiryMonth` 1–12; good through the month's last day, Korean time. */
function isExpired(year: string, month: string, nowMs: number): boolean {
  if (!/^\d{2}(\d{2})?$/.test(year) || !/^\d{1,2}$/.test(month)) return true
  const y = year.length === 2 ? 2000 + Number(year) : Number(year)
  const m = Number(month)
  if (m < 1 || m > 12) return true
  return nowMs >= Date.UTC(y, m, 1) - KST_OFFSET_MS
}

/** 6-digit birth date `YYMMDD`, or a 10-digit business registration number. */
function isValidBirthOrBusinessNumber(value: string): boolean {
  if (/^\d{10}$/.test(value)) return true
  const match = /^\d{2}(\d{2})(\d{2})$/.exec(value)
  if (!match) return false
  const month = Number(match[1])
  const day = Number(match[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/** Masks as the PG does: NICE shows the first eight and last four, KG Inicis six and one, others six and four. */
export function maskCardNumber(digits: string, pgProvider: string): string {
  if (pgProvider.startsWith('NICE')) return `${digits.slice(0, 8)}${'*'.repeat(digits.length - 12)}${digits.slice(-4)}`
  if (pgProvider.includes('INICIS')) return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 7)}${digits.slice(-1)}`
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`
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
  const digits = cardDigits(credential.number)
  if (digits === null || !isLuhnValid(digits)) throw refuse(PG_DETAIL.invalidNumber)
  if (isExpired(credential.expiryYear, credential.expiryMonth, nowMs)) throw refuse(PG_DETAIL.expired)
  const birth = credential.birthOrBusinessRegistrationNumber
  if (birth !== undefined && birth !== '' && !isValidBirthOrBusinessNumber(birth)) throw refuse(PG_DETAIL.wrongBirth)
  const password = credential.passwordTwoDigits
  if (password !== undefined && password !== '' && !/^\d{2}$/.test(password)) throw refuse(PG_DETAIL.wrongPassword)
  const magic = findMagicCard(digits)
  if (magic?.outcome.kind === 'reject' || magic?.outcome.kind === 'pg_error') throw refuse(magic.outcome.pg_detail)
  const issuer = issuerFor(digits)
  const failReason = magic?.outcome.kind === 'decline_charges' ? magic.outcome.fail_reason : null
  return {
    number: maskCardNumber(digits, pgProvider),
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
