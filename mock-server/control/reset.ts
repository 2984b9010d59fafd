/**
 * `POST /__mock/reset`: back to a fresh start, for everything or for one merchant.
 *
 * Everything: every merchant emptied (tokens, keys, payments, prepares, id streams, clocks),
 * merchants registered by --accept-any-key forgotten, the server clock back to real time, the
 * fault rules back to the config file's, the journal emptied.
 * One merchant (`{ "imp_key": … }`): its data, id stream and clock, the fault rules scoped to it
 * (`match.imp_key`) and its journal entries; other merchants and unscoped rules stay as they are.
 */
import type { FastifyPluginAsync } from 'fastify'
import { isOpenMerchant } from '../shared/store/open-merchants.js'
import { controlErrors, sendJson } from './errors.js'
import { ControlErrorSchema, ResetBodySchema, ResetResultSchema, type ResetResult } from '../../api/control/schemas.js'

const reset: FastifyPluginAsync = async (app) => {
  const { store } = app.mock

  app.post(
    '/reset',
    {
      schema: {
        tags: ['state'],
        summary: 'Reset everything, or one merchant with { imp_key }',
        body: ResetBodySchema,
        response: { 200: ResetResultSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey } = request.body as { imp_key?: string }
      if (impKey !== undefined) {
        if (!store.reset(impKey)) throw controlErrors.unknownMerchant(impKey)
        app.faults.clear(impKey)
        app.journal.clear(impKey)
        return sendJson(reply, 200, { reset: 'merchant', imp_key: impKey } satisfies ResetResult)
      }
      for (const state of [...store.allMerchants()]) {
        const key = state.merchant.imp_key
        if (isOpenMerchant(state)) store.removeMerchant(key)
      }
      store.reset()
      app.faults.reset()
      app.journal.clear()
      return sendJson(reply, 200, { reset: 'all', imp_key: null } satisfies ResetResult)
    }
  )
}

export default reset
