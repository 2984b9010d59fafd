/**
 * Payment lookups and cancel: `/payments/{imp_uid}`, `/payments`, `/payments/find…`,
 * `/payments/findAll…`, `/payments/status/{payment_status}`, `POST /payments/cancel`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CancelBodySchema, PagedPaymentsResponseSchema, PaymentListResponseSchema, PaymentResponseSchema } from '../../../api/v1/payment.js'
import {
  FindAllPaymentsQuerySchema,
  FindPaymentQuerySchema,
  GetPaymentQuerySchema,
  MultiplePaymentsQuerySchema,
  PaymentsByStatusQuerySchema
} from '../../../api/v1/queries.js'
import { LIMITS } from '../../../api/v1/customer.js'
import { errors } from '../../../api/v1/catalogue.js'
import { cancelPayment } from '../domain/cancel.js'
import { findAllByMerchantUid, findByMerchantUid, listByStatus, parseStatus } from '../domain/lookups.js'
import { renderPayment } from '../render/payment.js'
import type { PaymentRecord } from '../../shared/store/records.js'
import { ok } from './reply.js'

// The status of find/findAll travels in the path here (the client's query types carry it as a field).
const MerchantUidParams = Type.Object({
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }),
  payment_status: Type.Optional(Type.String())
})
const FindQuery = Type.Omit(FindPaymentQuerySchema, ['payment_status'])
const FindAllQuery = Type.Omit(FindAllPaymentsQuerySchema, ['payment_status'])

const payments: FastifyPluginAsyncTypebox = async (app) => {
  const renderPage = (page: { total: number; previous: number; next: number; list: PaymentRecord[] }) =>
    ok({ ...page, list: page.list.map(renderPayment) })

  // From 2026-01-26 test-channel payments are hidden here unless include_sandbox=true (swagger, notice).
  app.get(
    '/payments/:imp_uid',
    {
      schema: {
        params: Type.Object({ imp_uid: Type.String() }),
        querystring: GetPaymentQuerySchema,
        response: { 200: PaymentResponseSchema }
      }
    },
    async (request) => {
      const payment = request.merchant!.payments.get(request.params.imp_uid)
      if (!payment || (payment.channel.sandbox && request.query.include_sandbox !== true)) {
        throw errors.paymentNotFound()
      }
      return ok(renderPayment(payment))
    }
  )

  // Several at once: 200 when all are found, 207 with the found ones, 404 when none.
  app.get(
    '/payments',
    {
      schema: {
        querystring: MultiplePaymentsQuerySchema,
        response: { 200: PaymentListResponseSchema, 207: PaymentListResponseSchema }
      }
    },
    async (request, reply) => {
      const state = request.merchant!
      const impUids = [...new Set(request.query.imp_uid ?? [])]
      const merchantUids = [...new Set(request.query.merchant_uid ?? [])]
      const found: PaymentRecord[] = []
      for (const impUid of impUids) {
        const payment = state.payments.get(impUid)
        if (payment) found.push(payment)
      }
      for (const merchantUid of merchantUids) {
        if (state.paymentsByMerchantUid.has(merchantUid)) found.push(findByMerchantUid(state, merchantUid, undefined, undefined))
      }
      if (found.length === 0) throw errors.paymentNotFound()
      if (found.length < impUids.length + merchantUids.length) reply.code(207)
      return ok(found.map(renderPayment))
    }
  )

  const findRoute = {
    schema: {
      params: MerchantUidParams,
      querystring: FindQuery,
      response: { 200: PaymentResponseSchema }
    }
  }
  for (const url of ['/payments/find/:merchant_uid', '/payments/find/:merchant_uid/:payment_status']) {
    app.get(url, findRoute, async (request) => {
      const status = parseStatus(request.params.payment_status, false)
      return ok(renderPayment(findByMerchantUid(request.merchant!, request.params.merchant_uid, status, request.query.sorting)))
    })
  }

  const findAllRoute = {
    schema: {
      params: MerchantUidParams,
      querystring: FindAllQuery,
      response: { 200: PagedPaymentsResponseSchema }
    }
  }
  for (const url of ['/payments/findAll/:merchant_uid', '/payments/findAll/:merchant_uid/:payment_status']) {
    app.get(url, findAllRoute, async (request) => {
      const status = parseStatus(request.params.payment_status, false)
      return renderPage(findAllByMerchantUid(request.merchant!, request.params.merchant_uid, status, request.query))
    })
  }

  app.get(
    '/payments/status/:payment_status',
    {
      schema: {
        params: Type.Object({ payment_status: Type.String() }),
        querystring: PaymentsByStatusQuerySchema,
        response: { 200: PagedPaymentsResponseSchema }
      }
    },
    async (request) => {
      const status = parseStatus(request.params.payment_status, true)!
      return renderPage(listByStatus(request.merchant!, status, request.query))
    }
  )

  app.post('/payments/cancel', { schema: { body: CancelBodySchema, response: { 200: PaymentResponseSchema } } }, async (request) => {
    const payment = cancelPayment(request.merchant!, request.body)
    app.mock.events.emit('payment.cancelled', {
      merchant: request.merchant!,
      payment,
      enable_webhook: request.body.enable_webhook === true
    })
    return ok(renderPayment(payment))
  })
}

export default payments
