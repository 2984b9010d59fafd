/**
 * Billing keys (`POST/GET/DELETE /subscribe/customers/{customer_uid}`). One customer_uid maps to
 * one card; issuing again under the same uid points it at the new card, keeps `inserted` and sets
 * `updated` (non-auth.mdx; Ruby README: inserted ≠ updated means "changed").
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { FidelityOptions } from '../../shared/config/config.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { BillingKeyRecord, CustomerFields } from '../../shared/store/records.js'
import { checkCard, snapshotCard, type CardInput } from './cards.js'
import { resolveChannel } from './channels.js'

export interface IssueBillingKeyInput extends CardInput, Partial<Record<keyof CustomerFields, string>> {
  pg?: string | undefined
}

/** A buyer's fields as the customer fields of the key a charge stores (key-in with customer_uid, the payment window). */
export function customerFieldsOf(buyer: {
  buyer_name?: string | undefined
  buyer_tel?: string | undefined
  buyer_email?: string | undefined
  buyer_addr?: string | undefined
  buyer_postcode?: string | undefined
}): Partial<Record<keyof CustomerFields, string | undefined>> {
  return {
    customer_name: buyer.buyer_name,
    customer_tel: buyer.buyer_tel,
    customer_email: buyer.buyer_email,
    customer_addr: buyer.buyer_addr,
    customer_postcode: buyer.buyer_postcode
  }
}

/** Checks the card with the PG and, when it is accepted, stores the key. Nothing is stored on failure. */
export function issueBillingKey(state: MerchantState, customerUid: string, input: IssueBillingKeyInput, fidelity: FidelityOptions): BillingKeyRecord {
  const record = prepareBillingKey(state, customerUid, input, fidelity, (detail) => errors.issueFailed(detail))
  state.saveBillingKey(record)
  return record
}

/**
 * The key a card would become, without storing it; `refuse` builds the error for a refused card
 * (its prefix differs between issue, key-in and schedule).
 */
export function prepareBillingKey(
  state: MerchantState,
  customerUid: string,
  input: IssueBillingKeyInput,
  fidelity: FidelityOptions,
  refuse: (pgDetail: string) => Error
): BillingKeyRecord {
  const channel = resolveChannel(state.merchant, input.pg)
  const check = checkCard(input, state.now(), fidelity.lenient_expiry)
  if (!check.ok) throw refuse(check.pg_detail)
  const now = state.now()
  const previous = state.billingKeys.get(customerUid)
  return {
    customer_uid: customerUid,
    channel,
    card: snapshotCard(check, channel.pg_provider),
    inserted: previous?.inserted ?? now,
    updated: now,
    customer_id: input.customer_id ?? null,
    customer_name: input.customer_name ?? null,
    customer_tel: input.customer_tel ?? null,
    customer_email: input.customer_email ?? null,
    customer_addr: input.customer_addr ?? null,
    customer_postcode: input.customer_postcode ?? null
  }
}

/** The key under a customer_uid, or the not-found error (200 + code 1 observed; 404 per swagger). */
export function getBillingKey(state: MerchantState, customerUid: string, fidelity: FidelityOptions): BillingKeyRecord {
  const record = state.billingKeys.get(customerUid)
  if (!record) throw errors.customerNotFound(customerUid, fidelity.unknown_customer_http_status)
  return record
}

/**
 * Deletes a key and answers it. `updated` becomes the deletion time (a third-party app built on the
 * official PHP helper labels it so; inferred). Schedules on the key are not revoked (inferred from
 * the doc's warning to check them first).
 */
export function deleteBillingKey(state: MerchantState, customerUid: string, fidelity: FidelityOptions): BillingKeyRecord {
  const record = getBillingKey(state, customerUid, fidelity)
  state.deleteBillingKey(customerUid)
  return { ...record, updated: state.now() }
}
