/**
 * What a fault or preset can mean on a route. A `decline` only makes sense where a charge is made;
 * a card preset only where a card is presented or charged. Each route says which it is in its own
 * metadata (`config: { faultKind }`, read by `kindOf`); the V1 paths are listed in
 * api/v1/route-facts.ts for the validators that run before any route exists.
 */
import type { FastifyRequest } from 'fastify'

/** What a scheduled run is called where a path would be: it is no HTTP call, so no rule's `path` (or `method`) names it. */
export const SCHEDULED_RUN = '(scheduled run)'

/** What a decision taken in the test payment window is called where a path would be (no i'mport REST call either). */
export const PAYMENT_WINDOW = '(payment window)'

/**
 * `scheduled`: a schedule's charge, made by the schedules engine when the clock reaches it (it then
 * asks the fault engine whether to decline it) or through the retry route.
 */
export type RouteKind = 'token' | 'issue' | 'onetime' | 'again' | 'scheduled' | 'other'

/** The kind a route declared in its metadata; `other` for the rest. Only POSTs charge or present a card. */
export function kindOf(request: FastifyRequest): RouteKind {
  return request.method === 'POST' ? (request.routeOptions.config?.faultKind ?? 'other') : 'other'
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
