/**
 * `POST /payments/{paymentId}/schedule`, `GET /payment-schedules/{id}`, `GET /payment-schedules`
 * (paged; JSON in `requestBody`) and `DELETE /payment-schedules` (by ids or billing key; JSON in
 * `requestBody`, as the SDK sends it). Due schedules run on the clock: see ../schedules.ts.
 */
import type { FastifyPluginAsync } from 'fastify'
import {
  CreatePaymentScheduleBodySchema,
  GetPaymentSchedulesBodySchema,
  RevokePaymentSchedulesBodySchema,
  StoreIdQuerySchema
} from '../../../api/v2/requests.js'
import { merchantOf } from '../http/auth.js'
import { compileBody, queryBody } from '../http/body.js'
import { createSchedule, findSchedule, listSchedules, revokeSchedules } from '../domain/schedules.js'
import { renderSchedule } from '../render/wire.js'
import { rfc3339, sendJson } from '../render/send.js'

const checkCreate = compileBody(CreatePaymentScheduleBodySchema)
const checkList = compileBody(GetPaymentSchedulesBodySchema)
const checkRevoke = compileBody(RevokePaymentSchedulesBodySchema)
const checkQuery = compileBody(StoreIdQuerySchema)

const schedules: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { paymentId: string } }>('/payments/:paymentId/schedule', async (request, reply) => {
    const merchant = merchantOf(request)
    const record = createSchedule(merchant, request.params.paymentId, checkCreate(request.body))
    return sendJson(reply, { schedule: { id: record.id } })
  })

  app.get<{ Params: { paymentScheduleId: string } }>('/payment-schedules/:paymentScheduleId', async (request, reply) => {
    const merchant = merchantOf(request)
    const query = checkQuery(request.query)
    return sendJson(reply, renderSchedule(merchant, findSchedule(merchant, request.params.paymentScheduleId, query.storeId)))
  })

  app.get('/payment-schedules', async (request, reply) => {
    const merchant = merchantOf(request)
    const page = listSchedules(merchant, checkList(queryBody(request)))
    return sendJson(reply, { items: page.items.map((s) => renderSchedule(merchant, s)), page: page.page })
  })

  app.delete('/payment-schedules', async (request, reply) => {
    const merchant = merchantOf(request)
    // The SDK sends the body in the query; a client sending a real DELETE body is served too.
    const raw = (request.query as Record<string, unknown>).requestBody === undefined ? (request.body ?? {}) : queryBody(request)
    const { ids, revokedAt } = revokeSchedules(merchant, checkRevoke(raw))
    return sendJson(reply, { revokedScheduleIds: ids, revokedAt: rfc3339(revokedAt) })
  })
}

export default schedules
