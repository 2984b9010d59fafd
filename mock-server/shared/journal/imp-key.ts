/** Which merchant a request is for, as the journal and the fault matcher see it. */
import type { FastifyRequest } from 'fastify'

/** Longest imp_key taken from a getToken body (a bound, not a rule of the real API). */
const MAX_KEY_LENGTH = 200

/** The imp_key of the request's token, or the one a getToken asks with (before any token exists). */
export function impKeyOf(request: FastifyRequest): string | null {
  if (request.merchant) return request.merchant.merchant.imp_key
  if (request.routeOptions.url !== '/users/getToken') return null
  const body = request.body as Record<string, unknown> | undefined | null
  const key = body && typeof body === 'object' ? body.imp_key : undefined
  return typeof key === 'string' && key !== '' && key.length <= MAX_KEY_LENGTH ? key : null
}
