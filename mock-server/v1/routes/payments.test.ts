import { describe, expect } from 'vitest'
import { PagedPaymentsResponseSchema, PaymentListResponseSchema, PaymentResponseSchema } from '../../../api/v1/payment.js'
import { errors } from '../../../api/v1/catalogue.js'
import { DEFAULT_CANCEL_REASON } from '../domain/cancel.js'
import { expectEnvelope, expectError, getToken, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

/** A key `cust_1` and a paid payment of `amount` under `merchantUid`. */
async function paid(t: TestApp, merchantUid = 'order-1', amount = 10000): Promise<any> {
  if (!t.app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!.billingKeys.has('cust_1')) await t.issueKey('cust_1')
  return (await t.again('cust_1', merchantUid, amount)).response
}

describe('GET /payments/{imp_uid}', () => {
  it('answers the payment', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)

    const body = expectEnvelope(await t.get(`/payments/${payment.imp_uid}`), 200, PaymentResponseSchema)

    expect(body.response).toEqual(payment)
  })

  it('answers 404 존재하지 않는 결제정보입니다. for an unknown imp_uid', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.get('/payments/imp_123456789012'), errors.paymentNotFound())
  })

  it('hides a test-channel payment unless include_sandbox=true', async ({ testApp }) => {
    const t = await testApp({
      config: { merchants: [{ imp_key: 'test_key', imp_secret: 'test_secret', test_channel: true }] }
    })
    const token = await getToken(t.app, 'test_key', 'test_secret')
    const headers = { authorization: token }
    await t.app.inject({ method: 'POST', url: '/subscribe/customers/c', headers, payload: { card_number: '4242424242424242', expiry: '2030-12' } })
    const payment = (
      await t.app.inject({
        method: 'POST',
        url: '/subscribe/payments/again',
        headers,
        payload: { customer_uid: 'c', merchant_uid: 'sandbox-1', amount: 1000, name: 'x' }
      })
    ).json().response

    expect(payment.sandbox).toBe(true)
    expectError(await t.app.inject({ method: 'GET', url: `/payments/${payment.imp_uid}`, headers }), errors.paymentNotFound())
    const found = await t.app.inject({ method: 'GET', url: `/payments/${payment.imp_uid}?include_sandbox=true`, headers })
    expect(expectEnvelope(found, 200, PaymentResponseSchema).response.imp_uid).toBe(payment.imp_uid)
  })
})

describe('GET /payments?imp_uid[]=', () => {
  it('answers 200 with all, 207 with the found ones, 404 with none', async ({ testApp }) => {
    const t = await testApp()
    const a = await paid(t, 'order-a')
    const b = await paid(t, 'order-b')

    const all = expectEnvelope(await t.get(`/payments?imp_uid[]=${a.imp_uid}&imp_uid[]=${b.imp_uid}`), 200, PaymentListResponseSchema)
    const some = expectEnvelope(await t.get(`/payments?imp_uid[]=${a.imp_uid}&imp_uid[]=imp_000000000000`), 207, PaymentListResponseSchema)

    expect(all.response.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([a.imp_uid, b.imp_uid])
    expect(some.response.map((p: { imp_uid: string }) => p.imp_uid)).toEqual([a.imp_uid])
    expectError(await t.get('/payments?imp_uid[]=imp_000000000000'), errors.paymentNotFound())
  })

  it('also looks payments up by merchant_uid[]', async ({ testApp }) => {
    const t = await testApp()
    const a = await paid(t, 'order-a')

    const body = expectEnvelope(await t.get('/payments?merchant_uid[]=order-a'), 200, PaymentListResponseSchema)

    expect(body.response[0].imp_uid).toBe(a.imp_uid)
  })
})

describe('GET /payments/find/{merchant_uid}[/{payment_status}]', () => {
  it('answers the latest attempt by default and filters by status', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { card_number: '4000-0000-0000-9995' })
    const failed = (await t.again('cust_1', 'order-1')).response
    t.clock.advance(10)
    await t.issueKey('cust_1')
    const ok = (await t.again('cust_1', 'order-1')).response

    expect(expectEnvelope(await t.get('/payments/find/order-1'), 200, PaymentResponseSchema).response.imp_uid).toBe(ok.imp_uid)
    expect((await t.get('/payments/find/order-1/failed')).json().response.imp_uid).toBe(failed.imp_uid)
    expect((await t.get('/payments/find/order-1?sorting=started')).json().response.imp_uid).toBe(failed.imp_uid)
    expectError(await t.get('/payments/find/order-1/cancelled'), errors.paymentNotFound())
  })

  it('answers 404 for an unknown merchant_uid and 400 for an unsupported status', async ({ testApp }) => {
    const t = await testApp()
    await paid(t)

    expectError(await t.get('/payments/find/nope'), errors.paymentNotFound())
    expectError(await t.get('/payments/find/order-1/refunded'), errors.unsupportedStatus())
  })
})

describe('GET /payments/findAll/{merchant_uid}[/{payment_status}]', () => {
  it('pages every attempt with a merchant_uid', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { card_number: '4000-0000-0000-0341' })
    for (let i = 0; i < 3; i++) await t.again('cust_1', 'order-1')

    const body = expectEnvelope(await t.get('/payments/findAll/order-1/failed?limit=2'), 200, PagedPaymentsResponseSchema)

    expect(body.response).toMatchObject({ total: 3, previous: 0, next: 2 })
    expect(body.response.list).toHaveLength(2)
    expectError(await t.get('/payments/findAll/order-1/paid'), errors.paymentNotFound())
  })
})

describe('GET /payments/status/{payment_status}', () => {
  it("lists the merchant's payments in a state, within from/to, newest first", async ({ testApp }) => {
    const t = await testApp()
    await paid(t, 'o1')
    t.clock.advance(100)
    await paid(t, 'o2')
    t.clock.advance(100)
    await paid(t, 'o3')
    await t.post('/payments/cancel', { merchant_uid: 'o3' })

    const paidList = expectEnvelope(await t.get('/payments/status/paid'), 200, PagedPaymentsResponseSchema).response
    const all = (await t.get('/payments/status/all')).json().response
    const windowed = (await t.get(`/payments/status/all?from=${T0 + 50}&to=${T0 + 150}`)).json().response

    expect(paidList.list.map((p: { merchant_uid: string }) => p.merchant_uid)).toEqual(['o2', 'o1'])
    expect(all.total).toBe(3)
    expect(windowed.list.map((p: { merchant_uid: string }) => p.merchant_uid)).toEqual(['o2'])
  })

  it('answers 400 for an unsupported status, a page past the end or a limit over 1000', async ({ testApp }) => {
    const t = await testApp()
    await paid(t)

    expectError(await t.get('/payments/status/refunded'), errors.unsupportedStatus())
    expectError(await t.get('/payments/status/paid?page=3'), errors.invalidPaging('page'))
    expectError(await t.get('/payments/status/paid?limit=1001'), errors.invalidPaging('limit'))
    const badPage = await t.get('/payments/status/paid?page=abc')
    expect(badPage.statusCode).toBe(400)
    expect(badPage.json()).toEqual({ code: -1, message: errors.invalidParam('page').message, response: null })
  })
})

describe('POST /payments/cancel', () => {
  it('cancels the whole amount when amount is omitted, with the default reason', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)
    t.clock.advance(30)

    const body = expectEnvelope(await t.post('/payments/cancel', { imp_uid: payment.imp_uid }), 200, PaymentResponseSchema)

    expect(body.response).toMatchObject({
      status: 'cancelled',
      cancel_amount: 10000,
      cancelled_at: T0 + 30,
      cancel_reason: DEFAULT_CANCEL_REASON
    })
    expect(body.response.cancel_history).toEqual([
      {
        pg_tid: payment.pg_tid,
        amount: 10000,
        cancelled_at: T0 + 30,
        reason: DEFAULT_CANCEL_REASON,
        cancellation_id: expect.any(String),
        receipt_url: payment.receipt_url
      }
    ])
    expect(body.response.cancel_receipt_urls).toEqual([payment.receipt_url])
  })

  it('cancels part of the amount, sets status cancelled anyway, and accumulates history', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)

    const first = (await t.post('/payments/cancel', { imp_uid: payment.imp_uid, amount: 3000, reason: '부분 환불' })).json().response
    const second = (await t.post('/payments/cancel', { merchant_uid: 'order-1', amount: 2000 })).json().response

    expect(first).toMatchObject({ status: 'cancelled', cancel_amount: 3000, cancel_reason: '부분 환불' })
    expect(second).toMatchObject({ status: 'cancelled', cancel_amount: 5000, cancel_reason: DEFAULT_CANCEL_REASON })
    expect(second.cancel_history.map((h: { amount: number }) => h.amount)).toEqual([3000, 2000])
    expect(second.cancel_history.reduce((s: number, h: { amount: number }) => s + h.amount, 0)).toBe(second.cancel_amount)
  })

  it('applies a matching checksum and refuses a wrong one without changing anything', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)
    await t.post('/payments/cancel', { imp_uid: payment.imp_uid, amount: 4000 })

    expectError(await t.post('/payments/cancel', { imp_uid: payment.imp_uid, amount: 1000, checksum: 10000 }), errors.checksumMismatch(10000, 6000))
    expect((await t.get(`/payments/${payment.imp_uid}`)).json().response.cancel_amount).toBe(4000)
    expect((await t.post('/payments/cancel', { imp_uid: payment.imp_uid, amount: 1000, checksum: 6000 })).json().response.cancel_amount).toBe(5000)
  })

  it('refuses more than the cancellable balance', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)

    expectError(await t.post('/payments/cancel', { imp_uid: payment.imp_uid, amount: 10001 }), errors.cancelAmountTooLarge())
  })

  it('answers 이미 전액취소된 주문입니다. for a fully cancelled payment', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)
    await t.post('/payments/cancel', { imp_uid: payment.imp_uid })

    expectError(await t.post('/payments/cancel', { imp_uid: payment.imp_uid }), errors.alreadyCancelled())
  })

  it('answers 취소할 결제건이 존재하지 않습니다. for an unknown imp_uid even with a valid merchant_uid', async ({ testApp }) => {
    const t = await testApp()
    await paid(t)

    expectError(await t.post('/payments/cancel', { imp_uid: 'imp_000000000000', merchant_uid: 'order-1' }), errors.cancelTargetNotFound())
    expectError(await t.post('/payments/cancel', { merchant_uid: 'nope' }), errors.cancelTargetNotFound())
  })

  it('answers the failed attempt of a merchant_uid as nothing to cancel', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { card_number: '4000-0000-0000-9995' })
    const failed = (await t.again('cust_1', 'order-1')).response

    expectError(await t.post('/payments/cancel', { imp_uid: failed.imp_uid }), errors.cancelTargetNotFound())
  })

  it('asks for imp_uid or merchant_uid when neither is given', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post('/payments/cancel', { amount: 100 }), errors.cancelTargetMissing())
  })

  it('accepts a form-encoded cancel', async ({ testApp }) => {
    const t = await testApp()
    const payment = await paid(t)

    const res = await t.app.inject({
      method: 'POST',
      url: '/payments/cancel',
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `imp_uid=${payment.imp_uid}&amount=2500&reason=%EB%B3%80%EC%8B%AC`
    })

    expect(res.json().response).toMatchObject({ cancel_amount: 2500, cancel_reason: '변심' })
  })
})
