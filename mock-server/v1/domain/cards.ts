/**
 * What a PG checks when a card is presented (billing-key issue, key-in payment, schedule with
 * card fields), and what it reports back. Full card data never leaves this module: callers get
 * a `CardSnapshot` (masked number, issuer) or the PG's refusal.
 */
import { cardDigits, isLuhnValid } from '../../../fixtures/cards/luhn.js'
import { PG_DETAIL, findMagicCard } from '../../../fixtures/cards/catalogue.js'
import { issuerFor } from '../../../fixtures/cards/bins.js'
import type { CardSnapshot } from '../../shared/store/records.js'
import { joinFlat } from '../../shared/flat-strings.js'

export interface CardInput {
  card_number: string
  expiry: string
  birth?: string | undefined
  pwd_2digit?: string | undefined
}

export type CardCheck =
  | { ok: true; digits: string; charge_fail_reason: string | null }
  | { ok: false; kind: 'reject' | 'pg_error'; pg_detail: string }

const KST_OFFSET_MS = 9 * 3600 * 1000

/**
 * Runs the PG's checks in the order a PG would: the number (format, Luhn), the expiry, the
 * birth date or business number, the password digits, then the magic-card outcome.
 */
export function checkCard(input: CardInput, nowSeconds: number, lenientExpiry: boolean): CardCheck {
  const digits = cardDigits(input.card_number)
  if (digits === null || !isLuhnValid(digits)) return reject(PG_DETAIL.invalidNumber)
  if (isExpired(input.expiry, nowSeconds, lenientExpiry)) return reject(PG_DETAIL.expired)
  if (input.birth !== undefined && input.birth !== '' && !isValidBirthOrBusinessNumber(input.birth)) {
    return reject(PG_DETAIL.wrongBirth)
  }
  if (input.pwd_2digit !== undefined && input.pwd_2digit !== '' && !/^\d{2}$/.test(input.pwd_2digit)) {
    return reject(PG_DETAIL.wrongPassword)
  }
  const magic = findMagicCard(digits)
  switch (magic?.outcome.kind) {
    case 'reject':
    case 'pg_error':
      return { ok: false, kind: magic.outcome.kind, pg_detail: magic.outcome.pg_detail }
    case 'decline_charges':
      return { ok: true, digits, charge_fail_reason: magic.outcome.fail_reason }
    case undefined:
    case 'approve':
      return { ok: true, digits, charge_fail_reason: null }
    default: {
      // A new magic-card outcome fails to compile here until card checks say what it does.
      const unreachable: never = magic!.outcome
      return unreachable
    }
  }
}

function reject(pg_detail: string): CardCheck {
  return { ok: false, kind: 'reject', pg_detail }
}

/**
 * `YYYY-MM` (and `YYYYMM` when lenient). A card is good through the last day of its month,
 * Korean time; an unreadable expiry is refused the same way an expired one is.
 */
function isExpired(expiry: string, nowSeconds: number, lenient: boolean): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(expiry) ?? (lenient ? /^(\d{4})(\d{2})$/.exec(expiry) : null)
  if (!match) return true
  const year = Number(match[1])
  const month = Number(match[2])
  if (month < 1 || month > 12) return true
  const firstInvalidMs = Date.UTC(year, month, 1) - KST_OFFSET_MS
  return nowSeconds * 1000 >= firstInvalidMs
}

/** 6-digit birth date `YYMMDD`, or a 10-digit business registration number for corporate cards. */
function isValidBirthOrBusinessNumber(value: string): boolean {
  if (/^\d{10}$/.test(value)) return true
  const match = /^\d{2}(\d{2})(\d{2})$/.exec(value)
  if (!match) return false
  const month = Number(match[1])
  const day = Number(match[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/**
 * Masks a card number the way the PG does (iamport-api.md §0.5): NICE shows the first eight and
 * last four (`52728927****2305`), KG Inicis the first six and the last one (`559410*********4`);
 * other PGs mask digits 7–12, the common rule the docs give.
 */
export function maskCardNumber(digits: string, pgProvider: string): string {
  // Joined flat: the masked number is stored with every key and payment (see flat-strings.ts).
  if (pgProvider === 'nice') return joinFlat(digits.slice(0, 8), '*'.repeat(digits.length - 12), digits.slice(-4))
  if (pgProvider === 'html5_inicis' || pgProvider === 'inicis') {
    return joinFlat(digits.slice(0, 6), '*'.repeat(digits.length - 7), digits.slice(-1))
  }
  return joinFlat(digits.slice(0, 6), '*'.repeat(digits.length - 10), digits.slice(-4))
}

/** What the PG reports about an accepted card. */
export function snapshotCard(check: Extract<CardCheck, { ok: true }>, pgProvider: string): CardSnapshot {
  const issuer = issuerFor(check.digits)
  return {
    card_number: maskCardNumber(check.digits, pgProvider),
    card_code: issuer.card_code,
    card_name: issuer.card_name,
    card_type: issuer.card_type,
    charge_fail_reason: check.charge_fail_reason
  }
}
