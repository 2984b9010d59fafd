/**
 * `POST /iamport-webhook`: i'mport's webhook is not signed, so the shop believes only what
 * `GET /payments/{imp_uid}` tells it, and only for its own orders.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { createIamportClient } from 'iamport-mock/client'
import { IMP_KEY, IMP_SECRET, startShop, type Shop } from './shop.js'

let shop: Shop

const CUSTOMER = 'gildong_0001'
const CARD = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

beforeEach(async () => {
  shop = await startShop()
  await shop.mock.reset()
  await shop.app.inject({ method: 'POST', url: '/subscriptions/issue-billing', payload: { ...CARD, customer_uid: CUSTOMER } })
})
afterEach(() => shop.app.close())

const charge = (merchantUid: string) =>
  shop.app.inject({ method: 'POST', url: '/subscriptions/charge', payload: { customer_uid: CUSTOMER, merchant_uid: merchantUid, amount: 9900 } })
const webhook = (body: Record<string, string>) => shop.app.inject({ method: 'POST', url: '/iamport-webhook', payload: body })
const payments = async () => (await shop.mock.state(IMP_KEY)).merchants[0]!.payments

describe('POST /iamport-webhook', () => {
  it("ignores a webhook for a payment i'mport does not know", async () => {
    const res = await webhook({ imp_uid: 'imps_000000000000', merchant_uid: 'order_2026_03', status: 'paid' })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ignored' })
    expect(shop.store.order('order_2026_03')).toBeUndefined()
  })

  it("believes i'mport's record, not the webhook's claim", async () => {
    await shop.mock.faults.add({ match: { customer_uid: CUSTOMER }, action: { type: 'decline', fail_reason: '잔액부족' } })
    const { imp_uid } = (await charge('order_2026_04')).json()
    const seq = (await shop.mock.requests()).total

    const res = await webhook({ imp_uid, merchant_uid: 'order_2026_04', status: 'paid' })

    expect(res.json()).toEqual({ status: 'updated' })
    expect(shop.store.order('order_2026_04')).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
    const calls = (await shop.mock.requests()).entries.filter((e) => e.seq > seq).map((e) => `${e.method} ${e.path}`)
    expect(calls).toEqual([`GET /payments/${imp_uid}`])
  })

  it('settles an order left unknown when the webhook for its payment arrives', async () => {
    await shop.mock.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'commit_then_drop' } })
    const lookupDown = await shop.mock.faults.add({
      match: { path: '/payments/find/:merchant_uid' },
      action: { type: 'http', status: 503 },
      times: null
    })
    expect((await charge('order_2026_05')).json()).toMatchObject({ status: 'unknown' })
    await shop.mock.faults.remove(lookupDown.id)
    const [payment] = await payments()

    // What i'mport posts, form-encoded as the console can be set to send it.
    const res = await shop.app.inject({
      method: 'POST',
      url: '/iamport-webhook',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `imp_uid=${payment!.imp_uid}&merchant_uid=order_2026_05&status=paid`
    })

    expect(res.json()).toEqual({ status: 'updated' })
    expect(shop.store.order('order_2026_05')).toMatchObject({ status: 'paid', imp_uid: payment!.imp_uid })
  })

  it('ignores a payment that is not one of its orders', async () => {
    // Another system holding the same keys charges the customer: not an order of this shop.
    const iamport = createIamportClient({ baseURL: inject('iamportBaseUrl'), impKey: IMP_KEY, impSecret: IMP_SECRET })
    const other = await iamport.subscribe.again({ customer_uid: CUSTOMER, merchant_uid: 'elsewhere_0001', amount: 500, name: '다른 상품' })

    const res = await webhook({ imp_uid: other.imp_uid, merchant_uid: 'elsewhere_0001', status: 'paid' })

    expect(res.json()).toEqual({ status: 'ignored' })
    expect(shop.store.order('elsewhere_0001')).toBeUndefined()
  })

  it("answers 502 when i'mport cannot be asked, so that i'mport sends the webhook again", async () => {
    const { imp_uid } = (await charge('order_2026_06')).json()
    await shop.mock.faults.add({ match: { path: '/payments/:imp_uid' }, action: { type: 'drop' } })

    const res = await webhook({ imp_uid, merchant_uid: 'order_2026_06', status: 'paid' })

    expect(res.statusCode).toBe(502)
  })
})
