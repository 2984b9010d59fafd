/**
 * Payments made in the browser SDK's test payment window (`IMP.request_pay`), on the same records
 * as the REST charges: a `paid` or `failed` payment with its card fields, and, with a
 * `customer_uid`, the billing key stored under it. The window wing (mock-server/checkout/) decides
 * what the buyer did; the rules of what that leaves behind live here, beside charges.ts.
 *
 * Differences from a key-in charge, each inferred (docs/browser-checkout.md):
 *   - the channel must be one the merchant has: an unknown `pg` is refused before the window
 *     opens, where the REST charges fall back to the default channel;
 *   - `amount: 0` with a `customer_uid` only issues the key: a `paid` payment of 0 that charges
 *     nothing, marked `customer_uid_usage: "issue"`;
 *   - a card the PG refuses in the window is a `failed` payment with the PG's detail as
 *     `fail_reason` (a key-in refusal leaves no payment: there the API call itself fails).
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { FidelityOptions, PgChannel } from '../../shared/config/config.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { BillingKeyRecord, BrowserFacts, CardSnapshot, PaymentRecord } from '../../shared/store/records.js'
import { customerFieldsOf, prepareBillingKey } from './billing-keys.js'
import { checkCard, snapshotCard, type CardInput } from './cards.js'
import { checkCharge, makePayment, type ChargeInput } from './charges.js'

export interface WindowPaymentInput extends ChargeInput {
  customer_uid?: string | undefined
  pg?: string | undefined
  pay_method: string
}

/** The payment window's imp_uids start like the real browser payments' do. */
const WINDOW_IMP_UID_PREFIX = 'imp_'

/** `pg` as `{pg_provider}` or `{pg_provider}.{pg_id}`, among the merchant's own channels only; null when it has none such. */
export function findChannel(state: MerchantState, pg: string | undefined): PgChannel | null {
  const channels = state.merchant.channels
  if (!pg) return channels[0] ?? null
  const dot = pg.indexOf('.')
  const provider = dot === -1 ? pg : pg.slice(0, dot)
  const pgId = dot === -1 ? null : pg.slice(dot + 1)
  return channels.find((c) => c.pg_provider === provider && (pgId === null || c.pg_id === pgId)) ?? null
}

/** Whether this request only issues a billing key (nothing is charged). */
export function isKeyIssueOnly(input: WindowPaymentInput): boolean {
  return input.customer_uid !== undefined && input.amount === 0
}

/**
 * The checks made before the window opens; throws the catalogue error of the first that fails
 * (the window wing turns it into the callback's `error_msg`). Returns the channel.
 */
export function checkWindowPayment(state: MerchantState, input: WindowPaymentInput): PgChannel {
  const channel = findChannel(state, input.pg)
  if (!channel) throw errors.noApiChannel()
  if (isKeyIssueOnly(input)) {
    if (state.paidPaymentFor(input.merchant_uid)) throw errors.alreadyPaid(input.merchant_uid)
  } else {
    checkCharge(state, input)
  }
  return channel
}

/** What the buyer did in the window, as far as the records care. */
export type WindowDecision = { kind: 'approve'; card: CardInput; declineReason: string | null } | { kind: 'decline'; reason: string }

export interface WindowPaymentResult {
  payment: PaymentRecord
  billingKey: BillingKeyRecord | null
}

/**
 * Records the outcome of one window. Checks again what `checkWindowPayment` checked (the merchant_uid
 * may have been paid meanwhile) and throws before writing anything if it no longer holds.
 */
export function payInWindow(
  state: MerchantState,
  input: WindowPaymentInput,
  decision: WindowDecision,
  fidelity: FidelityOptions,
  browser: BrowserFacts
): WindowPaymentResult {
  const channel = checkWindowPayment(state, input)
  const currency = input.currency || 'KRW'
  const usage = input.customer_uid === undefined ? null : ('issue' as const)
  const record = (declineReason: string | null, card: CardSnapshot | null) =>
    makePayment(state, input, currency, WINDOW_IMP_UID_PREFIX, channel, card, input.customer_uid ?? null, usage, {
      declineReason: () => declineReason,
      buyerDefaults: null,
      browser,
      // Only card methods reach a window payment today (checkout/outcomes.ts refuses the others).
      pay_method: input.pay_method === 'vbank' ? 'vbank' : 'card'
    })

  if (decision.kind === 'decline') {
    const payment = record(decision.reason, null)
    state.insertPayment(payment)
    return { payment, billingKey: null }
  }

  const check = checkCard(decision.card, state.now(), fidelity.lenient_expiry)
  if (!check.ok) {
    const payment = record(check.pg_detail, null)
    state.insertPayment(payment)
    return { payment, billingKey: null }
  }
  let billingKey: BillingKeyRecord | null = null
  if (input.customer_uid !== undefined) {
    billingKey = prepareBillingKey(
      state,
      input.customer_uid,
      {
        ...decision.card,
        pg: `${channel.pg_provider}.${channel.pg_id}`,
        ...customerFieldsOf(input)
      },
      fidelity,
      (detail) => errors.issueFailed(detail)
    )
  }
  const card = billingKey?.card ?? snapshotCard(check, channel.pg_provider)
  // Issuing only charges nothing, so a card whose charges fail still issues its key as `paid`.
  const declineReason = decision.declineReason ?? (isKeyIssueOnly(input) ? null : card.charge_fail_reason)
  const payment = record(declineReason, card)
  if (billingKey) state.saveBillingKey(billingKey)
  state.insertPayment(payment)
  return { payment, billingKey }
}
