/**
 * Cash receipts: `GET/POST/DELETE /receipts/{imp_uid}` (getReceipt, issueReceipt, revokeReceipt)
 * and `GET/POST/DELETE /receipts/external/{merchant_uid}` (the External variants). The swagger
 * gives bad input a 400 here.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  ExternalReceiptIssueBodySchema,
  ExternalReceiptResponseSchema,
  ReceiptIssueBodySchema,
  ReceiptResponseSchema
} from '../../../api/v1/receipt.js'
import { LIMITS } from '../../../api/v1/customer.js'
import { cancelExternalReceipt, cancelReceipt, findExternalReceipt, findReceipt, issueExternalReceipt, issueReceipt } from '../domain/receipts.js'
import { renderExternalReceipt, renderReceipt } from '../render/families.js'
import { ok } from './reply.js'

const ImpUidParams = Type.Object({ imp_uid: Type.String({ minLength: 1 }) })
const MerchantUidParams = Type.Object({ merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }) })
const config = { badParamsAre400: true }

const receipts: FastifyPluginAsyncTypebox = async (app) => {
  const single = { params: ImpUidParams, response: { 200: ReceiptResponseSchema } }
  app.get('/receipts/:imp_uid', { schema: single }, async (request) => ok(renderReceipt(findReceipt(request.merchant!, request.params.imp_uid))))
  app.post('/receipts/:imp_uid', { config, schema: { ...single, body: ReceiptIssueBodySchema } }, async (request) =>
    ok(renderReceipt(issueReceipt(request.merchant!, request.params.imp_uid, request.body)))
  )
  app.delete('/receipts/:imp_uid', { schema: single }, async (request) => ok(renderReceipt(cancelReceipt(request.merchant!, request.params.imp_uid))))

  const external = { params: MerchantUidParams, response: { 200: ExternalReceiptResponseSchema } }
  app.get('/receipts/external/:merchant_uid', { schema: external }, async (request) =>
    ok(renderExternalReceipt(findExternalReceipt(request.merchant!, request.params.merchant_uid)))
  )
  app.post('/receipts/external/:merchant_uid', { config, schema: { ...external, body: ExternalReceiptIssueBodySchema } }, async (request) =>
    ok(renderExternalReceipt(issueExternalReceipt(request.merchant!, request.params.merchant_uid, request.body)))
  )
  app.delete('/receipts/external/:merchant_uid', { schema: external }, async (request) =>
    ok(renderExternalReceipt(cancelExternalReceipt(request.merchant!, request.params.merchant_uid)))
  )
}

export default receipts
