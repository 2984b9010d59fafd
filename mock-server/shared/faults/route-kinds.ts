/**
 * Which i'mport routes a fault or preset can mean something on. A `decline` only makes sense where
 * a charge is made; a card preset only where a card is presented or charged.
 */

/** Routes that present a card to the PG (the card is checked, a key may be stored). */
export const CARD_ROUTES = ['/subscribe/customers/:customer_uid', '/subscribe/payments/onetime'] as const

/** Routes that make a charge, which a `decline` records as `failed` (a schedule's retry charges it now). */
export const CHARGE_ROUTES = [
  '/subscribe/payments/again',
  '/subscribe/payments/onetime',
  '/subscribe/payments/schedule/:merchant_uid/retry'
] as const

/** What a scheduled run is called where a path would be: it is no HTTP call, so no rule's `path` (or `method`) names it. */
export const SCHEDULED_RUN = '(scheduled run)'

/**
 * `scheduled`: a schedule's charge, made by the schedules engine when the clock reaches it (it then
 * asks the fault engine whether to decline it) or through the retry route.
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
    case '/subscribe/payments/schedule/:merchant_uid/retry':
      return 'scheduled'
    default:
      return 'other'
  }
}

export function isCharge(kind: RouteKind): boolean {
  return kind === 'again' || kind === 'onetime' || kind === 'scheduled'
}

/**
 * Whether an action means something on a call. A scheduled run made by the engine is no HTTP
 * call: only `decline`, `error` (the run fails with its message) and `pass` act on it; delays,
 * raw answers and drops pass it by without using up the rule.
 */
export function actsOn(kind: RouteKind, actionType: string, isRun: boolean): boolean {
  if (actionType === 'decline') return isCharge(kind)
  if (isRun) return actionType === 'error' || actionType === 'pass'
  return true
}
