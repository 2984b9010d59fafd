/**
 * Records every i'mport request in the journal (`app.journal`) once it is answered, or when a
 * fault drops its connection. Control API calls (`/__mock/…`) are not recorded: the journal is
 * what the merchant's code did. With a journal size of 0 no hook is installed at all.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { RequestJournal, envelopeCode, journalPath } from './journal.js'
import { impKeyOf } from './imp-key.js'
import { apiOf } from '../http/namespaces.js'
import type {} from '../http/hints.js'

declare module 'fastify' {
  interface FastifyInstance {
    journal: RequestJournal
  }
  interface FastifyRequest {
    /** The envelope code of the answer, read on its way out. */
    journalCode: number | null
    /** Set once the request is in the journal, so a drop is never recorded twice. */
    journaled: boolean
  }
}

export interface JournalPluginOptions {
  size: number
}

/**
 * The journal keeps i'mport requests; the control API's own calls, and the browser checkout's
 * script and window traffic, would only bury them.
 */
export function isControlRequest(request: FastifyRequest): boolean {
  const api = apiOf(request)
  return api === 'control' || api === 'checkout'
}

/** Puts a request in the journal; `dropped` when its connection was closed instead of answered. */
export function recordRequest(journal: RequestJournal, request: FastifyRequest, reply: FastifyReply, outcome: 'answered' | 'dropped'): void {
  if (request.journaled || journal.capacity === 0 || isControlRequest(request)) return
  request.journaled = true
  journal.record({
    at: request.merchant ? request.merchant.now() : request.server.mock.store.clock.nowSeconds(),
    method: request.method,
    path: journalPath(request.url),
    status: outcome === 'dropped' ? null : reply.statusCode,
    code: outcome === 'dropped' ? null : request.journalCode,
    duration_ms: Math.round(reply.elapsedTime * 100) / 100,
    imp_key: impKeyOf(request),
    fault: request.fault?.source ?? null,
    outcome,
    ...(request.mockHint ? { hint: request.mockHint } : {})
  })
}

export default fp<JournalPluginOptions>(
  async (app, options) => {
    const journal = new RequestJournal(options.size)
    app.decorate('journal', journal)
    app.decorateRequest('journalCode', null)
    app.decorateRequest('journaled', false)
    if (options.size === 0) return

    app.addHook('onSend', async (request, _reply, payload) => {
      request.journalCode = envelopeCode(payload)
      return payload
    })
    app.addHook('onResponse', async (request, reply) => {
      recordRequest(journal, request, reply, 'answered')
    })
  },
  { name: 'mock-journal', fastify: '5.x', dependencies: ['mock-context'] }
)
