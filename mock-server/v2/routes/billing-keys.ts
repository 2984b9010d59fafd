/**
 * `POST /billing-keys` (issue from card credentials), `GET /billing-keys/{billingKey}`,
 * `GET /billing-keys` (paged; JSON in the `requestBody` query parameter) and
 * `DELETE /billing-keys/{billingKey}`. Issue and delete send `BillingKey.Issued` / `BillingKey.Deleted`.
 */
import type { FastifyPluginAsync } from 'fastify'
import { GetBillingKeyInfosBodySchema, IssueBillingKeyBodySchema, StoreIdQuerySchema } from '../../../api/v2/requests.js'
import { merchantOf } from '../http/auth.js'
import { compileBody, queryBody } from '../http/body.js'
import { deleteBillingKey, findBillingKey, issueBillingKey, listBillingKeys } from '../domain/billing-keys.js'
import { storeOf } from '../domain/common.js'
import { renderBillingKey, renderChannel } from '../render/wire.js'
import { rfc3339, sendJson } from '../render/send.js'

const checkIssue = compileBody(IssueBillingKeyBodySchema)
const checkList = compileBody(GetBillingKeyInfosBodySchema)
const checkQuery = compileBody(StoreIdQuerySchema)

interface KeyParams {
  billingKey: string
}

const billingKeys: FastifyPluginAsync = async (app) => {
  app.post('/billing-keys', { config: { faultKind: 'issue' } }, async (request, reply) => {
    const merchant = merchantOf(request)
    const body = checkIssue(request.body)
    const record = issueBillingKey(merchant, body)
    if (body.skipWebhook !== true) {
      app.v2Webhooks.emit(merchant, storeOf(merchant, record.storeId), 'BillingKey.Issued', { billingKey: record.billingKey }, record.noticeUrls)
    }
    return sendJson(reply, {
      billingKeyInfo: { billingKey: record.billingKey, channels: [renderChannel(record.channel)], issuedAt: rfc3339(record.issuedAt) }
    })
  })

  app.get<{ Params: KeyParams }>('/billing-keys/:billingKey', async (request, reply) => {
    const merchant = merchantOf(request)
    const query = checkQuery(request.query)
    return sendJson(reply, renderBillingKey(merchant, findBillingKey(merchant, request.params.billingKey, query.storeId)))
  })

  app.get('/billing-keys', async (request, reply) => {
    const merchant = merchantOf(request)
    const page = listBillingKeys(merchant, checkList(queryBody(request)))
    return sendJson(reply, { items: page.items.map((k) => renderBillingKey(merchant, k)), page: page.page })
  })

  app.delete<{ Params: KeyParams }>('/billing-keys/:billingKey', async (request, reply) => {
    const merchant = merchantOf(request)
    const query = checkQuery(request.query)
    const record = deleteBillingKey(merchant, request.params.billingKey, query.storeId)
    if (query.skipWebhook !== 'true') {
      app.v2Webhooks.emit(merchant, storeOf(merchant, record.storeId), 'BillingKey.Deleted', { billingKey: record.billingKey }, record.noticeUrls)
    }
    return sendJson(reply, { deletedAt: rfc3339(record.deletedAt!) })
  })
}

export default billingKeys
