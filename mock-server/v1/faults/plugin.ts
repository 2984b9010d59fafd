/**
 * Applies faults to i'mport requests: an `X-Iamport-Mock-Fault` preset when the request carries
 * one, otherwise the first fault rule that acts on it (`app.faults`).
 *
 * It runs as a `preHandler` hook, after authentication and body validation, so rules can match
 * the merchant and what the body says, and a refused request (bad token, bad body) is answered as
 * usual. The control API is never subject to faults.
 *
 * How each action is carried out:
 *   - error, http: answered here; the route never runs, nothing is done;
 *   - decline: a preset sets `request.declineReason`; a rule sets `request.pendingDecline`, which
 *     the charge calls once it has passed its own checks (duplicate, customer, schedule), so a
 *     refused charge leaves the rule armed; either way the charge is recorded as a `failed` payment;
 *   - delay: waits, then lets the request through;
 *   - drop: destroys the connection here (after `after_ms`, if given); nothing is done;
 *   - commit_then_drop: lets the route run to the end, then destroys the connection in `onSend`,
 *     before any byte of the answer is written;
 *   - a card preset: presents the preset's magic card in place of the request's card number.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import { CatalogueError } from '../../../api/v1/catalogue.js'
import { sendError } from '../http/errors.js'
import { recordRequest } from '../../shared/journal/plugin.js'
import { impKeyOf } from '../../shared/journal/imp-key.js'
import { FaultEngine } from '../../shared/faults/engine.js'
import { requestFacts } from '../../shared/faults/match.js'
import { FAULT_HEADER, resolvePreset } from './presets.js'
import { kindOf } from '../../shared/faults/route-kinds.js'
import { apiOf } from '../../shared/http/namespaces.js'
import type { FaultAction, FaultRuleInput } from '../../../api/control/faults.js'

/** What acted on a request: a rule id or `preset:<name>`, and the action it took. */
export interface AppliedFault {
  readonly source: string
  readonly action: FaultAction | { readonly type: 'card'; readonly card_number: string }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The fault rules in force (the control API edits them; the schedules engine asks them too). */
    faults: FaultEngine
  }
  interface FastifyRequest {
    fault: AppliedFault | null
  }
}

export type Sleep = (ms: number) => Promise<void>

export interface FaultPluginOptions {
  seed: string
  startupRules: readonly FaultRuleInput[]
  /** Replaces the real wait of `delay` and `drop.after_ms` (tests pass one that records and resolves at once). */
  sleep?: Sleep | undefined
}

/** The page a gateway in front of an API answers with (nginx's wording); the i'mport envelope never is. */
export function gatewayPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`
}

/**
 * Real waits, released early when the server closes (so `close()` never waits out a 30 s
 * `timeout`) or when the client goes away.
 */
class Waits {
  private readonly pending = new Set<() => void>()
  /** Once the server is closing, no request waits any more. */
  private closing = false

  wait(ms: number, socket: Socket | null): Promise<void> {
    if (this.closing) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        socket?.off('close', done)
        this.pending.delete(done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      socket?.once('close', done)
      this.pending.add(done)
    })
  }

  releaseAll(): void {
    this.closing = true
    for (const done of [...this.pending]) done()
  }
}

export default fp<FaultPluginOptions>(
  async (app, options) => {
    const engine = new FaultEngine(options.seed, options.startupRules)
    const waits = new Waits()
    const sleep = (ms: number, request: FastifyRequest): Promise<void> =>
      options.sleep ? options.sleep(ms) : waits.wait(ms, request.raw.socket ?? null)

    app.decorate('faults', engine)
    app.decorateRequest('fault', null)
    app.addHook('preClose', async () => waits.releaseAll())

    // Destroying the response resets the socket under real HTTP, and rejects an `inject` call.
    const drop = (request: FastifyRequest, reply: FastifyReply): void => {
      reply.hijack()
      reply.raw.destroy()
      recordRequest(app.journal, request, reply, 'dropped')
    }

    /** The preset the request asks for, else the first rule that acts on it; an error for a bad preset. */
    const choose = (request: FastifyRequest, routeUrl: string): AppliedFault | CatalogueError | null => {
      const kind = kindOf(request)
      const header = request.headers[FAULT_HEADER]
      if (header !== undefined) {
        const name = ((Array.isArray(header) ? header[0] : header) ?? '').trim().toLowerCase()
        const preset = resolvePreset(name, kind, `${request.method} ${routeUrl}`)
        if (!preset.ok) return preset.error
        const { effect } = preset
        return {
          source: `preset:${name}`,
          action: effect.kind === 'card' ? { type: 'card', card_number: effect.card_number } : effect.action
        }
      }
      const facts = requestFacts({
        method: request.method,
        url: request.url,
        routeUrl,
        kind,
        impKey: impKeyOf(request),
        params: request.params,
        body: request.body,
        query: request.query
      })
      const decision = engine.decide(facts, 'defer-decline')
      if (decision?.deferred) {
        request.pendingDecline = () => {
          const atCharge = engine.decide(facts, 'decline-only')
          if (atCharge === null || atCharge.action.type !== 'decline') return null
          request.fault = { source: atCharge.ruleId, action: atCharge.action }
          return atCharge.action.fail_reason
        }
        return null
      }
      return decision && { source: decision.ruleId, action: decision.action }
    }

    app.addHook('preHandler', async (request, reply) => {
      const routeUrl = request.routeOptions.url
      if (routeUrl === undefined || apiOf(request) !== 'v1') return
      // The common case, no header and no rule, costs one lookup.
      if (engine.size === 0 && request.headers[FAULT_HEADER] === undefined) return
      const applied = choose(request, routeUrl)
      if (applied === null) return
      if (applied instanceof CatalogueError) return sendError(reply, applied)
      request.fault = applied

      const action = applied.action
      switch (action.type) {
        case 'pass':
        case 'commit_then_drop':
          return
        case 'card':
          ;(request.body as Record<string, unknown>).card_number = action.card_number
          return
        case 'decline':
          request.declineReason = action.fail_reason
          return
        case 'delay':
          await sleep(action.ms, request)
          return
        case 'error':
          return sendError(reply, new CatalogueError(action.http_status ?? 200, action.code ?? -1, action.message, 'inferred'))
        case 'http': {
          const body = action.body ?? gatewayPage(action.status)
          reply.code(action.status)
          if (typeof body === 'string') {
            reply.type(body.startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8').send(body)
          } else {
            reply.type('application/json; charset=utf-8').send(JSON.stringify(body))
          }
          return reply
        }
        case 'drop':
          if (action.after_ms !== undefined && action.after_ms > 0) await sleep(action.after_ms, request)
          drop(request, reply)
          return reply
        default: {
          // A new fault action fails to compile here until this hook says what it does.
          const unreachable: never = action
          return unreachable
        }
      }
    })

    // commit_then_drop: the route has run and its answer is ready; the client never gets it.
    // `done` is deliberately not called then: the hook chain stops, so not a byte is written
    // (under `inject` a write after the destroy would still be delivered).
    app.addHook('onSend', (request, reply, payload, done) => {
      if (request.fault?.action.type === 'commit_then_drop') drop(request, reply)
      else done(null, payload)
    })
  },
  { name: 'mock-faults', fastify: '5.x', dependencies: ['mock-context', 'mock-journal'] }
)
