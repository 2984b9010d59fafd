/**
 * What a PG checks when a card is presented, whichever API presents it (V1 key-in and billing-key
 * issue, V2 credentials): the number (format, Luhn), the expiry, the birth date or business
 * number, the password digits, then the magic-card outcome (fixtures/cards). Each wing parses its
 * own wire fields into a `PresentedCard` and turns a refusal into its own error. Full card data
 * never leaves this module: callers get the digits back only to snapshot them (masked).
 */
import { cardDigits, isLuhnValid } from '../../fixtures/cards/luhn.js'
import { PG_DETAIL, findMagicCard } from '../../fixtures/cards/catalogue.js'
import { joinFlat } from './flat-strings.js'

export interface PresentedCard {
  readonly number: string
  /** The card's last valid month; null when the wire value could not be read (refused as expired). */
  readonly expiry: { readonly year: number; readonly month: number } | null
  readonly birth?: string | undefined
  readonly password?: string | undefined
}

export type CardCheck =
  | { ok: true; digits: string; charge_fail_reason: string | null }
  | { ok: false; kind: 'reject' | 'pg_error'; pg_detail: string }

const KST_OFFSET_MS = 9 * 3600 * 1000

/** Runs the PG's checks in the order a PG would; `nowMs` on the merchant's clock. */
export function checkPresentedCard(card: PresentedCard, nowMs: number): CardCheck {
  const digits = cardDigits(card.number)
  if (digits === null || !isLuhnValid(digits)) return reject(PG_DETAIL.invalidNumber)
  if (isExpired(card.expiry, nowMs)) return reject(PG_DETAIL.expired)
  if (card.birth !== undefined && card.birth !== '' && !isValidBirthOrBusinessNumber(card.birth)) return reject(PG_DETAIL.wrongBirth)
  if (card.password !== undefined && card.password !== '' && !/^\d{2}$/.test(card.password)) return reject(PG_DETAIL.wrongPassword)
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

/** A card is good through the last day of its month, Korean time; an unreadable expiry is refused like an expired one. */
function isExpired(expiry: PresentedCard['expiry'], nowMs: number): boolean {
  if (expiry === null || expiry.month < 1 || expiry.month > 12) return true
  return nowMs >= Date.UTC(expiry.year, expiry.month, 1) - KST_OFFSET_MS
}

/** 6-digit birth date `YYMMDD`, or a 10-digit business registration number for corporate cards. */
export function isValidBirthOrBusinessNumber(value: string): boolean {
  if (/^\d{10}$/.test(value)) return true
  const match = /^\d{2}(\d{2})(\d{2})$/.exec(value)
  if (!match) return false
  const month = Number(match[1])
  const day = Number(match[2])
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
}

/**
 * How a PG masks a card number (iamport-api.md §0.5): NICE shows the first eight and last four
 * (`52728927****2305`), KG Inicis the first six and the last one (`559410*********4`); other PGs
 * mask digits 7–12, the common rule the docs give.
 */
export type MaskStyle = 'nice' | 'inicis' | 'common'

export function maskCardNumber(digits: string, style: MaskStyle): string {
  // Joined flat: the masked number is stored with every key and payment (see flat-strings.ts).
  if (style === 'nice') return joinFlat(digits.slice(0, 8), '*'.repeat(digits.length - 12), digits.slice(-4))
  if (style === 'inicis') return joinFlat(digits.slice(0, 6), '*'.repeat(digits.length - 7), digits.slice(-1))
  return joinFlat(digits.slice(0, 6), '*'.repeat(digits.length - 10), digits.slice(-4))
}
