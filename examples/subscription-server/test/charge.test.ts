/**
 * `POST /subscriptions/charge`: the stored key charged with `again`. The three answers i'mport
 * gives (paid; code 0 with `failed` and `fail_reason`; code ≠ 0), an expired token, and the
 * answers that never arrive: the shop must look the payment up by merchant_uid before it charges
 * again, and never charge twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IMP_KEY, startShop, type Shop } from './shop.js'

let shop: Shop

const CUSTOMER = 'gildong_0001'
const CARD = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

beforeEach(async () => {
  shop = await startShop()
  await shop.mock.reset()
  const issued = await shop.app.inject({ method: 'POST', url: '/subscriptions/issue-billing', payload: { ...CARD, customer_uid: CUSTOMER } })
  expect(issued.json()).toMatchObject({ status: 'success' })
})
afterEach(() => shop.app.close())

const charge = (merchantUid: string, customerUid = CUSTOMER) =>
  shop.app.inject({
    method: 'POST',
    url: '/subscriptions/charge',
    payload: { customer_uid: customerUid, merchant_uid: merchantUid, amount: 9900, name: '월간 이용권' }
  })
const payments = async () => (await shop.mock.state(IMP_KEY)).merchants[0]!.payments
/** The i'mport calls the simulator saw since `fromSeq`, as `METHOD path → status`. */
const callsSince = async (fromSeq: number) =>
  (await shop.mock.requests()).entries
    .filter((e) => e.seq > fromSeq)
    .map((e) => `${e.method} ${e.path} → ${e.outcome === 'dropped' ? 'dropped' : e.status}`)
const lastSeq = async () => (await shop.mock.requests()).total

describe('POST /subscriptions/charge', () => {
  it('charges the stored key and records the order paid', async () => {
    const res = await charge('order_2026_03')

    const [payment] = await payments()
    expect(payment).toMatchObject({ merchant_uid: 'order_2026_03', customer_uid: CUSTOMER, status: 'paid', amount: 9900 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      status: 'paid',
      merchant_uid: 'order_2026_03',
      imp_uid: payment!.imp_uid,
      amount: 9900,
      message: 'Payment completed'
    })
    expect(shop.store.order('order_2026_03')).toMatchObject({ status: 'paid', imp_uid: payment!.imp_uid })
  })

  it('charges nothing when asked again for an order already paid', async () => {
    const first = await charge('order_2026_03')
    const seq = await lastSeq()

    const again = await charge('order_2026_03')

    expect(again.json()).toEqual(first.json())
    expect(await payments()).toHaveLength(1)
    expect(await callsSince(seq)).toEqual([])
  })

  it('records a declined renewal as failed with the PG reason, and does not retry it', async () => {
    await shop.mock.faults.add({
      match: { path: '/subscribe/payments/again', customer_uid: CUSTOMER },
      action: { type: 'decline', fail_reason: '잔액부족' }
    })

    const res = await charge('order_2026_04')

    const all = await payments()
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'failed', merchant_uid: 'order_2026_04', imp_uid: all[0]!.imp_uid, amount: 9900, message: '잔액부족' })
    expect(shop.store.order('order_2026_04')).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
  })

  it('charges a declined order again when asked, and reports the new payment', async () => {
    await shop.mock.faults.add({ match: { customer_uid: CUSTOMER }, action: { type: 'decline', fail_reason: '한도초과' } })
    const declined = (await charge('order_2026_04')).json()

    const retried = (await charge('order_2026_04')).json()

    expect(declined).toMatchObject({ status: 'failed', message: '한도초과' })
    expect(retried).toMatchObject({ status: 'paid' })
    expect(retried.imp_uid).not.toBe(declined.imp_uid)
    expect((await payments()).map((p) => p.status).sort()).toEqual(['failed', 'paid'])
  })

  it("answers failed with i'mport's message when the request is refused (code ≠ 0)", async () => {
    const res = await charge('order_2026_05', 'nobody_0001')

    expect(res.json()).toEqual({
      status: 'failed',
      merchant_uid: 'order_2026_05',
      imp_uid: null,
      amount: 9900,
      message: '등록되지 않은 구매자입니다.'
    })
    expect(await payments()).toEqual([])
  })

  it('gets a new token and charges when the token expired between two calls', async () => {
    const seq = await lastSeq()
    await shop.mock.clock.advance(31 * 60) // i'mport tokens live 30 minutes; the shop's clock did not move

    const res = await charge('order_2026_06')

    expect(res.json()).toMatchObject({ status: 'paid' })
    expect(await callsSince(seq)).toEqual([
      'POST /subscribe/payments/again → 401',
      'POST /users/getToken → 200',
      'POST /subscribe/payments/again → 200'
    ])
    expect(await payments()).toHaveLength(1)
  })

  describe('when the answer is lost', () => {
    it('finds the payment that went through before the connection was reset, and charges once', async () => {
      await shop.mock.faults.add({
        match: { path: '/subscribe/payments/again', merchant_uid: 'order_2026_07' },
        action: { type: 'commit_then_drop' }
      })
      const seq = await lastSeq()

      const res = await charge('order_2026_07')

      const all = await payments()
      expect(all).toHaveLength(1)
      expect(all[0]).toMatchObject({ merchant_uid: 'order_2026_07', status: 'paid' })
      expect(res.json()).toEqual({
        status: 'paid',
        merchant_uid: 'order_2026_07',
        imp_uid: all[0]!.imp_uid,
        amount: 9900,
        message: 'Payment completed'
      })
      expect(await callsSince(seq)).toEqual(['POST /subscribe/payments/again → dropped', 'GET /payments/find/order_2026_07 → 200'])
    })

    it('charges again when the lookup shows the lost call did nothing', async () => {
      await shop.mock.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'drop' } })
      const seq = await lastSeq()

      const res = await charge('order_2026_08')

      expect(res.json()).toMatchObject({ status: 'paid' })
      expect(await payments()).toHaveLength(1)
      expect(await callsSince(seq)).toEqual([
        'POST /subscribe/payments/again → dropped',
        'GET /payments/find/order_2026_08 → 404',
        'POST /subscribe/payments/again → 200'
      ])
    })

    it("finds a payment that landed after the lookup when i'mport refuses the second charge", async () => {
      // The lost charge is not visible yet when the shop looks (404), then is: the retry is refused
      // as already paid, and a second lookup finds it.
      await shop.mock.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'commit_then_drop' } })
      await shop.mock.faults.add({
        match: { path: '/payments/find/:merchant_uid' },
        action: { type: 'error', http_status: 404, code: -1, message: '존재하지 않는 결제정보입니다.' }
      })
      const seq = await lastSeq()

      const res = await charge('order_2026_09')

      const all = await payments()
      expect(all).toHaveLength(1)
      expect(res.json()).toMatchObject({ status: 'paid', imp_uid: all[0]!.imp_uid })
      expect(await callsSince(seq)).toEqual([
        'POST /subscribe/payments/again → dropped',
        'GET /payments/find/order_2026_09 → 404',
        'POST /subscribe/payments/again → 200',
        'GET /payments/find/order_2026_09 → 200'
      ])
    })

    it('leaves the order unknown when the payment cannot be looked up either, and settles it when asked again', async () => {
      await shop.mock.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'commit_then_drop' } })
      const lookupDown = await shop.mock.faults.add({
        match: { path: '/payments/find/:merchant_uid' },
        action: { type: 'http', status: 503 },
        times: null
      })

      const unknown = await charge('order_2026_10')

      expect(unknown.statusCode).toBe(202)
      expect(unknown.json()).toMatchObject({ status: 'unknown', merchant_uid: 'order_2026_10', imp_uid: null })
      expect(shop.store.order('order_2026_10')).toMatchObject({ status: 'unknown' })

      await shop.mock.faults.remove(lookupDown.id)
      const settled = await charge('order_2026_10')

      const all = await payments()
      expect(all).toHaveLength(1)
      expect(settled.statusCode).toBe(200)
      expect(settled.json()).toMatchObject({ status: 'paid', imp_uid: all[0]!.imp_uid })
    })

    it('treats a gateway page instead of an answer as a lost answer', async () => {
      await shop.mock.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'http', status: 504 } })

      const res = await charge('order_2026_11')

      expect(res.json()).toMatchObject({ status: 'paid' })
      expect(await payments()).toHaveLength(1)
    })
  })

  it('refuses a merchant_uid that names another order', async () => {
    await charge('order_2026_12')

    const res = await shop.app.inject({
      method: 'POST',
      url: '/subscriptions/charge',
      payload: { customer_uid: CUSTOMER, merchant_uid: 'order_2026_12', amount: 19900 }
    })

    expect(res.statusCode).toBe(409)
    expect(await payments()).toHaveLength(1)
  })
})
