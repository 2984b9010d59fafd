/**
 * Facts about V1 paths that validators need before any route is registered (a fault rule in the
 * config file is checked at start-up). The routes themselves declare the same in their metadata
 * (`config: { faultKind }`); a test keeps the two lists equal.
 */

/** Routes that present a card to the PG (the card is checked, a key may be stored). */
export const CARD_ROUTES = ['/subscribe/customers/:customer_uid', '/subscribe/payments/onetime'] as const

/** Routes that make a charge, which a `decline` records as `failed` (a schedule's retry charges it now). */
export const CHARGE_ROUTES = ['/subscribe/payments/again', '/subscribe/payments/onetime', '/subscribe/payments/schedule/:merchant_uid/retry'] as const
