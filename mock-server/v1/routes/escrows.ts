/** Escrow shipping: `GET/POST/PUT /escrows/logis/{imp_uid}` (escrow_logis_get, _save, _edit). Bad input is a 400 (swagger). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { EscrowLogisBodySchema, EscrowLogisResponseSchema } from '../../../api/v1/escrow.js'
import { findEscrowLogis, saveEscrowLogis } from '../domain/escrow.js'
import { renderEscrowLogis } from '../render/families.js'
import { ok } from './reply.js'

const escrows: FastifyPluginAsyncTypebox = async (app) => {
  const schema = { params: Type.Object({ imp_uid: Type.String({ minLength: 1 }) }), response: { 200: EscrowLogisResponseSchema } }
  const config = { badParamsAre400: true }

  app.get('/escrows/logis/:imp_uid', { schema }, async (request) => ok(renderEscrowLogis(findEscrowLogis(request.merchant!, request.params.imp_uid))))
  app.post('/escrows/logis/:imp_uid', { config, schema: { ...schema, body: EscrowLogisBodySchema } }, async (request) =>
    ok(renderEscrowLogis(saveEscrowLogis(request.merchant!, request.params.imp_uid, request.body, 'create')))
  )
  app.put('/escrows/logis/:imp_uid', { config, schema: { ...schema, body: EscrowLogisBodySchema } }, async (request) =>
    ok(renderEscrowLogis(saveEscrowLogis(request.merchant!, request.params.imp_uid, request.body, 'update')))
  )
}

export default escrows
