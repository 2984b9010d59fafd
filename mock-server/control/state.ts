/** `GET /__mock/state`: what the simulator holds, per merchant, for debugging and assertions. */
import type { FastifyPluginAsync } from 'fastify'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { isOpenMerchant } from '../shared/store/open-merchants.js'
import type { ResolvedConfig } from '../shared/config/config.js'
import { renderCustomer } from '../v1/render/customer.js'
import { renderPayment } from '../v1/render/payment.js'
import { renderSchedule } from '../v1/render/schedule.js'
import type { ScheduleBook } from '../shared/schedules/book.js'
import { controlErrors, sendJson } from './errors.js'
import { clockView } from './clock.js'
import { ControlErrorSchema, ImpKeyQuerySchema, StateSchema, type MerchantSnapshot } from '../../api/control/schemas.js'
import { v2Snapshot } from './v2-state.js'

/** One merchant as the state API shows it: keys masked as the i'mport API shows them, never a card number. */
export function snapshot(state: MerchantState, _config: ResolvedConfig, schedules: ScheduleBook): MerchantSnapshot {
  return {
    imp_key: state.merchant.imp_key,
    name: state.merchant.name,
    open: isOpenMerchant(state),
    clock: clockView(state.clock, state),
    token: state.token ? { expired_at: state.token.expired_at } : null,
    billing_keys: [...state.billingKeys.values()].map(renderCustomer),
    payments: [...state.payments.values()].map(renderPayment),
    prepares: [...state.prepares.values()].map((p) => ({ merchant_uid: p.merchant_uid, amount: p.amount, currency: p.currency })),
    schedules: schedules.all().map((r) => renderSchedule(state, r))
  }
}

const state: FastifyPluginAsync = async (app) => {
  const { store, config } = app.mock

  app.get(
    '/state',
    {
      schema: {
        tags: ['state'],
        summary: 'Billing keys (masked), payments, prepared amounts and schedules of every merchant, or of one',
        querystring: ImpKeyQuerySchema,
        response: { 200: StateSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey } = request.query as { imp_key?: string }
      let merchants: MerchantState[]
      if (impKey === undefined) {
        merchants = [...store.allMerchants()]
      } else {
        const one = store.merchantByKey(impKey)
        if (!one) throw controlErrors.unknownMerchant(impKey)
        merchants = [one]
      }
      const v1 = merchants.map((m) => snapshot(m, config, app.schedules.book(m)))
      if (impKey !== undefined) return sendJson(reply, 200, { merchants: v1 })
      return sendJson(reply, 200, { merchants: v1, v2_merchants: [...store.v2.all()].map(v2Snapshot) })
    }
  )
}

export default state
