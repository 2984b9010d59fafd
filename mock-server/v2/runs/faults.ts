/**
 * Fault rules (the shared engine, edited through /__mock/faults) acting on V2 requests. A rule's
 * `imp_key` matches a V2 merchant's merchantId, `merchant_uid` the paymentId, `customer_uid` the
 * billingKey, `amount` the amount's total (a cancel's amount). Actions in V2 terms:
 *   - error: answered with `{ type, message }`: status 400/401/403 as INVALID_REQUEST,
 *     UNAUTHORIZED, FORBIDDEN; any other (default 502) as PG_PROVIDER with pgCode = the rule's
 *     `code` (default -1) and pgMessage = its message; nothing is done;
 *   - decline (charges): the payment is recorded FAILED and answered PG_PROVIDER, pgCode DECLINED;
 *   - delay, http, drop, commit_then_drop, pass: as for V1.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import type { FaultEngine } from '../../shared/faults/engine.js'
import { kindOf, SCHEDULED_RUN } from '../../shared/faults/route-kinds.js'
import type { FaultAction } from '../../../api/control/faults.js'
import { V2Error, v2errors, type V2ErrorType } from '../../../api/v2/errors.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2ScheduleRecord } from '../../shared/store/v2-records.js'
import type { Decline } from '../domain/payments.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by a `decline` rule: the charge is recorded FAILED with this PG answer. */
    v2Decline: Decline | null
  }
}

export type Sleep = (ms: number) => Promise<void>

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref())

const TYPE_BY_STATUS: Readonly<Record<number, V2ErrorType>> = { 400: 'INVALID_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN' }

/** The V2 answer of an `error` action. */
export function errorOfAction(action: Extract<FaultAction, { type: 'error' }>): { status: number; error: V2Error } {
  const status = action.http_status !== undefined && action.http_status >= 400 ? action.http_status : 502
  const type = TYPE_BY_STATUS[status]
  const error = type ? new V2Error(type, action.message, 'inferred') : v2errors.pgProvider(String(action.code ?? -1), action.message)
  return { status, error }
}

/** What a rule decides for a due schedule's run: a decline (or an error, which fails it alike), or nothing. */
export function declineForRun(engine: FaultEngine, merchant: V2MerchantState, record: V2ScheduleRecord): Decline | null {
  if (engine.size === 0) return null
  const decision = engine.decide({
    method: '',
    path: SCHEDULED_RUN,
    routeUrl: SCHEDULED_RUN,
    kind: 'scheduled',
    impKey: merchant.merchant.merchant_id,
    customerUids: [record.billingKey],
    merchantUids: [record.paymentId],
    amount: record.charge.total
  })
  const action = decision?.action
  if (action?.type === 'decline') return { pgCode: 'DECLINED', pgMessage: action.fail_reason }
  if (action?.type === 'error') return { pgCode: String(action.code ?? -1), pgMessage: action.message }
  return null
}

function factsOf(request: FastifyRequest) {
  const params = (request.params ?? {}) as Record<string, string | undefined>
  const body = (request.body ?? {}) as Record<string, unknown>
  const amount = body.amount
  const total =
    typeof amount === 'number' ? amount : typeof amount === 'object' && amount !== null ? (amount as { total?: unknown }).total : undefined
  const billingKey = params.billingKey ?? (typeof body.billingKey === 'string' ? body.billingKey : undefined)
  return {
    method: request.method,
    path: request.url.split('?')[0] ?? request.url,
    routeUrl: request.routeOptions.url,
    kind: kindOf(request),
    impKey: request.v2Merchant?.merchant.merchant_id ?? null,
    customerUids: billingKey === undefined ? [] : [billingKey],
    merchantUids: params.paymentId === undefined ? [] : [params.paymentId],
    amount: typeof total === 'number' ? total : null
  }
}

export function installV2Faults(app: FastifyInstance, engine: FaultEngine, sleep: Sleep = realSleep): void {
  app.decorateRequest('v2Decline', null)
  const dropAfterSend = new WeakSet<FastifyRequest>()
  // Callback hooks: without rules (the usual case) a request costs no promise here.
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    if (engine.size === 0 || request.routeOptions.url === undefined) return done()
    // A fault that answered (error, http) or dropped the connection ends the request here.
    apply(request, reply).then(() => (reply.sent ? undefined : done()), done)
  })
  const apply = async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const decision = engine.decide(factsOf(request))
    if (!decision) return
    const { action } = decision
    switch (action.type) {
      case 'error': {
        const { status, error } = errorOfAction(action)
        return reply.code(status).type('application/json').send(JSON.stringify(error.toBody()))
      }
      case 'decline':
        request.v2Decline = { pgCode: 'DECLINED', pgMessage: action.fail_reason }
        return
      case 'delay':
        await sleep(action.ms)
        return
      case 'http': {
        const body = action.body ?? ''
        return typeof body === 'string'
          ? reply
              .code(action.status)
              .type(body.startsWith('<') ? 'text/html' : 'text/plain')
              .send(body)
          : reply.code(action.status).type('application/json').send(JSON.stringify(body))
      }
      case 'drop':
        if (action.after_ms) await sleep(action.after_ms)
        request.raw.socket?.destroy()
        return reply.hijack()
      case 'commit_then_drop':
        dropAfterSend.add(request)
        return
      default:
        return
    }
  }
  app.addHook('onSend', (request, reply, payload, done) => {
    if (dropAfterSend.has(request)) {
      request.raw.socket?.destroy()
      reply.hijack()
    }
    done(null, payload)
  })
}
