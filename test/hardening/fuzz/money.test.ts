/**
 * A stateful property over money: any amount the simulator accepts for a charge, followed by any
 * sequence of cancels, full or partial, keeps the books straight: `cancel_amount` is the sum of
 * `cancel_history`, never above `amount`, and a cancel that would go past the balance is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildApp, type MockApp } from '../../../mock-server/app.js'
import { ManualClock } from '../../../mock-server/shared/clock.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { T0_MS } from '../../support/helpers.js'
import { hostileNumber } from './arbitraries.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let app: MockApp
let token: string
let order = 0
beforeAll(async () => {
  app = await buildApp({ clock: new ManualClock(T0_MS) })
  token = (await app.inject({ method: 'POST', url: '/users/getToken', payload: DEFAULT_MERCHANT })).json().response.access_token
  await app.inject({
    method: 'POST',
    url: '/subscribe/customers/c',
    headers: { authorization: token },
    payload: { card_number: APPROVED_CARD, expiry: '2030-12' }
  })
})
afterAll(() => app.close())

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: { authorization: token }, payload }).then((r) => r.json())

const amount = fc.oneof(hostileNumber, fc.integer({ min: 1, max: 10_000_000 }), fc.double({ min: 0.01, max: 1e6, noNaN: true }))
const cancelAmount = fc.oneof(fc.constant(undefined), amount, fc.integer({ min: 1, max: 5_000_000 }))

describe('charges and cancels keep the books straight', () => {
  it('for any accepted amount and any cancels', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(amount, fc.constantFrom('KRW', 'USD'), fc.array(cancelAmount, { maxLength: 6 }), async (total, currency, cancels) => {
        const merchantUid = `money_${order++}`
        const charged = await post('/subscribe/payments/again', { customer_uid: 'c', merchant_uid: merchantUid, amount: total, currency, name: 'x' })
        if (charged.code !== 0) return
        const impUid: string = charged.response.imp_uid
        let accepted = 0
        for (const c of cancels) {
          const before = (await app.inject({ method: 'GET', url: `/payments/${impUid}`, headers: { authorization: token } })).json().response
          const res = await post('/payments/cancel', c === undefined ? { imp_uid: impUid } : { imp_uid: impUid, amount: c })
          if (res.code === 0) {
            accepted++
            const after = res.response
            const history = after.cancel_history as Array<{ amount: number }>
            expect(history).toHaveLength(accepted)
            expect(after.cancel_amount).toBeGreaterThan(before.cancel_amount)
            expect(after.cancel_amount).toBeLessThanOrEqual(after.amount)
            expect(Math.round(history.reduce((s, h) => s + h.amount, 0) * 100)).toBe(Math.round(after.cancel_amount * 100))
          }
        }
        const final = (await app.inject({ method: 'GET', url: `/payments/${impUid}`, headers: { authorization: token } })).json().response
        expect(final.amount).toBe(total)
        expect(final.cancel_amount).toBeLessThanOrEqual(final.amount)
        expect(final.cancel_history).toHaveLength(accepted)
      }),
      { numRuns: 150, seed: 20260301 }
    )
  })
})
