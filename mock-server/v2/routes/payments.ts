/**
 * `POST /payments/{paymentId}/billing-key`, `POST /payments/{paymentId}/instant` (key-in),
 * `GET /payments/{paymentId}`, `GET /payments` (paged; JSON in `requestBody`) and
 * `POST /payments/{paymentId}/cancel`. Charges send `Transaction.Paid` or `Transaction.Failed`,
 * cancels `Transaction.Cancelled` or `Transaction.PartialCancelled` (unless `skipWebhook`).
 */
import type { FastifyPluginAsync } from 'fastify'
import {
  BillingKeyPaymentInputSchema,
  CancelPaymentBodySchema,
  GetPaymentsBodySchema,
  InstantPaymentInputSchema,
  StoreIdQuerySchema
} from '../../../api/v2/requests.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2PaymentRecord } from '../../shared/store/v2-records.js'
import type { V2Webhooks } from '../notify/webhooks.js'
import { merchantOf } from '../http/auth.js'
import { compileBody, queryBody } from '../http/body.js'
import { storeOf } from '../domain/common.js'
import { cancelPayment, declineError, findPayment, listPayments, payInstantly, payWithBillingKey } from '../domain/payments.js'
import { renderCancellation, renderPayment } from '../render/wire.js'
import { rfc3339, sendJson } from '../render/send.js'

const checkBillingKeyPayment = compileBody(BillingKeyPaymentInputSchema)
const checkInstant = compileBody(InstantPaymentInputSchema)
const checkCancel = compileBody(CancelPaymentBodySchema)
const checkList = compileBody(GetPaymentsBodySchema)
const checkQuery = compileBody(StoreIdQuerySchema)

interface PaymentParams {
  paymentId: string
}

/** `Transaction.Paid` or `Transaction.Failed` for a new charge. */
export function notifyCharge(webhooks: V2Webhooks, merchant: V2MerchantState, payment: V2PaymentRecord): void {
  webhooks.emit(
    merchant,
    storeOf(merchant, payment.storeId),
    payment.status === 'PAID' ? 'Transaction.Paid' : 'Transaction.Failed',
    { paymentId: payment.id, transactionId: payment.transactionId },
    payment.charge.noticeUrls
  )
}

/** The answer of a charge: the summary when paid, PG_PROVIDER when the PG declined. */
function chargeAnswer(payment: V2PaymentRecord) {
  if (payment.status === 'FAILED') throw declineError(payment)
  return { payment: { pgTxId: payment.pgTxId!, paidAt: rfc3339(payment.paidAt!) } }
}

const payments: FastifyPluginAsync = async (app) => {
  app.post<{ Params: PaymentParams }>('/payments/:paymentId/billing-key', { config: { faultKind: 'again' } }, async (request, reply) => {
    const merchant = merchantOf(request)
    const body = checkBillingKeyPayment(request.body)
    const payment = payWithBillingKey(merchant, request.params.paymentId, body, request.v2Decline)
    if (body.skipWebhook !== true) notifyCharge(app.v2Webhooks, merchant, payment)
    return sendJson(reply, chargeAnswer(payment))
  })

  app.post<{ Params: PaymentParams }>('/payments/:paymentId/instant', { config: { faultKind: 'onetime' } }, async (request, reply) => {
    const merchant = merchantOf(request)
    const body = checkInstant(request.body)
    const payment = payInstantly(merchant, request.params.paymentId, body, request.v2Decline)
    if (body.skipWebhook !== true) notifyCharge(app.v2Webhooks, merchant, payment)
    return sendJson(reply, chargeAnswer(payment))
  })

  app.get<{ Params: PaymentParams }>('/payments/:paymentId', async (request, reply) => {
    const merchant = merchantOf(request)
    const query = checkQuery(request.query)
    return sendJson(reply, renderPayment(merchant, findPayment(merchant, request.params.paymentId, query.storeId)))
  })

  app.get('/payments', async (request, reply) => {
    const merchant = merchantOf(request)
    const page = listPayments(merchant, checkList(queryBody(request)))
    return sendJson(reply, { items: page.items.map((p) => renderPayment(merchant, p)), page: page.page })
  })

  app.post<{ Params: PaymentParams }>('/payments/:paymentId/cancel', async (request, reply) => {
    const merchant = merchantOf(request)
    const body = checkCancel(request.body)
    const { payment, cancellation } = cancelPayment(merchant, request.params.paymentId, body)
    if (body.skipWebhook !== true) {
      app.v2Webhooks.emit(
        merchant,
        storeOf(merchant, payment.storeId),
        payment.status === 'CANCELLED' ? 'Transaction.Cancelled' : 'Transaction.PartialCancelled',
        { paymentId: payment.id, transactionId: payment.transactionId, cancellationId: cancellation.id },
        payment.charge.noticeUrls
      )
    }
    return sendJson(reply, { cancellation: renderCancellation(cancellation) })
  })
}

export default payments
