/**
 * What the payment window needs to issue a virtual account (`pay_method: "vbank"`): the banks its
 * picker offers (codes of the V1 bank table, so the record names the bank as `GET /banks` does)
 * and the due time an account gets when the page gave no `vbank_due`. Both are inferred; real PG
 * windows offer the banks of their own contract and their own default due time.
 */
import { bankByCode } from '../../fixtures/institutions.js'

/** The picker's banks, the first the default: KB국민, 신한, 우리, 하나, 농협, 기업, 카카오뱅크. */
export const VBANK_WINDOW_BANKS: ReadonlyArray<{ readonly code: string; readonly name: string }> = [
  '004',
  '088',
  '020',
  '081',
  '011',
  '003',
  '090'
].map((code) => ({ code, name: bankByCode(code)?.name ?? code }))

export const DEFAULT_VBANK_BANK = VBANK_WINDOW_BANKS[0]!.code

/** How many days an account stays open when the page gives no `vbank_due` (inferred). */
export const DEFAULT_DUE_DAYS = 7

const DAY = 86_400
const KST = 9 * 3600

/** The default due time: 23:59:59 Korean time, DEFAULT_DUE_DAYS days after `now` (UNIX seconds). */
export function defaultDue(now: number): number {
  const kstDay = Math.floor((now + KST) / DAY)
  return (kstDay + DEFAULT_DUE_DAYS + 1) * DAY - 1 - KST
}

export function isWindowBank(code: string): boolean {
  return VBANK_WINDOW_BANKS.some((b) => b.code === code)
}
