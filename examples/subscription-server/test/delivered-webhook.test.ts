/**
 * A webhook the simulator really sends: a merchant of the test's own, made through the control
 * API with the shop's webhook URL (no config file), a card registered and charged through the
 * shop, and i'mport's webhook arriving at the listening shop, which reads the payment back.
 */
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MerchantView } from 'iamport-mock/client'
import { startShop, type Shop } from './shop.js'

let shop: Shop
let merchant: MerchantView

beforeEach(async () => {
  const control = (await startShop()).mock
  merchant = await control.merchants.create({ name: 'subscription-server' })
  shop = await startShop({ impKey: merchant.imp_key, impSecret: merchant.imp_secret })
  await shop.app.listen({ port: 0, host: '127.0.0.1' })
  const shopUrl = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`
  await shop.mock.merchants.update(merchant.imp_key, { webhook_url: `${shopUrl}/iamport-webhook` })
})
afterEach(async () => {
  await shop.mock.merchants.remove(merchant.imp_key)
  await shop.app.close()
})

describe("i'mport's webhook, sent by the simulator", () => {
  it('reaches the shop, which settles the order from the payment it reads back', async () => {
    const card = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }
    const issued = await shop.app.inject({ method: 'POST', url: '/subscriptions/issue-billing', payload: { ...card, customer_uid: 'gildong_0001' } })
    expect(issued.json()).toMatchObject({ status: 'success' })
    const charged = await shop.app.inject({
      method: 'POST',
      url: '/subscriptions/charge',
      payload: { customer_uid: 'gildong_0001', merchant_uid: 'order_2026_09', amount: 9900 }
    })
    const { imp_uid } = charged.json()

    // The outbox answers once the delivery is over: sent to the shop, answered 200.
    const { deliveries } = await shop.mock.webhooks.list({ impKey: merchant.imp_key })
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({
      url: expect.stringMatching(/\/iamport-webhook$/),
      body: { imp_uid, merchant_uid: 'order_2026_09', status: 'paid' }
    })
    expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: [{ status_code: 200 }] })
    // The shop believed the webhook only after reading the payment back.
    const calls = (await shop.mock.requests({ impKey: merchant.imp_key })).entries.map((e) => `${e.method} ${e.path}`)
    expect(calls.at(-1)).toBe(`GET /payments/${imp_uid}`)
    expect(shop.store.order('order_2026_09')).toMatchObject({ status: 'paid' })
  })
})
