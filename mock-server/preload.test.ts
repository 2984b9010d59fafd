import { describe, expect } from 'vitest'
import type { MockApp } from './app.js'
import { expectEnvelope, T0 } from '../test/support/helpers.js'
import { it } from '../test/support/fixtures.js'
import { preloadPayments, preloadedCustomerUid, preloadedMerchantUid } from './preload.js'
import { PaymentResponseSchema } from '../api/v1/payment.js'
import { CustomerResponseSchema } from '../api/v1/customer.js'

function preload(app: MockApp, count: number) {
  const state = app.mock.store.merchantByKey('imp_apikey')!
  preloadPayments(state, count, app.mock.config.fidelity)
  return state
}

describe('preloadPayments (bench-only bulk load)', () => {
  it('stores one key per customer and one paid payment on each, indexed like HTTP-made ones', async ({ testApp }) => {
    const t = await testApp()
    const state = preload(t.app, 25)
    expect(state.billingKeys.size).toBe(25)
    expect(state.payments.size).toBe(25)
    expect(state.paymentsByCustomerUid.get(preloadedCustomerUid(7))).toHaveLength(1)

    const [payment] = state.paymentsByMerchantUid.get(preloadedMerchantUid(7))
    const body = expectEnvelope(await t.get(`/payments/${payment!.imp_uid}`), 200, PaymentResponseSchema)
    expect(body.response).toMatchObject({
      merchant_uid: 'preload_order_7',
      customer_uid: 'preload_customer_7',
      status: 'paid',
      amount: 9900,
      paid_at: T0,
      buyer_email: 'buyer00000007@example.com',
      card_number: '42424242****4242'
    })
    const key = expectEnvelope(await t.get('/subscribe/customers/preload_customer_24'), 200, CustomerResponseSchema)
    expect(key.response.customer_tel).toBe('010-0000-0024')
  })

  it('leaves a merchant_uid charged by preload unpayable twice', async ({ testApp }) => {
    const t = await testApp()
    preload(t.app, 3)
    const again = await t.again('preload_customer_1', 'preload_order_1')
    expect(again.code).toBe(1)
    expect(again.response).toBeNull()
  })

  it('stores nothing for a count of 0', async ({ testApp }) => {
    const t = await testApp()
    const state = preload(t.app, 0)
    expect(state.payments.size).toBe(0)
    expect(state.billingKeys.size).toBe(0)
  })
})
