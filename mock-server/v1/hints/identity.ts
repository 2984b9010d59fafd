/**
 * Hints about who is asking: why an access token was refused (never sent, expired at a given
 * time, forgotten by a reset or with its merchant, or never issued here), and a customer_uid,
 * imp_uid or merchant_uid the token's merchant does not know while another merchant does (the
 * token was issued to another merchant than the one holding the data).
 */
import type { FastifyRequest } from 'fastify'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { Store } from '../../shared/store/store.js'
import type { Scheduler } from '../../shared/schedules/engine.js'
import { quote } from '../../shared/http/hints.js'
import { isCharge, kindOf, type RouteKind } from '../../shared/faults/route-kinds.js'
import { tokenOf } from '../http/auth.js'

const GET_TOKEN = 'ask POST /users/getToken for a new one'
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z')

/** Why a V1 request was answered 401. */
export function explainToken(store: Store, request: FastifyRequest): string | null {
  const token = tokenOf(request)
  if (token === undefined) {
    return 'No access token was sent: put the access_token from POST /users/getToken in the Authorization header (or X-ImpTokenHeader, or the _token query parameter).'
  }
  const status = store.tokenStatus(token)
  switch (status.kind) {
    case 'live':
      return null
    case 'expired':
      return `The access token expired at ${iso(status.expired_at)} (the clock of merchant ${quote(status.state.merchant.imp_key)}); tokens live 30 minutes: ${GET_TOKEN}.`
    case 'past':
      if (status.ended === 'expired') {
        return `The access token expired at ${iso(status.expired_at)} and merchant ${quote(status.imp_key)} has a newer one since; ${GET_TOKEN}.`
      }
      return status.ended === 'reset'
        ? `The access token was issued to merchant ${quote(status.imp_key)}, and a reset (POST /__mock/reset) forgot it; ${GET_TOKEN}.`
        : `The access token was issued to merchant ${quote(status.imp_key)}, which has been removed since (DELETE /__mock/merchants/{imp_key}, or a full reset of an --accept-any-key merchant).`
    case 'unknown':
      return `The access token was never issued by this simulator (a token of the real API, of another simulator, or of a run without --data?); ${GET_TOKEN}.`
  }
}

/** Why getToken refused a key pair: no such merchant, or the secret of another. */
export function explainKeyPair(store: Store, request: FastifyRequest): string | null {
  const body = request.body as { imp_key?: unknown; imp_secret?: unknown } | null
  if (typeof body?.imp_key !== 'string' || typeof body.imp_secret !== 'string' || body.imp_key === '' || body.imp_secret === '') return null
  const merchant = store.merchantByKey(body.imp_key)
  if (!merchant) {
    return `No merchant of this simulator has imp_key ${quote(body.imp_key)}: use one it serves (GET /__mock/merchants), make one (POST /__mock/merchants), or start it with --accept-any-key.`
  }
  return `imp_key ${quote(body.imp_key)} is a merchant of this simulator, but imp_secret is not its secret.`
}

const ID_FIELDS = ['customer_uid', 'imp_uid', 'merchant_uid'] as const
type IdField = (typeof ID_FIELDS)[number]
/** Values looked at per request: a list query may name many. */
const MAX_VALUES = 50

function holds(state: MerchantState, schedules: Scheduler, field: IdField, value: string): boolean {
  switch (field) {
    case 'customer_uid':
      return state.billingKeys.has(value)
    case 'imp_uid':
      return state.payments.has(value)
    case 'merchant_uid':
      return state.paymentsByMerchantUid.get(value).length > 0 || state.prepares.has(value) || schedules.book(state).get(value) !== undefined
  }
}

function valuesOf(source: unknown, field: IdField, out: string[]): void {
  if (typeof source !== 'object' || source === null) return
  const value = (source as Record<string, unknown>)[field]
  for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string' && v !== '') out.push(v)
}

/**
 * Where a request names an existing record by `field` (a lookup), rather than a new one: a card
 * route's path customer_uid, a onetime charge's customer_uid and a charge's merchant_uid are new.
 */
function sourcesOf(request: FastifyRequest, kind: RouteKind, field: IdField): unknown[] {
  if (field === 'customer_uid') {
    if (kind === 'issue') return [request.query]
    if (kind === 'onetime') return [request.params, request.query]
  }
  if (field === 'merchant_uid' && isCharge(kind)) return [request.params, request.query]
  return [request.params, request.query, request.body]
}

/** A refused request looking up an id its merchant does not hold but another merchant does. */
export function explainForeignIds(store: Store, schedules: Scheduler, request: FastifyRequest): string | null {
  const own = request.merchant
  if (own === null) return null
  const kind = kindOf(request)
  for (const field of ID_FIELDS) {
    const values: string[] = []
    for (const source of sourcesOf(request, kind, field)) valuesOf(source, field, values)
    for (const value of values.slice(0, MAX_VALUES)) {
      if (holds(own, schedules, field, value)) continue
      for (const other of store.allMerchants()) {
        if (other === own || !holds(other, schedules, field, value)) continue
        return (
          `${field} ${quote(value)} is unknown to merchant ${quote(own.merchant.imp_key)}, whose access token was sent, ` +
          `but merchant ${quote(other.merchant.imp_key)} holds it: the token was issued to another merchant than the one holding this data.`
        )
      }
    }
  }
  return null
}
