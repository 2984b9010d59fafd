/**
 * Scheduled payments: `/subscribe/payments/schedule…`, `/subscribe/payments/unschedule` and
 * `/subscribe/customers/{customer_uid}/schedules` (operationIds `schedule`, `unschedule`,
 * `getScheduleByMid`, `findSchedulesByRange`, `findSchedulesByCustomer`, `updateScheduleByMid`,
 * `rescheduleByMid`, `retryScheduleByMid`). The runs themselves are the engine's (`app.schedules`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CustomerUidParamsSchema } from '../../../api/v1/customer.js'
import { PaymentResponseSchema } from '../../../api/v1/payment.js'
import {
  CustomerSchedulesQuerySchema,
  PagedSchedulesResponseSchema,
  ScheduleAtBodySchema,
  ScheduleBodySchema,
  ScheduleListResponseSchema,
  ScheduleMerchantUidParamsSchema,
  ScheduleRangeQuerySchema,
  SingleScheduleResponseSchema,
  UnscheduleBodySchema
} from '../../../api/v1/schedule.js'
import type { Paged } from '../../../api/v1/envelope.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import { renderSchedule } from '../render/schedule.js'
import { renderPayment } from '../render/payment.js'
import type { ScheduleRecord } from '../../shared/store/schedule-records.js'
import { assertRetryable, getSchedule, moveSchedule, registerSchedules, reschedule, unschedule } from '../schedules/rules.js'
import { searchByCustomer, searchByRange } from '../schedules/lookups.js'
import { ok } from './reply.js'

const schedules: FastifyPluginAsyncTypebox = async (app) => {
  const { fidelity } = app.mock.config
  const engine = app.schedules

  const one = (state: MerchantState, record: ScheduleRecord) => ok(renderSchedule(state, record))
  const many = (state: MerchantState, records: readonly ScheduleRecord[]) => ok(records.map((r) => renderSchedule(state, r)))
  const page = (state: MerchantState, p: Paged<ScheduleRecord>) => ok({ ...p, list: p.list.map((r) => renderSchedule(state, r)) })

  app.post(
    '/subscribe/payments/schedule',
    { schema: { body: ScheduleBodySchema, response: { 200: ScheduleListResponseSchema } } },
    async (request) => {
      const state = request.merchant!
      return many(state, registerSchedules(state, engine.book(state), request.body, fidelity))
    }
  )

  app.post(
    '/subscribe/payments/unschedule',
    { schema: { body: UnscheduleBodySchema, response: { 200: ScheduleListResponseSchema } } },
    async (request) => {
      const state = request.merchant!
      return many(state, unschedule(state, engine.book(state), request.body))
    }
  )

  app.get(
    '/subscribe/payments/schedule',
    { schema: { querystring: ScheduleRangeQuerySchema, response: { 200: PagedSchedulesResponseSchema } } },
    async (request) => {
      const state = request.merchant!
      return page(state, searchByRange(engine.book(state), request.query))
    }
  )

  const byCustomer = {
    schema: {
      params: CustomerUidParamsSchema,
      querystring: CustomerSchedulesQuerySchema,
      response: { 200: PagedSchedulesResponseSchema }
    }
  }
  for (const url of ['/subscribe/payments/schedule/customers/:customer_uid', '/subscribe/customers/:customer_uid/schedules']) {
    app.get(url, byCustomer, async (request) => {
      const state = request.merchant!
      return page(state, searchByCustomer(engine.book(state), request.params.customer_uid, request.query))
    })
  }

  app.get(
    '/subscribe/payments/schedule/:merchant_uid',
    { schema: { params: ScheduleMerchantUidParamsSchema, response: { 200: SingleScheduleResponseSchema } } },
    async (request) => {
      const state = request.merchant!
      return one(state, getSchedule(engine.book(state), request.params.merchant_uid))
    }
  )

  app.put(
    '/subscribe/payments/schedule/:merchant_uid',
    {
      // swagger: "필수 파라미터 누락 … 400"
      config: { badParamsAre400: true },
      schema: { params: ScheduleMerchantUidParamsSchema, body: ScheduleAtBodySchema, response: { 200: SingleScheduleResponseSchema } }
    },
    async (request) => {
      const state = request.merchant!
      return one(state, moveSchedule(state, engine.book(state), request.params.merchant_uid, request.body.schedule_at))
    }
  )

  app.post(
    '/subscribe/payments/schedule/:merchant_uid/reschedule',
    {
      // swagger: "필수 파라미터 누락 … 400"
      config: { badParamsAre400: true },
      schema: { params: ScheduleMerchantUidParamsSchema, body: ScheduleAtBodySchema, response: { 200: SingleScheduleResponseSchema } }
    },
    async (request) => {
      const state = request.merchant!
      return one(state, reschedule(state, engine.book(state), request.params.merchant_uid, request.body.schedule_at))
    }
  )

  // Runs the failed schedule again now; the answer is the new payment (paid or failed), like again's.
  // A card preset or decline preset was decided in the faults preHandler; a decline rule is drawn
  // only once the schedule is found retryable (request.pendingDecline).
  app.post(
    '/subscribe/payments/schedule/:merchant_uid/retry',
    {
      config: { faultKind: 'scheduled' },
      schema: { params: ScheduleMerchantUidParamsSchema, response: { 200: PaymentResponseSchema } }
    },
    async (request) => {
      const state = request.merchant!
      const record = assertRetryable(state, engine.book(state), request.params.merchant_uid)
      return ok(renderPayment(engine.run(state, record, { decline: () => request.declineReason ?? request.pendingDecline?.() ?? null })))
    }
  )
}

export default schedules
