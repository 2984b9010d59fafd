/** `POST /users/getToken` (operationId `getToken`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuthResponseSchema, GetTokenBodySchema } from '../../../api/v1/auth.js'
import { errors } from '../../../api/v1/catalogue.js'
import { getToken } from '../domain/tokens.js'
import { merchantForGetToken } from '../../shared/store/open-merchants.js'
import { ok } from './reply.js'

const users: FastifyPluginAsyncTypebox = async (app) => {
  const { store, config } = app.mock

  app.post(
    '/users/getToken',
    { config: { public: true, faultKind: 'token' }, schema: { body: GetTokenBodySchema, response: { 200: AuthResponseSchema } } },
    async (request) => {
      const { imp_key: impKey, imp_secret: impSecret } = request.body
      if (!impKey || !impSecret) throw errors.tokenParamsMissing(config.fidelity.get_token_missing_params_status)
      const state = merchantForGetToken(store, config, impKey, impSecret)
      if (!state || state.merchant.imp_secret !== impSecret) throw errors.authFailed()
      return ok(getToken(store, state))
    }
  )
}

export default users
