/**
 * V2 authentication: `Authorization: PortOne <API secret>` (what the SDK sends), or
 * `Authorization: Bearer <access token>` from `POST /login/api-secret` or `POST /token/refresh`.
 * Every route but those two needs one; the merchant it names is `request.v2Merchant`. An unknown
 * secret is UNAUTHORIZED, unless open mode makes it a merchant of its own.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2Registry } from '../../shared/store/v2-registry.js'
import { v2errors } from '../../../api/v2/errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The V2 merchant the credentials name; set on every authenticated V2 route. */
    v2Merchant: V2MerchantState | null
  }
}

/** The merchant an Authorization header names, or undefined. The scheme is case-insensitive, as in HTTP. */
export function merchantOfHeader(registry: V2Registry, header: string | undefined): V2MerchantState | undefined {
  if (header === undefined) return undefined
  const space = header.indexOf(' ')
  if (space <= 0) return undefined
  const scheme = header.slice(0, space).toLowerCase()
  const credential = header.slice(space + 1).trim()
  if (credential === '') return undefined
  if (scheme === 'portone') return registry.bySecretOrOpen(credential)
  if (scheme === 'bearer') return registry.byAccessToken(credential)
  return undefined
}

export function installV2Auth(app: FastifyInstance, registry: V2Registry): void {
  app.decorateRequest('v2Merchant', null)
  // A callback hook, not an async one: no promise per request on the hot path.
  app.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (request.routeOptions.config?.public === true || request.routeOptions.url === undefined) return done()
    const merchant = merchantOfHeader(registry, request.headers.authorization)
    if (!merchant) return done(v2errors.unauthorized())
    request.v2Merchant = merchant
    done()
  })
}

/** The authenticated merchant of a request (the auth hook guarantees one on non-public routes). */
export function merchantOf(request: FastifyRequest): V2MerchantState {
  if (!request.v2Merchant) throw v2errors.unauthorized()
  return request.v2Merchant
}
