import { describe, expect } from 'vitest'
import { Writable } from 'node:stream'
import { ErrorEnvelopeSchema } from '../api/v1/envelope.js'
import { buildApp } from './app.js'
import { ManualClock } from './shared/clock.js'
import { errors } from '../api/v1/catalogue.js'
import { createTestApp, expectEnvelope, expectError, getToken, T0_MS } from '../test/support/helpers.js'
import { it } from '../test/support/fixtures.js'

describe('unknown routes', () => {
  it("answer an i'mport-style 404 envelope, with or without a token", async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.get('/vbanks/holder/extra'), errors.routeNotFound('GET', '/vbanks/holder/extra'))
    expectError(await t.app.inject({ method: 'PATCH', url: '/payments/cancel' }), errors.routeNotFound('PATCH', '/payments/cancel'))
  })
})

describe('bodies that cannot be read', () => {
  it("answers malformed JSON with an envelope, never Fastify's error body", async ({ testApp }) => {
    const t = await testApp()

    const res = await t.app.inject({
      method: 'POST',
      url: '/payments/cancel',
      headers: { ...t.auth, 'content-type': 'application/json' },
      payload: '{"imp_uid": '
    })

    expectError(res, errors.malformedBody())
  })

  it('reads an unknown content type as an empty body, so the route names its required fields', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe/customers/c1',
      headers: { ...t.auth, 'content-type': 'text/plain' },
      payload: 'card_number=4242424242424242'
    })

    expectError(res, errors.requiredParams(['card_number', 'expiry']))
  })

  it('answers a JSON body that is not an object with an envelope', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe/payments/again',
      headers: { ...t.auth, 'content-type': 'application/json' },
      payload: '[1,2,3]'
    })

    expectEnvelope(res, 200, ErrorEnvelopeSchema)
    expect(res.json().code).toBe(-1)
  })

  it('answers a body over the limit with 413 in the envelope', async ({ testApp }) => {
    const t = await testApp({ config: { body_limit: 2048 } })

    const res = await t.post('/payments/cancel', { imp_uid: 'x', reason: 'r'.repeat(5000) })

    expectError(res, errors.bodyTooLarge(2048))
  })
})

describe('unexpected errors', () => {
  it('become a 500 envelope without the stack, and the server keeps answering', async () => {
    const app = await buildApp({ clock: new ManualClock(T0_MS) })
    app.get('/__test/throw', { config: { public: true } }, async () => {
      throw new TypeError('secret internals at /work/main/mock-server/x.ts:12')
    })

    const res = await app.inject({ method: 'GET', url: '/__test/throw' })

    expectError(res, errors.internal())
    expect(res.body).not.toContain('internals')
    expect((await app.inject({ method: 'GET', url: '/__mock/health' })).statusCode).toBe(200)
    await app.close()
  })
})

describe('isolation', () => {
  it('keeps two apps in one process apart', async ({ testApp }) => {
    const t = await testApp()
    const other = await createTestApp()
    await t.issueKey('shared_uid')

    expectError(await other.get('/subscribe/customers/shared_uid'), errors.customerNotFound('shared_uid', 200))
    expect(other.token).toBe(t.token) // same seed, same first token: deterministic, and still separate
    await other.app.close()
  })

  it('keeps merchants of one app apart: keys, payments and tokens', async ({ testApp }) => {
    const t = await testApp({ config: { merchants: [{ imp_key: 'shop_b', imp_secret: 'secret_b' }] } })
    const tokenB = await getToken(t.app, 'shop_b', 'secret_b')
    const asB = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: { authorization: tokenB }, ...(payload ? { payload } : {}) })
    await t.issueKey('cust_a')
    const payment = (await t.again('cust_a', 'order-a')).response

    expect(tokenB).not.toBe(t.token)
    expectError(await asB('GET', '/subscribe/customers/cust_a'), errors.customerNotFound('cust_a', 200))
    expectError(await asB('GET', `/payments/${payment.imp_uid}`), errors.paymentNotFound())
    expectError(
      await asB('POST', '/subscribe/payments/again', { customer_uid: 'cust_a', merchant_uid: 'b-1', amount: 1000, name: 'x' }),
      errors.unknownBuyer()
    )
    expectError(await asB('POST', '/payments/cancel', { imp_uid: payment.imp_uid }), errors.cancelTargetNotFound())
    expect((await t.get(`/payments/${payment.imp_uid}`)).json().response.status).toBe('paid')
  })

  it('gives the same ids for the same seed and requests, and different ids for another seed', async () => {
    const run = async (seed: string) => {
      const app = await createTestApp({ seed })
      await app.issueKey('c')
      const impUid = (await app.again('c', 'o')).response.imp_uid
      await app.app.close()
      return impUid
    }

    expect(await run('alpha')).toBe(await run('alpha'))
    expect(await run('alpha')).not.toBe(await run('beta'))
  })
})

describe('card data', () => {
  it('never appears in answers or in the request log', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      }
    })
    const app = await buildApp({ clock: new ManualClock(T0_MS), logger: 'trace', logStream: sink })
    const card = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '880808', pwd_2digit: '47', cvc: '319' }
    const token = await getToken(app)
    const headers = { authorization: token }
    const answers = [
      await app.inject({ method: 'POST', url: '/subscribe/customers/c', headers, payload: card }),
      await app.inject({
        method: 'POST',
        url: '/subscribe/payments/onetime',
        headers,
        payload: { ...card, merchant_uid: 'o1', amount: 1000, customer_uid: 'c2' }
      }),
      await app.inject({ method: 'POST', url: '/subscribe/customers/bad', headers, payload: { ...card, card_number: '4000-0000-0000-0002' } }),
      await app.inject({ method: 'GET', url: '/subscribe/customers/c', headers }),
      await app.inject({ method: 'GET', url: '/payments/find/o1', headers })
    ]
    await app.close()

    expect(lines.length).toBeGreaterThan(5) // the log did record the requests
    const text = answers.map((a) => a.body).join('\n') + lines.join('\n')
    // Short secrets are searched as JSON values: bare, three digits also occur inside random ids.
    for (const secret of ['4242424242424242', '4242-4242-4242-4242', '4000000000000002', '880808', '"319"', '"47"', token]) {
      expect(text.replaceAll(`"access_token":"${token}"`, '')).not.toContain(secret)
    }
  })
})
