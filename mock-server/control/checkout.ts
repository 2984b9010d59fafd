/**
 * `/__mock/checkout/auto`: make the next N payment windows decide by themselves (approve, with a
 * test card; decline, with a message; close), for browser suites that do not care about the
 * window itself. The window takes a queued decision on opening through the same call a click
 * makes (mock-server/checkout/browser/window.ts), so the outcome is the one a click would give.
 */
import type { FastifyPluginAsync } from 'fastify'
import { AutoDecisionBodySchema, AutoDecisionListSchema, type AutoDecisionInput } from '../../api/control/checkout.js'
import { ControlErrorSchema, DeletedSchema, ImpKeyQuerySchema } from '../../api/control/schemas.js'
import { testCard } from '../checkout/test-cards.js'
import { controlErrors, sendJson } from './errors.js'

const checkoutAuto: FastifyPluginAsync = async (app) => {
  const { store } = app.mock
  const tags = ['checkout']

  app.post(
    '/checkout/auto',
    {
      schema: {
        tags,
        summary: 'Queue a decision the next `times` payment windows take by themselves',
        body: AutoDecisionBodySchema,
        response: { 200: AutoDecisionListSchema, 400: ControlErrorSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const body = request.body as AutoDecisionInput
      if (body.imp_key !== undefined && !store.merchantByKey(body.imp_key)) throw controlErrors.unknownMerchant(body.imp_key)
      if (body.card !== undefined && !testCard(body.card)) {
        throw controlErrors.invalidRequest([`/card: no test card "${body.card}" (see docs/browser-checkout.md)`])
      }
      if (body.card !== undefined && body.decision !== 'approve') throw controlErrors.invalidRequest(['/card: only an approval picks a card'])
      if (body.message !== undefined && body.decision !== 'decline') throw controlErrors.invalidRequest(['/message: only a decline has a message'])
      app.checkout.queueAuto(body)
      return sendJson(reply, 200, { pending: app.checkout.pendingAuto() })
    }
  )

  app.get(
    '/checkout/auto',
    { schema: { tags, summary: 'The decisions still queued', response: { 200: AutoDecisionListSchema } } },
    async (_request, reply) => sendJson(reply, 200, { pending: app.checkout.pendingAuto() })
  )

  app.delete(
    '/checkout/auto',
    {
      schema: {
        tags,
        summary: 'Forget queued decisions (of one merchant with imp_key)',
        querystring: ImpKeyQuerySchema,
        response: { 200: DeletedSchema }
      }
    },
    async (request, reply) => {
      const { imp_key } = request.query as { imp_key?: string }
      return sendJson(reply, 200, { deleted: app.checkout.clearAuto(imp_key) })
    }
  )
}

export default checkoutAuto
