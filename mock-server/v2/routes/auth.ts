/**
 * `POST /login/api-secret` (an API secret for an access and a refresh token) and
 * `POST /token/refresh` (a refresh token for a new pair; each refresh token works once).
 * Both are public: they are how credentials are obtained.
 */
import type { FastifyPluginAsync } from 'fastify'
import { LoginViaApiSecretBodySchema, RefreshTokenBodySchema } from '../../../api/v2/requests.js'
import { v2errors } from '../../../api/v2/errors.js'
import { compileBody } from '../http/body.js'
import { sendJson } from '../render/send.js'

const checkLogin = compileBody(LoginViaApiSecretBodySchema)
const checkRefresh = compileBody(RefreshTokenBodySchema)

const authRoutes: FastifyPluginAsync = async (app) => {
  const registry = app.mock.store.v2

  app.post('/login/api-secret', { config: { public: true, faultKind: 'token' } }, async (request, reply) => {
    const { apiSecret } = checkLogin(request.body)
    const merchant = registry.bySecretOrOpen(apiSecret)
    if (!merchant) throw v2errors.unauthorized()
    return sendJson(reply, registry.issueTokens(merchant))
  })

  app.post('/token/refresh', { config: { public: true, faultKind: 'token' } }, async (request, reply) => {
    const { refreshToken } = checkRefresh(request.body)
    const merchant = registry.takeRefreshToken(refreshToken)
    if (!merchant) throw v2errors.invalidRefreshToken()
    return sendJson(reply, registry.issueTokens(merchant))
  })
}

export default authRoutes
