/** Billing keys: `/subscribe/customers…` (operationIds `customer_save`, `customer_view`, `customer_delete`, `customer_view_multiple`, `customer_payments`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CustomerPaymentsQuerySchema } from '../../../api/v1/queries.js'
import {
  CustomerListResponseSchema,
  CustomerResponseSchema,
  CustomerUidParamsSchema,
  DeleteBillingKeyQuerySchema,
  IssueBillingKeyBodySchema,
  MultipleCustomersQuerySchema
} from '../../../api/v1/customer.js'
import { PagedPaymentsResponseSchema } from '../../../api/v1/payment.js'
import { errors } from '../../../api/v1/catalogue.js'
import { deleteBillingKey, getBillingKey, issueBillingKey } from '../domain/billing-keys.js'
import { listByCustomer } from '../domain/lookups.js'
import { renderCustomer } from '../render/customer.js'
import { renderPayment } from '../render/payment.js'
import { ok } from './reply.js'

const customers: FastifyPluginAsyncTypebox = async (app) => {
  const { fidelity } = app.mock.config

  app.post(
    '/subscribe/customers/:customer_uid',
    {
      config: { faultKind: 'issue' },
      schema: { params: CustomerUidParamsSchema, body: IssueBillingKeyBodySchema, response: { 200: CustomerResponseSchema } }
    },
    async (request) => {
      const record = issueBillingKey(request.merchant!, request.params.customer_uid, request.body, fidelity)
      return ok(renderCustomer(record))
    }
  )

  app.get(
    '/subscribe/customers/:customer_uid',
    { schema: { params: CustomerUidParamsSchema, response: { 200: CustomerResponseSchema } } },
    async (request) => ok(renderCustomer(getBillingKey(request.merchant!, request.params.customer_uid, fidelity)))
  )

  app.delete(
    '/subscribe/customers/:customer_uid',
    {
      schema: {
        params: CustomerUidParamsSchema,
        querystring: DeleteBillingKeyQuerySchema,
        response: { 200: CustomerResponseSchema }
      }
    },
    async (request) => ok(renderCustomer(deleteBillingKey(request.merchant!, request.params.customer_uid, fidelity)))
  )

  // 200 when every key was found, 207 with only the found ones when some were, 404 when none.
  app.get(
    '/subscribe/customers',
    {
      schema: {
        querystring: MultipleCustomersQuerySchema,
        response: { 200: CustomerListResponseSchema, 207: CustomerListResponseSchema }
      }
    },
    async (request, reply) => {
      const state = request.merchant!
      const requested = [...new Set(request.query.customer_uid)]
      const found = requested.flatMap((uid) => {
        const key = state.billingKeys.get(uid)
        return key ? [renderCustomer(key)] : []
      })
      if (found.length === 0) throw errors.noCustomersFound()
      if (found.length < requested.length) reply.code(207)
      return ok(found)
    }
  )

  app.get(
    '/subscribe/customers/:customer_uid/payments',
    {
      schema: {
        params: CustomerUidParamsSchema,
        querystring: CustomerPaymentsQuerySchema,
        response: { 200: PagedPaymentsResponseSchema }
      }
    },
    async (request) => {
      const page = listByCustomer(request.merchant!, request.params.customer_uid, request.query.page)
      return ok({ ...page, list: page.list.map(renderPayment) })
    }
  )
}

export default customers
