/**
 * A stateful property over money: any amount the simulator accepts for a charge, followed by any
 * sequence of cancels, full or partial, keeps the books straight: `cancel_amount` is the sum of
 * `cancel_history`, never above `amount`, and a cancel that would go past the balance is refused.
 * Fractional (USD cent) amounts and amounts near the largest accepted one are summed exactly:
 * `cancel_amount`, the sum of `cancel_history` and the sum of the accepted cancels are one number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildApp, type MockApp } from '../../../mock-server/app.js'
import { ManualClock } from '../../../mock-server/shared/clock.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { T0_MS } from '../../support/helpers.js'
import { hostileNumber } from './arbitraries.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { MAX_MINOR_UNITS, fromMinor, toMinor } from '../../../mock-server/v1/domain/money.js'

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

/** Cent amounts: small, fractional, and within a million cents of the largest accepted amount. */
const cents = fc.oneof(
  fc.integer({ min: 1, max: 100_000 }),
  fc.integer({ min: 1, max: 10_000_000_000 }),
  fc.integer({ min: MAX_MINOR_UNITS - 1_000_000, max: MAX_MINOR_UNITS })
)

describe('fractional and near-limit amounts add up exactly', () => {
  it('cancel_amount, the sum of cancel_history and the sum of accepted cancels are one number', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        cents,
        fc.constantFrom('USD', 'KRW'),
        fc.array(fc.oneof(fc.constant(undefined), cents, fc.integer({ min: 1, max: 999 })), { maxLength: 6 }),
        async (totalMinor, currency, cancelMinors) => {
          const scale = currency === 'USD' ? 100 : 1
          const total = totalMinor / scale
          const charged = await post('/subscribe/payments/again', {
            customer_uid: 'c',
            merchant_uid: `exact_${order++}`,
            amount: total,
            currency,
            name: 'x'
          })
          expect(charged.code, JSON.stringify(charged)).toBe(0)
          const impUid: string = charged.response.imp_uid
          let acceptedMinor = 0
          for (const c of cancelMinors) {
            const res = await post('/payments/cancel', c === undefined ? { imp_uid: impUid } : { imp_uid: impUid, amount: c / scale })
            if (res.code !== 0) continue
            const history = res.response.cancel_history as Array<{ amount: number }>
            acceptedMinor += toMinor(history.at(-1)!.amount, currency)
            const historyMinor = history.reduce((sum, h) => sum + toMinor(h.amount, currency), 0)
            expect(Number.isSafeInteger(historyMinor)).toBe(true)
            expect(res.response.cancel_amount).toBe(fromMinor(historyMinor, currency))
            expect(res.response.cancel_amount).toBe(fromMinor(acceptedMinor, currency))
            expect(toMinor(res.response.cancel_amount, currency)).toBeLessThanOrEqual(totalMinor)
          }
          const final = (await app.inject({ method: 'GET', url: `/payments/${impUid}`, headers: { authorization: token } })).json().response
          expect(final.amount).toBe(total)
          expect(final.cancel_amount).toBe(fromMinor(acceptedMinor, currency))
        }
      ),
      { numRuns: 150, seed: 20260302 }
    )
  })
})
