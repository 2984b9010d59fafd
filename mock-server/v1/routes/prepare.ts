/** Prepared amounts: `POST`/`PUT /payments/prepare`, `GET /payments/prepare/{merchant_uid}`. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PrepareBodySchema, PrepareResponseSchema } from '../../../api/v1/prepare.js'
import { LIMITS } from '../../../api/v1/customer.js'
import { getPrepare, registerPrepare, updatePrepare } from '../domain/prepare.js'
import { ok } from './reply.js'

const prepare: FastifyPluginAsyncTypebox = async (app) => {
  const schema = { body: PrepareBodySchema, response: { 200: PrepareResponseSchema } }

  app.post('/payments/prepare', { schema }, async (request) => ok(registerPrepare(request.merchant!, request.body)))

  app.put('/payments/prepare', { schema }, async (request) => ok(updatePrepare(request.merchant!, request.body)))

  app.get(
    '/payments/prepare/:merchant_uid',
    {
      schema: {
        params: Type.Object({ merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }) }),
        response: { 200: PrepareResponseSchema }
      }
    },
    async (request) => ok(getPrepare(request.merchant!, request.params.merchant_uid))
  )
}

export default prepare
