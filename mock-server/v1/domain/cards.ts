/**
 * V1's card fields as a PG sees them (billing-key issue, key-in payment, schedule with card
 * fields): `card_number`, `expiry` (`YYYY-MM`), `birth`, `pwd_2digit`, checked by the shared PG
 * checks (shared/cards.ts), and what the PG reports back. Full card data never leaves this
 * module: callers get a `CardSnapshot` (masked number, issuer) or the PG's refusal.
 */
import { issuerFor } from '../../../fixtures/cards/bins.js'
import type { CardSnapshot } from '../../shared/store/records.js'
import { checkPresentedCard, maskCardNumber as maskByStyle, type CardCheck, type MaskStyle } from '../../shared/cards.js'

export type { CardCheck }

export interface CardInput {
  card_number: string
  expiry: string
  birth?: string | undefined
  pwd_2digit?: string | undefined
}

/** Runs the PG's checks; `lenientExpiry` also reads `YYYYMM` (fidelity switch). */
export function checkCard(input: CardInput, nowSeconds: number, lenientExpiry: boolean): CardCheck {
  return checkPresentedCard(
    { number: input.card_number, expiry: parseExpiry(input.expiry, lenientExpiry), birth: input.birth, password: input.pwd_2digit },
    nowSeconds * 1000
  )
}

/** `YYYY-MM` (and `YYYYMM` when lenient); null when unreadable. */
function parseExpiry(expiry: string, lenient: boolean): { year: number; month: number } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(expiry) ?? (lenient ? /^(\d{4})(\d{2})$/.exec(expiry) : null)
  return match ? { year: Number(match[1]), month: Number(match[2]) } : null
}

/** The mask style of a V1 PG code (`nice`, `html5_inicis`/`inicis`, anything else). */
function maskStyleOf(pgProvider: string): MaskStyle {
  if (pgProvider === 'nice') return 'nice'
  if (pgProvider === 'html5_inicis' || pgProvider === 'inicis') return 'inicis'
  return 'common'
}

/** Masks a card number the way the PG named by its V1 code does (shared/cards.ts). */
export function maskCardNumber(digits: string, pgProvider: string): string {
  return maskByStyle(digits, maskStyleOf(pgProvider))
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
