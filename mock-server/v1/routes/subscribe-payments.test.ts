import { describe, expect } from 'vitest'
import { PaymentResponseSchema } from '../../../api/v1/payment.js'
import { APPROVED_CARD, FAIL_REASON, MAGIC_CARDS, PG_DETAIL } from '../../../fixtures/cards/catalogue.js'
import { errors } from '../../../api/v1/catalogue.js'
import { expectEnvelope, expectError, T0 } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

const againBody = (overrides: Record<string, unknown> = {}) => ({
  customer_uid: 'cust_1',
  merchant_uid: 'order-1',
  amount: 9900,
  name: '월간 이용권',
  ...overrides
})

const onetimeBody = (overrides: Record<string, unknown> = {}) => ({
  merchant_uid: 'order-1',
  amount: 15000,
  card_number: APPROVED_CARD,
  expiry: '2030-12',
  birth: '900101',
  pwd_2digit: '12',
  name: '단건 결제',
  ...overrides
})

describe('POST /subscribe/payments/again', () => {
  it("charges the key: code 0, status paid, an imps_ id, the key's card and channel", async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { customer_name: '홍길동', customer_email: 'hong@example.com' })

    const res = await t.post('/subscribe/payments/again', againBody({ custom_data: '{"plan":"pro"}' }))

    const payment = expectEnvelope(res, 200, PaymentResponseSchema).response
    expect(payment).toMatchObject({
      merchant_uid: 'order-1',
      amount: 9900,
      cancel_amount: 0,
      currency: 'KRW',
      status: 'paid',
      name: '월간 이용권',
      pay_method: 'card',
      channel: 'api',
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      customer_uid: 'cust_1',
      customer_uid_usage: 'payment',
      custom_data: '{"plan":"pro"}',
      buyer_name: '홍길동',
      buyer_email: 'hong@example.com',
      card_number: '42424242****4242',
      started_at: T0,
      paid_at: T0,
      failed_at: 0,
      cancelled_at: 0,
      fail_reason: null,
      sandbox: false
    })
    expect(payment.imp_uid).toMatch(/^imps_\d{12}$/)
    expect(payment.apply_num).toMatch(/^\d{8}$/)
    expect(payment.pg_tid).toMatch(/^nictest04m/)
    expect(payment.receipt_url).toContain(payment.pg_tid)
  })

  it('can give billing payments the imp_ prefix (fidelity switch)', async ({ testApp }) => {
    const t = await testApp({ config: { fidelity: { billing_imp_uid_prefix: 'imp_' } } })
    await t.issueKey('cust_1')

    expect((await t.again('cust_1', 'order-1')).response.imp_uid).toMatch(/^imp_\d{12}$/)
  })

  it("prefers buyer_* given on the request over the key's customer_*", async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { customer_name: '홍길동' })

    expect((await t.again('cust_1', 'order-1', 1000, { buyer_name: '임꺽정' })).response.buyer_name).toBe('임꺽정')
  })

  for (const [preset, reason] of [
    ['insufficient_balance', FAIL_REASON.insufficientBalance],
    ['limit_exceeded', FAIL_REASON.limitExceeded]
  ] as const) {
    it(`records a PG decline (${preset}) as code 0 with status failed and fail_reason`, async ({ testApp }) => {
      const t = await testApp()
      const magic = MAGIC_CARDS.find((m) => m.preset === preset)!
      await t.issueKey('cust_1', { card_number: magic.number })

      const payment = expectEnvelope(await t.post('/subscribe/payments/again', againBody()), 200, PaymentResponseSchema).response

      expect(payment).toMatchObject({ status: 'failed', fail_reason: reason, failed_at: T0, paid_at: 0, apply_num: null, pg_tid: null })
      // The failed attempt is a real payment: it can be looked up.
      expect((await t.get(`/payments/${payment.imp_uid}`)).json().response.status).toBe('failed')
    })
  }

  it('lets a merchant_uid whose attempt failed be charged again once the card changes', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { card_number: '4000-0000-0000-9995' })
    const failed = (await t.again('cust_1', 'order-1')).response
    await t.issueKey('cust_1')

    const paid = (await t.again('cust_1', 'order-1')).response

    expect(failed.status).toBe('failed')
    expect(paid.status).toBe('paid')
    expect(paid.imp_uid).not.toBe(failed.imp_uid)
  })

  it('refuses a merchant_uid that is already paid and records nothing', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')

    expectError(await t.post('/subscribe/payments/again', againBody()), errors.alreadyPaid('order-1'))
    expect((await t.get('/payments/findAll/order-1')).json().response.total).toBe(1)
  })

  it('answers code 1 등록되지 않은 구매자입니다. for a customer_uid without a key', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post('/subscribe/payments/again', againBody({ customer_uid: 'nobody' })), errors.unknownBuyer())
  })

  it('names every missing required field, name included (required by both swagger files)', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post('/subscribe/payments/again', { amount: 1000 }), errors.requiredParams(['merchant_uid', 'customer_uid', 'name']))
  })

  const badAmounts: Array<[string, unknown]> = [
    ['zero', 0],
    ['negative', -100],
    ['fractional KRW', 100.5]
  ]
  for (const [name, amount] of badAmounts) {
    it(`refuses a ${name} amount`, async ({ testApp }) => {
      const t = await testApp()
      await t.issueKey('cust_1')

      expectError(await t.post('/subscribe/payments/again', againBody({ amount })), errors.invalidAmount('amount'))
    })
  }

  it('refuses an amount that is not a number', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    expectError(await t.post('/subscribe/payments/again', againBody({ amount: 'lots' })), errors.invalidParam('amount'))
  })

  it('accepts a fractional amount in a currency with cents', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    expect((await t.again('cust_1', 'order-usd', 9.99, { currency: 'USD' })).response).toMatchObject({ amount: 9.99, currency: 'USD' })
  })

  it('refuses installments under 50,000 KRW and allows them above', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    expectError(await t.post('/subscribe/payments/again', againBody({ card_quota: 3 })), errors.installmentsNotAllowed())
    expect((await t.again('cust_1', 'order-big', 60000, { card_quota: 3 })).response.card_quota).toBe(3)
  })

  it('refuses a merchant_uid longer than 40 characters', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    expectError(await t.post('/subscribe/payments/again', againBody({ merchant_uid: 'm'.repeat(41) })), errors.paramTooLong('merchant_uid', 40))
  })

  it('accepts a form-encoded body with string amounts', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe/payments/again',
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'customer_uid=cust_1&merchant_uid=form-1&amount=5000&name=%EA%B5%AC%EB%8F%85'
    })

    expect(expectEnvelope(res, 200, PaymentResponseSchema).response).toMatchObject({ amount: 5000, name: '구독', status: 'paid' })
  })
})

describe('POST /subscribe/payments/onetime', () => {
  it('charges a key-in card without storing a key', async ({ testApp }) => {
    const t = await testApp()

    const payment = expectEnvelope(
      await t.post('/subscribe/payments/onetime', onetimeBody({ buyer_name: '홍길동' })),
      200,
      PaymentResponseSchema
    ).response

    expect(payment).toMatchObject({
      status: 'paid',
      amount: 15000,
      customer_uid: null,
      customer_uid_usage: null,
      buyer_name: '홍길동',
      card_number: '42424242****4242'
    })
    expect(payment.imp_uid).toMatch(/^imps_\d{12}$/)
  })

  it('also stores the card as a key under customer_uid, with buyer_* as customer_*', async ({ testApp }) => {
    const t = await testApp()

    const payment = (
      await t.post('/subscribe/payments/onetime', onetimeBody({ customer_uid: 'cust_9', buyer_name: '홍길동', buyer_tel: '010-1234-5678' }))
    ).json().response
    const key = (await t.get('/subscribe/customers/cust_9')).json().response

    expect(payment).toMatchObject({ customer_uid: 'cust_9', customer_uid_usage: 'issue', status: 'paid' })
    expect(key).toMatchObject({ customer_uid: 'cust_9', customer_name: '홍길동', customer_tel: '010-1234-5678', inserted: T0 })
    expect((await t.again('cust_9', 'order-2')).response.status).toBe('paid')
  })

  for (const magic of MAGIC_CARDS) {
    const outcome = magic.outcome
    if (outcome.kind === 'reject' || outcome.kind === 'pg_error') {
      it(`refuses magic card ${magic.number} (${magic.preset}) with the key-in message and stores nothing`, async ({ testApp }) => {
        const t = await testApp()

        expectError(
          await t.post('/subscribe/payments/onetime', onetimeBody({ card_number: magic.number, customer_uid: 'cust_m' })),
          errors.keyInFailed(outcome.pg_detail)
        )
        expectError(await t.get('/payments/find/order-1'), errors.paymentNotFound())
        expectError(await t.get('/subscribe/customers/cust_m'), errors.customerNotFound('cust_m', 200))
      })
    }
  }

  it('records a declining card as failed, and still stores its key', async ({ testApp }) => {
    const t = await testApp()

    const payment = (await t.post('/subscribe/payments/onetime', onetimeBody({ card_number: '4000-0000-0000-0341', customer_uid: 'cust_l' }))).json()
      .response

    expect(payment).toMatchObject({ status: 'failed', fail_reason: FAIL_REASON.limitExceeded })
    expect((await t.get('/subscribe/customers/cust_l')).json().code).toBe(0)
  })

  it('refuses a non-Luhn number with the key-in prefix', async ({ testApp }) => {
    const t = await testApp()

    expectError(
      await t.post('/subscribe/payments/onetime', onetimeBody({ card_number: '1234-5678-1234-5678' })),
      errors.keyInFailed(PG_DETAIL.invalidNumber)
    )
  })

  it('refuses a merchant_uid that is already paid', async ({ testApp }) => {
    const t = await testApp()
    await t.post('/subscribe/payments/onetime', onetimeBody())

    expectError(await t.post('/subscribe/payments/onetime', onetimeBody()), errors.alreadyPaid('order-1'))
  })

  it('names every missing required field', async ({ testApp }) => {
    const t = await testApp()

    expectError(
      await t.post('/subscribe/payments/onetime', { name: 'x' }),
      errors.requiredParams(['merchant_uid', 'amount', 'card_number', 'expiry'])
    )
  })
})
