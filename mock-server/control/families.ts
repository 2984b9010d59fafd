/**
 * `/__mock/vbanks/{imp_uid}/deposit` and `/__mock/certifications/{imp_uid}/otp`: the two things a
 * test of the V1 families needs that only the outside world does on the real service — a buyer's
 * deposit into a virtual account (then `paid`, `deposit_history` and the `paid` webhook, as the
 * real deposit notice makes them), and the OTP the person's phone would receive.
 */
import type { FastifyPluginAsync } from 'fastify'
import { Type } from 'typebox'
import { ControlError, controlErrors, sendJson } from './errors.js'
import { ControlErrorSchema, ImpKeyQuerySchema } from '../../api/control/schemas.js'
import { DepositInputSchema, DepositResultSchema, OtpViewSchema, type DepositInput } from '../../api/control/families.js'
import { deposit, DepositRefused } from '../v1/domain/vbanks.js'
import { renderPayment } from '../v1/render/payment.js'
import type { MerchantState } from '../shared/store/merchant-state.js'

const DEPOSIT_STATUS: Record<DepositRefused['reason'], number> = {
  not_found: 404,
  not_vbank: 409,
  not_ready: 409,
  past_due: 409,
  bad_amount: 400
}

const families: FastifyPluginAsync = async (app) => {
  const { store, config, events } = app.mock
  const ImpUidParams = Type.Object({ imp_uid: Type.String({ minLength: 1 }) })

  /** The merchant named, or the one merchant holding `has(id)`. */
  const merchantFor = (impKey: string | undefined, has: (m: MerchantState) => boolean, what: string): MerchantState => {
    if (impKey !== undefined) {
      const merchant = store.merchantByKey(impKey)
      if (!merchant) throw controlErrors.unknownMerchant(impKey)
      return merchant
    }
    const holders = [...store.allMerchants()].filter(has)
    if (holders.length === 1) return holders[0]!
    if (holders.length === 0) throw new ControlError(404, 'not_found', `no merchant has ${what}`)
    throw new ControlError(400, 'ambiguous', `several merchants have ${what}: give imp_key`)
  }

  app.post(
    '/vbanks/:imp_uid/deposit',
    {
      schema: {
        tags: ['families'],
        summary: 'Deposit into a virtual account (full or short amount); the one that completes it makes it paid and sends its webhook',
        params: ImpUidParams,
        body: DepositInputSchema,
        response: { 200: DepositResultSchema, 400: ControlErrorSchema, 404: ControlErrorSchema, 409: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { imp_uid: impUid } = request.params as { imp_uid: string }
      const input = (request.body ?? {}) as DepositInput
      const merchant = merchantFor(input.imp_key, (m) => m.payments.has(impUid), `a payment ${impUid.slice(0, 100)}`)
      let result
      try {
        result = deposit(merchant, impUid, input)
      } catch (err) {
        if (err instanceof DepositRefused) throw new ControlError(DEPOSIT_STATUS[err.reason], err.reason, err.message)
        throw err
      }
      if (result.paid) {
        events.emit('payment.paid', { merchant, payment: result.payment })
        await app.webhooks.settle(config.webhooks.settle_timeout_ms, merchant)
      }
      return sendJson(reply, 200, { imp_key: merchant.merchant.imp_key, paid: result.paid, payment: renderPayment(result.payment) })
    }
  )

  app.get(
    '/certifications/:imp_uid/otp',
    {
      schema: {
        tags: ['families'],
        summary: 'The OTP of a certification request (what the phone would show); null once confirmed',
        params: ImpUidParams,
        querystring: ImpKeyQuerySchema,
        response: { 200: OtpViewSchema, 400: ControlErrorSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { imp_uid: impUid } = request.params as { imp_uid: string }
      const { imp_key: impKey } = request.query as { imp_key?: string }
      const merchant = merchantFor(impKey, (m) => m.families.certification.has(impUid), `a certification ${impUid.slice(0, 100)}`)
      const record = merchant.families.certification.get(impUid)
      if (!record) throw new ControlError(404, 'not_found', `merchant ${merchant.merchant.imp_key} has no certification ${impUid.slice(0, 100)}`)
      return sendJson(reply, 200, {
        imp_key: merchant.merchant.imp_key,
        imp_uid: impUid,
        otp: record.otp,
        expires_at: record.otp_expires_at,
        certified: record.certified
      })
    }
  )
}

export default families
