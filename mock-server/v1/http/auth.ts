/**
 * Access-token check on every i'mport route (a route opts out with `config: { public: true }`).
 * Accepted carriers, as real clients use them (iamport-api.md §0.4): `Authorization: <token>`,
 * `Authorization: Bearer <token>`, `X-ImpTokenHeader: <token>`, and `?_token=<token>`.
 * Anything else (missing, unknown, expired) is 401 `Unauthorized` in the envelope.
 */
import fp from 'fastify-plugin'
import type { FastifyRequest } from 'fastify'
import { errors } from '../../../api/v1/catalogue.js'
import { apiOf } from '../../shared/http/namespaces.js'

export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization
  if (typeof header === 'string' && header !== '') {
    return header.replace(/^Bearer\s+/i, '').trim()
  }
  const impHeader = request.headers['x-imptokenheader']
  if (typeof impHeader === 'string' && impHeader !== '') return impHeader.trim()
  const query = request.query as Record<string, unknown> | undefined
  const fromQuery = query?._token
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined
}

export default fp(
  async (app) => {
    app.addHook('onRequest', async (request) => {
      // Unknown routes answer 404 whatever the token; the control API has its own guard.
      if (request.is404 || apiOf(request) !== 'v1' || request.routeOptions.config.public === true) return
      const token = tokenOf(request)
      const merchant = token === undefined ? undefined : app.mock.store.merchantByToken(token)
      if (!merchant) throw errors.unauthorized()
      request.merchant = merchant
    })
  },
  { name: 'mock-auth', fastify: '5.x', dependencies: ['mock-context'] }
)
