import { describe, expect } from 'vitest'
import { CustomerListResponseSchema, CustomerResponseSchema } from '../../../api/v1/customer.js'
import { PagedPaymentsResponseSchema } from '../../../api/v1/payment.js'
import { MAGIC_CARDS, PG_DETAIL, APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { errors } from '../../../api/v1/catalogue.js'
import { expectEnvelope, expectError, getToken, T0 } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

const card = (overrides: Record<string, unknown> = {}) => ({
  card_number: APPROVED_CARD,
  expiry: '2030-12',
  birth: '900101',
  pwd_2digit: '12',
  ...overrides
})

describe('POST /subscribe/customers/{customer_uid}', () => {
  it('issues a key on the default channel with the masked number and the issuer from the BIN table', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.post('/subscribe/customers/cust_1', card({ card_number: '5272-8900-0000-0004' }))

    const body = expectEnvelope(res, 200, CustomerResponseSchema)
    expect(body.response).toMatchObject({
      customer_uid: 'cust_1',
      pg_provider: 'nice',
      pg_id: 'nictest04m',
      sandbox: false,
      card_code: '381',
      card_name: '국민KB카드',
      card_type: 1,
      card_number: '52728900****0004',
      inserted: T0,
      updated: T0
    })
  })

  it('echoes the customer_* fields and answers null for those not given', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.post(
      '/subscribe/customers/cust_1',
      card({ customer_name: '홍길동', customer_email: 'gildong@example.com', customer_id: 'user-7' })
    )

    expect(res.json().response).toMatchObject({
      customer_name: '홍길동',
      customer_email: 'gildong@example.com',
      customer_id: 'user-7',
      customer_tel: null,
      customer_addr: null,
      customer_postcode: null
    })
  })

  it('uses the channel named by pg, as {pg} or {pg}.{MID}, and masks the way that PG does', async ({ testApp }) => {
    const t = await testApp()

    const byProvider = (await t.post('/subscribe/customers/a', card({ pg: 'html5_inicis' }))).json().response
    const byMid = (await t.post('/subscribe/customers/b', card({ pg: 'html5_inicis.INIBillTst' }))).json().response
    const unknown = (await t.post('/subscribe/customers/c', card({ pg: 'kcp.nope' }))).json().response

    expect([byProvider.pg_provider, byProvider.pg_id]).toEqual(['html5_inicis', 'INIBillTst'])
    expect(byProvider.card_number).toBe('424242*********2')
    expect(byMid.pg_provider).toBe('html5_inicis')
    expect([unknown.pg_provider, unknown.pg_id]).toEqual(['nice', 'nictest04m'])
  })

  it('replaces the card under an existing customer_uid, keeping inserted and moving updated', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    t.clock.advance(600)

    const res = await t.post('/subscribe/customers/cust_1', card({ card_number: '5594-1000-0000-0009', pg: 'html5_inicis' }))

    const key = expectEnvelope(res, 200, CustomerResponseSchema).response
    expect(key.inserted).toBe(T0)
    expect(key.updated).toBe(T0 + 600)
    expect(key.card_number).toBe('559410*********9')
    expect(key.card_name).toBe('신한카드')
    expect((await t.get('/subscribe/customers/cust_1')).json().response.card_number).toBe('559410*********9')
  })

  it('accepts a form-encoded body', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe/customers/cust_form',
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'card_number=4242-4242-4242-4242&expiry=2030-12&birth=900101&pwd_2digit=12&customer_name=%EA%B9%80'
    })

    expect(expectEnvelope(res, 200, CustomerResponseSchema).response.customer_name).toBe('김')
  })

  it('names every missing required field', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post('/subscribe/customers/cust_1', {}), errors.requiredParams(['card_number', 'expiry']))
    expectError(await t.post('/subscribe/customers/cust_1', { card_number: APPROVED_CARD }), errors.requiredParams(['expiry']))
  })

  it('refuses every key when the merchant has no API channel', async ({ testApp }) => {
    const t = await testApp({ config: { merchants: [{ imp_key: 'nochan', imp_secret: 's', channels: [] }] } })
    const token = await getToken(t.app, 'nochan', 's')

    const res = await t.app.inject({ method: 'POST', url: '/subscribe/customers/c', headers: { authorization: token }, payload: card() })

    expectError(res, errors.noApiChannel())
  })

  it('refuses a customer_uid longer than 80 characters', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post(`/subscribe/customers/${'u'.repeat(81)}`, card()), errors.paramTooLong('customer_uid', 80))
  })

  describe('card checks', () => {
    const issueFailures: Array<[string, Record<string, unknown>, string]> = [
      ['a number that fails the Luhn check', { card_number: '4242-4242-4242-4241' }, PG_DETAIL.invalidNumber],
      ['a number with letters in it', { card_number: '4242-4242-abcd-4242' }, PG_DETAIL.invalidNumber],
      ['a past expiry', { expiry: '2026-02' }, PG_DETAIL.expired],
      ['an expiry in another format', { expiry: '12/30' }, PG_DETAIL.expired],
      ['a birth date that is not YYMMDD', { birth: '901301' }, PG_DETAIL.wrongBirth],
      ['a birth field of the wrong length', { birth: '1234567' }, PG_DETAIL.wrongBirth],
      ['password digits that are not two digits', { pwd_2digit: '1' }, PG_DETAIL.wrongPassword]
    ]
    for (const [name, fields, detail] of issueFailures) {
      it(`refuses ${name} with code -1 and stores nothing`, async ({ testApp }) => {
        const t = await testApp()

        expectError(await t.post('/subscribe/customers/cust_x', card(fields)), errors.issueFailed(detail))
        expectError(await t.get('/subscribe/customers/cust_x'), errors.customerNotFound('cust_x', 200))
      })
    }

    it('accepts a card good through the current month (the expiry is inclusive)', async ({ testApp }) => {
      const t = await testApp() // T0 is 2026-03-01

      expect((await t.post('/subscribe/customers/c', card({ expiry: '2026-03' }))).json().code).toBe(0)
    })

    it('accepts a 10-digit business number and a card number without dashes', async ({ testApp }) => {
      const t = await testApp()

      const res = await t.post('/subscribe/customers/corp', card({ birth: '1234567890', card_number: '4242424242424242' }))

      expect(res.json().code).toBe(0)
    })

    it('accepts YYYYMM only when lenient_expiry is on', async ({ testApp }) => {
      let t = await testApp()
      expectError(await t.post('/subscribe/customers/c', card({ expiry: '203012' })), errors.issueFailed(PG_DETAIL.expired))
      await t.app.close()

      t = await testApp({ config: { fidelity: { lenient_expiry: true } } })
      expect((await t.post('/subscribe/customers/c', card({ expiry: '203012' }))).json().code).toBe(0)
    })

    for (const magic of MAGIC_CARDS) {
      const outcome = magic.outcome
      if (outcome.kind === 'reject' || outcome.kind === 'pg_error') {
        it(`refuses magic card ${magic.number} (${magic.preset}) at issue`, async ({ testApp }) => {
          const t = await testApp()

          expectError(await t.post('/subscribe/customers/m', card({ card_number: magic.number })), errors.issueFailed(outcome.pg_detail))
        })
      } else if (outcome.kind === 'decline_charges') {
        it(`issues a key for magic card ${magic.number} (${magic.preset})`, async ({ testApp }) => {
          const t = await testApp()

          const body = expectEnvelope(await t.post('/subscribe/customers/m', card({ card_number: magic.number })), 200, CustomerResponseSchema)
          expect(body.response.card_number).toBe(`40000000****${magic.number.slice(-4)}`)
        })
      }
    }
  })
})

describe('GET /subscribe/customers/{customer_uid}', () => {
  it('answers the stored key', async ({ testApp }) => {
    const t = await testApp()
    const issued = (await t.issueKey('cust_1', { customer_name: '이순신' })).response

    const body = expectEnvelope(await t.get('/subscribe/customers/cust_1'), 200, CustomerResponseSchema)

    expect(body.response).toEqual(issued)
  })

  it('answers an unknown customer_uid with HTTP 200 and code 1 (observed), or 404 when switched', async ({ testApp }) => {
    let t = await testApp()
    expectError(await t.get('/subscribe/customers/nobody'), errors.customerNotFound('nobody', 200))
    await t.app.close()

    t = await testApp({ config: { fidelity: { unknown_customer_http_status: 404 } } })
    expectError(await t.get('/subscribe/customers/nobody'), errors.customerNotFound('nobody', 404))
  })

  it('decodes an encoded customer_uid', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('user/7 카드')

    const res = await t.get(`/subscribe/customers/${encodeURIComponent('user/7 카드')}`)

    expect(res.json().response.customer_uid).toBe('user/7 카드')
  })
})

describe('DELETE /subscribe/customers/{customer_uid}', () => {
  it('answers the deleted key with updated set to the deletion time, and forgets it', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    t.clock.advance(60)

    const body = expectEnvelope(await t.del('/subscribe/customers/cust_1?reason=%ED%95%B4%EC%A7%80'), 200, CustomerResponseSchema)

    expect(body.response).toMatchObject({ customer_uid: 'cust_1', inserted: T0, updated: T0 + 60 })
    expectError(await t.get('/subscribe/customers/cust_1'), errors.customerNotFound('cust_1', 200))
    expectError(
      await t.post('/subscribe/payments/again', { customer_uid: 'cust_1', merchant_uid: 'after-delete', amount: 1000, name: 'x' }),
      errors.unknownBuyer()
    )
  })

  it('answers an unknown customer_uid with the not-found error', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.del('/subscribe/customers/nobody'), errors.customerNotFound('nobody', 200))
  })
})

describe('GET /subscribe/customers?customer_uid[]=', () => {
  it('answers 200 with every key when all are found', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('a')
    await t.issueKey('b')

    const body = expectEnvelope(await t.get('/subscribe/customers?customer_uid[]=a&customer_uid[]=b'), 200, CustomerListResponseSchema)

    expect(body.response.map((k: { customer_uid: string }) => k.customer_uid)).toEqual(['a', 'b'])
  })

  it('answers 207 with only the found keys when some are missing', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('a')

    const body = expectEnvelope(await t.get('/subscribe/customers?customer_uid[]=a&customer_uid[]=zz'), 207, CustomerListResponseSchema)

    expect(body.response.map((k: { customer_uid: string }) => k.customer_uid)).toEqual(['a'])
  })

  it('answers 404 when none is found, and 400 without the parameter', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.get('/subscribe/customers?customer_uid[]=zz'), errors.noCustomersFound())
    const missing = await t.get('/subscribe/customers')
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toEqual({ code: -1, message: errors.requiredParams(['customer_uid']).message, response: null })
  })
})

describe('GET /subscribe/customers/{customer_uid}/payments', () => {
  it("pages the key's payments 20 at a time, newest first", async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    for (let i = 1; i <= 23; i++) {
      await t.again('cust_1', `order-${i}`, 1000 + i)
      t.clock.advance(1)
    }

    const first = expectEnvelope(await t.get('/subscribe/customers/cust_1/payments'), 200, PagedPaymentsResponseSchema)
    const second = expectEnvelope(await t.get('/subscribe/customers/cust_1/payments?page=2'), 200, PagedPaymentsResponseSchema)

    expect(first.response).toMatchObject({ total: 23, previous: 0, next: 2 })
    expect(first.response.list).toHaveLength(20)
    expect(first.response.list[0].merchant_uid).toBe('order-23')
    expect(second.response).toMatchObject({ total: 23, previous: 1, next: 0 })
    expect(second.response.list.map((p: { merchant_uid: string }) => p.merchant_uid)).toEqual(['order-3', 'order-2', 'order-1'])
  })

  it('answers an empty page for a customer_uid without payments', async ({ testApp }) => {
    const t = await testApp()

    const body = expectEnvelope(await t.get('/subscribe/customers/nobody/payments'), 200, PagedPaymentsResponseSchema)

    expect(body.response).toEqual({ total: 0, previous: 0, next: 0, list: [] })
  })
})
