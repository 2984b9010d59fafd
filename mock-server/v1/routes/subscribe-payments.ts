/** Charges: `POST /subscribe/payments/onetime` and `POST /subscribe/payments/again` (operationIds `onetime`, `again`). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AgainBodySchema, OnetimeBodySchema, PaymentResponseSchema } from '../../../api/v1/payment.js'
import { chargeBillingKey, chargeKeyIn } from '../domain/charges.js'
import { renderPayment } from '../render/payment.js'
import { emitCharge } from '../../shared/store/events.js'
import { ok } from './reply.js'

const subscribePayments: FastifyPluginAsyncTypebox = async (app) => {
  const { config, events } = app.mock
  const { fidelity } = config

  app.post(
    '/subscribe/payments/onetime',
    { config: { faultKind: 'onetime' }, schema: { body: OnetimeBodySchema, response: { 200: PaymentResponseSchema } } },
    async (request) => {
      const { payment } = chargeKeyIn(request.merchant!, request.body, fidelity, {
        declineReason: request.declineReason,
        pgDecline: request.pendingDecline
      })
      emitCharge(events, request.merchant!, payment)
      return ok(renderPayment(payment))
    }
  )

  app.post(
    '/subscribe/payments/again',
    { config: { faultKind: 'again' }, schema: { body: AgainBodySchema, response: { 200: PaymentResponseSchema } } },
    async (request) => {
      const payment = chargeBillingKey(request.merchant!, request.body, fidelity, {
        declineReason: request.declineReason,
        pgDecline: request.pendingDecline
      })
      emitCharge(events, request.merchant!, payment)
      return ok(renderPayment(payment))
    }
  )
}

export default subscribePayments
