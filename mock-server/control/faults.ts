/** `/__mock/faults`: add, list and delete fault rules. */
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { FaultRuleSchema } from '../../api/control/faults.js'
import { controlErrors, sendJson } from './errors.js'
import { ControlErrorSchema, DeletedSchema, FaultListSchema, FaultRuleViewSchema, ImpKeyQuerySchema } from '../../api/control/schemas.js'

const faults: FastifyPluginAsync = async (app) => {
  const engine = app.faults
  const tags = ['faults']

  app.post(
    '/faults',
    {
      config: { controlBody: 'fault_rule' },
      schema: {
        tags,
        summary: 'Add a fault rule (applies after the rules already in force)',
        body: FaultRuleSchema,
        response: { 201: FaultRuleViewSchema, 400: ControlErrorSchema }
      }
    },
    async (request, reply) => sendJson(reply, 201, engine.add(request.body, 'api'))
  )

  app.get(
    '/faults',
    {
      schema: {
        tags,
        summary: 'The rules in force, in the order they apply (with imp_key: those that can act on that merchant)',
        querystring: ImpKeyQuerySchema,
        response: { 200: FaultListSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey } = request.query as { imp_key?: string }
      return sendJson(reply, 200, { rules: engine.list(impKey) })
    }
  )

  app.delete(
    '/faults',
    {
      schema: {
        tags,
        summary: 'Delete every rule (with imp_key: only the rules scoped to that merchant)',
        querystring: ImpKeyQuerySchema,
        response: { 200: DeletedSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey } = request.query as { imp_key?: string }
      return sendJson(reply, 200, { deleted: engine.clear(impKey) })
    }
  )

  app.delete(
    '/faults/:id',
    {
      schema: {
        tags,
        summary: 'Delete one rule',
        params: Type.Object({ id: Type.String() }),
        response: { 200: DeletedSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      if (!engine.remove(id)) throw controlErrors.faultNotFound(id)
      return sendJson(reply, 200, { deleted: 1 })
    }
  )
}

export default faults
