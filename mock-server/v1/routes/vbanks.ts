/**
 * Virtual accounts: `POST /vbanks` (createVbank), `PUT`/`DELETE /vbanks/{imp_uid}` (modifyVbank,
 * revokeVbank) and the hidden `GET /vbanks/holder`. Issuing fires the `ready` webhook; the deposit
 * that pays an account is made through the control API (`POST /__mock/vbanks/{imp_uid}/deposit`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PaymentResponseSchema } from '../../../api/v1/payment.js'
import { VbankCreateBodySchema, VbankHolderQuerySchema, VbankHolderResponseSchema, VbankUpdateBodySchema } from '../../../api/v1/vbank.js'
import { errors } from '../../../api/v1/catalogue.js'
import { holderOf, issueVbank, revokeVbank, updateVbank } from '../domain/vbanks.js'
import { renderPayment } from '../render/payment.js'
import { ok } from './reply.js'

const ImpUidParams = Type.Object({ imp_uid: Type.String({ minLength: 1 }) })
const PgApiKeyQuery = Type.Object({ pg_api_key: Type.Optional(Type.String()) })

const vbanks: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/vbanks',
    { schema: { body: VbankCreateBodySchema, querystring: PgApiKeyQuery, response: { 200: PaymentResponseSchema } } },
    async (request) => {
      const payment = issueVbank(request.merchant!, request.body, request.query)
      app.mock.events.emit('payment.ready', { merchant: request.merchant!, payment })
      return ok(renderPayment(payment))
    }
  )

  app.put(
    '/vbanks/:imp_uid',
    {
      config: { badParamsAre400: true },
      schema: { params: ImpUidParams, body: VbankUpdateBodySchema, response: { 200: PaymentResponseSchema } }
    },
    async (request) => ok(renderPayment(updateVbank(request.merchant!, request.params.imp_uid, request.body ?? {})))
  )

  app.delete(
    '/vbanks/:imp_uid',
    { schema: { params: ImpUidParams, querystring: PgApiKeyQuery, response: { 200: PaymentResponseSchema } } },
    async (request) => ok(renderPayment(revokeVbank(request.merchant!, request.params.imp_uid)))
  )

  app.get('/vbanks/holder', { schema: { querystring: VbankHolderQuerySchema, response: { 200: VbankHolderResponseSchema } } }, async (request) => {
    const { bank_code: bankCode, bank_num: bankNum } = request.query
    const missing = [...(bankCode ? [] : ['bank_code']), ...(bankNum ? [] : ['bank_num'])]
    if (missing.length > 0) throw errors.requiredParamsBadRequest(missing)
    return ok({ bank_holder: holderOf(request.merchant!, bankCode!, bankNum!) })
  })
}

export default vbanks
