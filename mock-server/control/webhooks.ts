/**
 * `/__mock/webhooks`: the webhook outbox (every delivery and its attempts), redelivery, hand-made
 * sends (the console's test button) and webhook faults (drop, duplicate, delay).
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { WebhookFaultError } from '../shared/webhooks/faults.js'
import {
  DeliveryListSchema,
  DeliveryQuerySchema,
  DeliverySchema,
  WebhookFaultInputSchema,
  WebhookFaultListSchema,
  WebhookFaultViewSchema,
  WebhookSendSchema,
  type DeliveryQuery,
  type WebhookSend
} from '../../api/control/webhooks.js'
import { controlErrors, sendJson } from './errors.js'
import { ControlErrorSchema, DeletedSchema, ImpKeyQuerySchema } from '../../api/control/schemas.js'
import type { WebhookFaultInput } from '../../api/control/webhooks.js'

const webhooks: FastifyPluginAsync = async (app) => {
  const { store, config } = app.mock
  const service = app.webhooks
  const tags = ['webhooks']
  const IdParams = Type.Object({ id: Type.String() })

  const merchantOf = (impKey: string | undefined) => {
    if (impKey === undefined) return null
    const merchant = store.merchantByKey(impKey)
    if (!merchant) throw controlErrors.unknownMerchant(impKey)
    return merchant
  }

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'The outbox: every webhook delivery with its attempts, oldest first (waits for attempts in flight first)',
        querystring: DeliveryQuerySchema,
        response: { 200: DeliveryListSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const query = request.query as DeliveryQuery
      const merchant = merchantOf(query.imp_key)
      const settled = query.wait === false ? true : await service.settle(config.webhooks.settle_timeout_ms, merchant)
      const deliveries = service.listDeliveries({ imp_key: query.imp_key, imp_uid: query.imp_uid, merchant_uid: query.merchant_uid })
      return sendJson(reply, 200, { settled, deliveries })
    }
  )

  app.post(
    '/webhooks/send',
    {
      schema: {
        tags,
        summary: 'Send a webhook by hand, like the console test button; answers once the attempt is over',
        body: WebhookSendSchema,
        response: { 200: DeliverySchema, 400: ControlErrorSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const send = request.body as WebhookSend
      const delivery = await service.sendCustom({
        url: send.url,
        body: send.body,
        content_type: send.content_type,
        merchant: merchantOf(send.imp_key) ?? undefined
      })
      return sendJson(reply, 200, delivery)
    }
  )

  app.get(
    '/webhooks/faults',
    {
      schema: { tags, summary: 'The webhook faults in force, in the order they apply', response: { 200: WebhookFaultListSchema } }
    },
    async (_request, reply) => sendJson(reply, 200, { rules: service.listFaults() })
  )

  app.post(
    '/webhooks/faults',
    {
      schema: {
        tags,
        summary: 'Add a webhook fault: drop, duplicate or delay (simulator seconds) the webhooks it matches',
        body: WebhookFaultInputSchema,
        response: { 201: WebhookFaultViewSchema, 400: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      try {
        return sendJson(reply, 201, service.faults.add(request.body as WebhookFaultInput))
      } catch (err) {
        if (err instanceof WebhookFaultError) throw controlErrors.invalidRequest([err.message])
        throw err
      }
    }
  )

  app.delete(
    '/webhooks/faults',
    {
      schema: {
        tags,
        summary: 'Delete every webhook fault (with imp_key: only those scoped to that merchant)',
        querystring: ImpKeyQuerySchema,
        response: { 200: DeletedSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey } = request.query as { imp_key?: string }
      const before = service.listFaults().length
      service.faults.clear(impKey)
      return sendJson(reply, 200, { deleted: before - service.listFaults().length })
    }
  )

  app.delete(
    '/webhooks/faults/:id',
    {
      schema: { tags, summary: 'Delete one webhook fault', params: IdParams, response: { 200: DeletedSchema, 404: ControlErrorSchema } }
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      if (!service.faults.remove(id)) throw controlErrors.webhookFaultNotFound(id)
      return sendJson(reply, 200, { deleted: 1 })
    }
  )

  app.get(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'One delivery, once its attempt in flight is over (bounded by webhooks.settle_timeout_ms)',
        params: IdParams,
        response: { 200: DeliverySchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const delivery = service.outbox.get(id)
      if (!delivery) throw controlErrors.webhookNotFound(id)
      await service.settle(config.webhooks.settle_timeout_ms, delivery)
      return sendJson(reply, 200, delivery)
    }
  )

  app.post(
    '/webhooks/:id/redeliver',
    {
      schema: {
        tags,
        summary: 'Send a delivery again now (15 s resend timeout); answers once the attempt is over',
        params: IdParams,
        response: { 200: DeliverySchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { id } = request.params as { id: string }
      const delivery = await service.redeliver(id)
      if (!delivery) throw controlErrors.webhookNotFound(id)
      return sendJson(reply, 200, delivery)
    }
  )
}

export default webhooks
