/**
 * Bench-only bulk load (`iamport-mock --preload-payments N`, deliberately left out of `--help`):
 * N billing keys, each charged once, made through the same domain functions the routes call, so
 * the stored records are exactly the ones N issue + N `again` requests would leave behind. Over
 * HTTP a million payments take minutes; this takes seconds. It emits no events (no webhooks for
 * data nobody asked to be notified about).
 */
import type { FidelityOptions } from './shared/config/config.js'
import type { MerchantState } from './shared/store/merchant-state.js'
import { issueBillingKey } from './v1/domain/billing-keys.js'
import { chargeBillingKey } from './v1/domain/charges.js'
import { joinFlat } from './shared/flat-strings.js'
import { APPROVED_CARD } from '../fixtures/cards/catalogue.js'

// Built flat, like the strings JSON.parse hands the routes, so a preloaded record weighs what a
// record made over HTTP weighs.
/** `customer_uid` of the i-th preloaded key. */
export const preloadedCustomerUid = (i: number): string => joinFlat('preload_customer_', String(i))
/** `merchant_uid` of the i-th preloaded payment. */
export const preloadedMerchantUid = (i: number): string => joinFlat('preload_order_', String(i))

/**
 * Stores `count` keys on the merchant of `state`, and one paid payment on each. Every key has its
 * own customer fields (as real customers do), which its payment takes as buyer fields.
 */
export function preloadPayments(state: MerchantState, count: number, fidelity: FidelityOptions): void {
  for (let i = 0; i < count; i++) {
    const customerUid = preloadedCustomerUid(i)
    const serial = String(i).padStart(8, '0')
    issueBillingKey(
      state,
      customerUid,
      {
        card_number: APPROVED_CARD,
        expiry: '2099-12',
        customer_name: joinFlat('구매자', serial),
        customer_email: joinFlat('buyer', serial, '@example.com'),
        customer_tel: joinFlat('010-', serial.slice(0, 4), '-', serial.slice(4))
      },
      fidelity
    )
    chargeBillingKey(state, { customer_uid: customerUid, merchant_uid: preloadedMerchantUid(i), amount: 9900, name: '월간 이용권' }, fidelity)
  }
}
