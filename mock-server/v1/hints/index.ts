/**
 * The V1 wing's hints (shared/http/hints.ts is the machinery): on a refused i'mport request, the
 * first of these that applies explains it. A refusal is an HTTP error or an envelope with a code
 * other than 0; answers a fault rule or preset forced are deliberate and get none. The table of
 * hints is docs/hints.md.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { apiOf } from '../../shared/http/namespaces.js'
import { envelopeCode } from '../../shared/journal/journal.js'
import { nearMissFinder } from './routes.js'
import { explainForeignIds, explainKeyPair, explainToken } from './identity.js'
import { explainContentType, explainStringAmount, noteStringAmount } from './body.js'

function isRefusal(reply: FastifyReply, payload: unknown): boolean {
  return reply.statusCode >= 400 || (typeof payload === 'string' && envelopeCode(payload) !== 0)
}

export default fp(
  async (app) => {
    app.decorateRequest('stringAmount', null)
    if (!app.hints.enabled) return
    const { store } = app.mock
    const nearMiss = nearMissFinder(app.routeList)
    app.addHook('preValidation', async (request) => {
      if (apiOf(request) === 'v1') noteStringAmount(request)
    })
    app.hints.explain((request: FastifyRequest, reply, payload) => {
      if (apiOf(request) !== 'v1' || request.fault || !isRefusal(reply, payload)) return null
      if (request.is404) return nearMiss(request.method, request.url.split('?')[0] ?? request.url)
      if (reply.statusCode === 401) {
        return request.routeOptions.config.faultKind === 'token' ? explainKeyPair(store, request) : explainToken(store, request)
      }
      return explainContentType(request) ?? explainForeignIds(store, app.schedules, request) ?? explainStringAmount(request)
    })
  },
  { name: 'mock-v1-hints', fastify: '5.x', dependencies: ['mock-context', 'mock-hints', 'mock-schedules'] }
)
