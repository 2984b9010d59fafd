/**
 * Which i'mport routes a fault or preset can mean something on. A `decline` only makes sense where
 * a charge is made; a card preset only where a card is presented or charged.
 */

/** Routes that present a card to the PG (the card is checked, a key may be stored). */
export const CARD_ROUTES = ['/subscribe/customers/:customer_uid', '/subscribe/payments/onetime'] as const

/** Routes that make a charge, which a `decline` records as `failed`. */
export const CHARGE_ROUTES = ['/subscribe/payments/again', '/subscribe/payments/onetime'] as const

/**
 * `scheduled` is not a route: it is the kind the schedules engine gives a scheduled charge when
 * it asks the fault engine whether to decline it.
 */
export type RouteKind = 'token' | 'issue' | 'onetime' | 'again' | 'scheduled' | 'other'

/** The kind of a request from its method and route pattern (`request.routeOptions.url`). */
export function routeKind(method: string, routeUrl: string | undefined): RouteKind {
  if (method !== 'POST') return 'other'
  switch (routeUrl) {
    case '/users/getToken':
      return 'token'
    case '/subscribe/customers/:customer_uid':
      return 'issue'
    case '/subscribe/payments/onetime':
      return 'onetime'
    case '/subscribe/payments/again':
      return 'again'
    default:
      return 'other'
  }
}

export function isCharge(kind: RouteKind): boolean {
  return kind === 'again' || kind === 'onetime' || kind === 'scheduled'
}
