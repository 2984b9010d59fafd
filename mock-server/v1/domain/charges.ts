/**
 * Charges: `POST /subscribe/payments/again` (a stored key) and `POST /subscribe/payments/onetime`
 * (key-in, optionally storing the key). The outcome model (iamport-api.md §4.3):
 *   - approved: code 0, status `paid`;
 *   - declined by the PG: still code 0, status `failed` with `fail_reason` (a payment is recorded);
 *   - failed before or at PG communication: code ≠ 0, response null, nothing recorded.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { FidelityOptions, PgChannel } from '../../shared/config/config.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import { PaymentRecord, type BillingKeyRecord, type BrowserFacts, type CardSnapshot } from '../../shared/store/records.js'
import type { CustomerUidUsage } from '../../../api/v1/payment.js'
import { assertChargeAmount } from './money.js'
import { customerFieldsOf, prepareBillingKey, type IssueBillingKeyInput } from './billing-keys.js'
import { checkCard, snapshotCard } from './cards.js'
import { resolveChannel } from './channels.js'

/** Installments need at least this much (swagger `card_quota`). */
export const MIN_INSTALLMENT_AMOUNT = 50_000

export interface ChargeInput {
  merchant_uid: string
  amount: number
  currency?: string | undefined
  tax_free?: number | undefined
  card_quota?: number | undefined
  name?: string | undefined
  buyer_name?: string | undefined
  buyer_email?: string | undefined
  buyer_tel?: string | undefined
  buyer_addr?: string | undefined
  buyer_postcode?: string | undefined
  custom_data?: string | undefined
  notice_url?: string | undefined
}

/** Decisions made outside the card itself (fault rules, presets). */
export interface ChargeOverrides {
  /** Record the charge as `failed` with this reason, whatever the card. */
  declineReason?: string | null
  /**
   * Asked once the charge has passed every check, where the real API would call the PG (a fault
   * rule's decline is drawn and used up then): a reason to record the charge `failed`, or null.
   */
  pgDecline?: (() => string | null) | null | undefined
}

/** The decline decided at the PG: a preset's, else a rule's (asked now), else the card's own. */
function atPg(overrides: ChargeOverrides, cardReason: string | null): () => string | null {
  return () => overrides.declineReason ?? overrides.pgDecline?.() ?? cardReason
}

export interface AgainInput extends ChargeInput {
  customer_uid: string
}

export interface OnetimeInput extends ChargeInput, IssueBillingKeyInput {
  customer_uid?: string | undefined
}

/** Charges the key stored under `customer_uid`. */
export function chargeBillingKey(
  state: MerchantState,
  input: AgainInput,
  fidelity: FidelityOptions,
  overrides: ChargeOverrides = {},
  usage: CustomerUidUsage = 'payment'
): PaymentRecord {
  const currency = checkCharge(state, input)
  const key = state.billingKeys.get(input.customer_uid)
  if (!key) throw errors.unknownBuyer()
  const prefix = usage === 'payment.scheduled' ? 'imps_' : fidelity.billing_imp_uid_prefix
  const payment = makePayment(state, input, currency, prefix, key.channel, key.card, key.customer_uid, usage, {
    declineReason: atPg(overrides, key.card.charge_fail_reason),
    buyerDefaults: key
  })
  state.insertPayment(payment)
  return payment
}

/**
 * Key-in payment. With `customer_uid` the card is also stored as that customer's key (replacing
 * any earlier one), and `buyer_*` become the key's `customer_*` (swagger description).
 */
export function chargeKeyIn(
  state: MerchantState,
  input: OnetimeInput,
  fidelity: FidelityOptions,
  overrides: ChargeOverrides = {}
): { payment: PaymentRecord; billingKey: BillingKeyRecord | null } {
  const currency = checkCharge(state, input)
  let billingKey: BillingKeyRecord | null = null
  let channel: PgChannel
  let card: CardSnapshot
  if (input.customer_uid !== undefined) {
    billingKey = prepareBillingKey(
      state,
      input.customer_uid,
      {
        ...input,
        ...customerFieldsOf(input)
      },
      fidelity,
      (detail) => errors.keyInFailed(detail)
    )
    channel = billingKey.channel
    card = billingKey.card
  } else {
    channel = resolveChannel(state.merchant, input.pg)
    const check = checkCard(input, state.now(), fidelity.lenient_expiry)
    if (!check.ok) throw errors.keyInFailed(check.pg_detail)
    card = snapshotCard(check, channel.pg_provider)
  }
  // Storing a key with a key-in payment is marked `issue` (samchon's fake does the same; unverified).
  const usage: CustomerUidUsage | null = billingKey ? 'issue' : null
  const payment = makePayment(state, input, currency, fidelity.billing_imp_uid_prefix, channel, card, input.customer_uid ?? null, usage, {
    declineReason: atPg(overrides, card.charge_fail_reason),
    buyerDefaults: null
  })
  // The key is stored even when the charge is then declined: the PG accepted the card.
  const previousKey = billingKey ? (state.billingKeys.get(billingKey.customer_uid) ?? null) : null
  if (billingKey) state.saveBillingKey(billingKey)
  try {
    state.insertPayment(payment)
  } catch (err) {
    // The payment could not be kept (a failed data file write): the key goes back as it was, so
    // the refused request leaves nothing behind (best effort: that write may fail too, and then
    // memory and file still agree on the new key).
    if (billingKey) undoKey(state, billingKey.customer_uid, previousKey)
    throw err
  }
  return { payment, billingKey }
}

function undoKey(state: MerchantState, customerUid: string, previous: BillingKeyRecord | null): void {
  try {
    if (previous) state.saveBillingKey(previous)
    else state.deleteBillingKey(customerUid)
  } catch {
    // See chargeKeyIn.
  }
}

/**
 * A scheduled charge that could not reach the card (its key was deleted, its merchant_uid was paid
 * meanwhile): recorded as a `failed` payment with the reason, so the run leaves a payment, a
 * `failed` schedule and a `failed` webhook as a declined one does (inferred; see docs/fidelity.md).
 */
export function recordFailedCharge(
  state: MerchantState,
  input: AgainInput,
  channel: PgChannel,
  usage: CustomerUidUsage,
  reason: string
): PaymentRecord {
  const payment = new PaymentRecord({
    imp_uid: state.newImpUid('imps_'),
    merchant_uid: input.merchant_uid,
    amount: input.amount,
    currency: input.currency || 'KRW',
    channel,
    card: null,
    customer_uid: input.customer_uid,
    customer_uid_usage: usage,
    card_quota: input.card_quota ?? 0,
    started_at: state.now(),
    outcome: { status: 'failed', fail_reason: reason },
    name: input.name ?? null,
    buyer_name: input.buyer_name ?? null,
    buyer_email: input.buyer_email ?? null,
    buyer_tel: input.buyer_tel ?? null,
    buyer_addr: input.buyer_addr ?? null,
    buyer_postcode: input.buyer_postcode ?? null,
    custom_data: input.custom_data ?? null,
    notice_url: input.notice_url ?? null
  })
  state.insertPayment(payment)
  return payment
}

/** Checks shared by every charge (and by a schedule's registration); returns the currency. Throws before anything is stored. */
export function checkCharge(state: MerchantState, input: ChargeInput): string {
  const currency = input.currency || 'KRW'
  assertChargeAmount('amount', input.amount, currency)
  if (input.tax_free !== undefined && (input.tax_free < 0 || input.tax_free > input.amount)) {
    throw errors.invalidParam('tax_free')
  }
  if ((input.card_quota ?? 0) >= 2 && currency === 'KRW' && input.amount < MIN_INSTALLMENT_AMOUNT) {
    throw errors.installmentsNotAllowed()
  }
  if (state.paidPaymentFor(input.merchant_uid)) throw errors.alreadyPaid(input.merchant_uid)
  return currency
}

/** A new payment record (not stored); exported for the payment window's charges (window-payments.ts). */
export function makePayment(
  state: MerchantState,
  input: ChargeInput,
  currency: string,
  prefix: 'imp_' | 'imps_',
  channel: PgChannel,
  card: CardSnapshot | null,
  customerUid: string | null,
  usage: CustomerUidUsage | null,
  options: {
    declineReason: () => string | null
    buyerDefaults: BillingKeyRecord | null
    browser?: BrowserFacts | undefined
    pay_method?: PaymentRecord['pay_method'] | undefined
  }
): PaymentRecord {
  const now = state.now()
  const impUid = state.newImpUid(prefix)
  const declineReason = options.declineReason()
  const outcome = declineReason
    ? ({ status: 'failed', fail_reason: declineReason } as const)
    : ({ status: 'paid', pg_tid: state.ids.pgTid(channel.pg_id, now), apply_num: state.ids.applyNum() } as const)
  // A charge on a key without buyer_* takes the key's customer_* (the schedule docs say so for
  // scheduled charges; inferred for again).
  const key = options.buyerDefaults
  return new PaymentRecord({
    imp_uid: impUid,
    merchant_uid: input.merchant_uid,
    amount: input.amount,
    currency,
    channel,
    card,
    customer_uid: customerUid,
    customer_uid_usage: usage,
    card_quota: input.card_quota ?? 0,
    started_at: now,
    outcome,
    name: input.name ?? null,
    buyer_name: input.buyer_name ?? key?.customer_name ?? null,
    buyer_email: input.buyer_email ?? key?.customer_email ?? null,
    buyer_tel: input.buyer_tel ?? key?.customer_tel ?? null,
    buyer_addr: input.buyer_addr ?? key?.customer_addr ?? null,
    buyer_postcode: input.buyer_postcode ?? key?.customer_postcode ?? null,
    custom_data: input.custom_data ?? null,
    notice_url: input.notice_url ?? null,
    pay_method: options.pay_method ?? 'card',
    browser: options.browser ?? null
  })
}
