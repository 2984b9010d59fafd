/**
 * Merchant isolation, route by route: merchant B, holding its own token, sends every i'mport route
 * with merchant A's ids (A's customer_uid, merchant_uid, imp_uid, prepared and scheduled merchant_uids). B must
 * read nothing of A's, and A's data must be exactly as before. Run with configured merchants and
 * with merchants made by --accept-any-key; the control API's `imp_key` scoping is checked too.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { InjectOptions } from 'fastify'
import { buildApp, type MockApp } from '../../mock-server/app.js'
import { ManualClock } from '../../mock-server/shared/clock.js'
import { snapshot } from '../../mock-server/control/state.js'
import { errors } from '../../api/v1/catalogue.js'
import { ROUTES, fixtureFor, urlOf, type Fixture } from '../support/route-catalogue.js'
import { certificationChannelKey, paymentChannelKey } from '../support/route-catalogue-families.js'
import { T0_MS } from '../support/helpers.js'

const A = { imp_key: 'merchant_a_key', imp_secret: 'merchant_a_secret' }
const B = { imp_key: 'merchant_b_key', imp_secret: 'merchant_b_secret' }

let app: MockApp
afterEach(async () => app?.close())

async function inject(options: InjectOptions): Promise<{ status: number; body: any; text: string }> {
  const res = await app.inject(options)
  return { status: res.statusCode, body: res.json(), text: res.body }
}

async function tokenOf(merchant: typeof A): Promise<string> {
  const res = await inject({ method: 'POST', url: '/users/getToken', payload: merchant })
  expect(res.body.code, res.text).toBe(0)
  return res.body.response.access_token
}

/** A with a key, a paid order, a prepared amount; returns A's fixture. */
async function seedA(tokenA: string): Promise<Fixture> {
  const f = fixtureFor(A.imp_key, A.imp_secret)
  const headers = { authorization: tokenA }
  await inject({ method: 'POST', url: `/subscribe/customers/${f.customer_uid}`, headers, payload: f.card })
  const paid = await inject({
    method: 'POST',
    url: '/subscribe/payments/again',
    headers,
    payload: { customer_uid: f.customer_uid, merchant_uid: f.merchant_uid, amount: 9900, name: 'x' }
  })
  await inject({ method: 'POST', url: '/payments/prepare', headers, payload: { merchant_uid: f.prepared_uid, amount: 5000 } })
  const scheduled = await inject({
    method: 'POST',
    url: '/subscribe/payments/schedule',
    headers,
    payload: {
      customer_uid: f.customer_uid,
      schedules: [{ merchant_uid: f.scheduled_uid, schedule_at: f.now + 3600, amount: 9900, name: '정기결제' }]
    }
  })
  expect(scheduled.body.code, scheduled.text).toBe(0)
  // Issue 15: a waiting virtual account, an open certification request, an outside cash receipt.
  const vbank = await inject({
    method: 'POST',
    url: '/vbanks',
    headers,
    payload: {
      channel_key: paymentChannelKey(f),
      merchant_uid: 'order_vbank',
      amount: 5000,
      vbank_code: '004',
      vbank_holder: '아임포트',
      vbank_due: f.now + 3600,
      escrow_password: 'x'
    }
  })
  expect(vbank.body.code, vbank.text).toBe(0)
  const certification = await inject({
    method: 'POST',
    url: '/certifications/otp/request',
    headers,
    payload: { name: '홍길동', phone: '01012345678', birth: '900101', gender_digit: '1', carrier: 'SKT', channel_key: certificationChannelKey(f) }
  })
  expect(certification.body.code, certification.text).toBe(0)
  const receipt = await inject({
    method: 'POST',
    url: `/receipts/external/${f.merchant_uid}`,
    headers,
    payload: { channel_key: paymentChannelKey(f), name: 'x', amount: 1000, identifier: '01012345678' }
  })
  expect(receipt.body.code, receipt.text).toBe(0)
  return { ...f, imp_uid: paid.body.response.imp_uid, vbank_uid: vbank.body.response.imp_uid, certification_uid: certification.body.response.imp_uid }
}

const stateOf = (impKey: string) => {
  const merchant = app.mock.store.merchantByKey(impKey)!
  const families = Object.entries(merchant.families).map(([name, map]) => [name, [...(map as Map<string, unknown>).entries()]])
  return JSON.stringify([snapshot(merchant, app.mock.config, app.schedules.book(merchant)), families])
}

/** What B may get for each route it sends with A's ids (anything that reads A's data is a leak). */
const EXPECTED_FOR_B: Record<string, (f: Fixture) => unknown> = {
  'GET /subscribe/customers/:customer_uid': (f) => errors.customerNotFound(f.customer_uid, 200).toEnvelope(),
  'DELETE /subscribe/customers/:customer_uid': (f) => errors.customerNotFound(f.customer_uid, 200).toEnvelope(),
  'GET /subscribe/customers': () => errors.noCustomersFound().toEnvelope(),
  'POST /subscribe/payments/again': () => errors.unknownBuyer().toEnvelope(),
  'GET /payments/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments/find/:merchant_uid': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments/find/:merchant_uid/:payment_status': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments/findAll/:merchant_uid': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments/findAll/:merchant_uid/:payment_status': () => errors.paymentNotFound().toEnvelope(),
  'POST /payments/cancel': () => errors.cancelTargetNotFound().toEnvelope(),
  'PUT /payments/prepare': () => errors.prepareNotFound().toEnvelope(),
  'GET /payments/prepare/:merchant_uid': () => errors.prepareNotFound().toEnvelope(),
  'POST /subscribe/payments/schedule': () => errors.scheduleCustomerUnknown().toEnvelope(),
  'POST /subscribe/payments/unschedule': () => errors.nothingToUnschedule().toEnvelope(),
  'GET /subscribe/payments/schedule/:merchant_uid': () => errors.scheduleNotFound().toEnvelope(),
  'PUT /subscribe/payments/schedule/:merchant_uid': () => errors.scheduleNotFound().toEnvelope(),
  'POST /subscribe/payments/schedule/:merchant_uid/reschedule': () => errors.scheduleNotFound().toEnvelope(),
  'POST /subscribe/payments/schedule/:merchant_uid/retry': () => errors.scheduleNotFound().toEnvelope(),
  // Issue 15: A's channel keys are not B's; A's accounts, certifications and receipts are not found.
  'POST /vbanks': (f) => errors.unknownChannelKey(200, paymentChannelKey(f)).toEnvelope(),
  'PUT /vbanks/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'DELETE /vbanks/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'POST /certifications/otp/request': (f) => errors.unknownChannelKey(400, certificationChannelKey(f)).toEnvelope(),
  'POST /certifications/otp/confirm/:imp_uid': () => errors.certificationNotFound().toEnvelope(),
  'GET /certifications/:imp_uid': () => errors.certificationNotFound().toEnvelope(),
  'DELETE /certifications/:imp_uid': () => errors.certificationNotFound().toEnvelope(),
  'GET /receipts/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'POST /receipts/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'DELETE /receipts/:imp_uid': () => errors.receiptNeverIssued().toEnvelope(),
  'GET /receipts/external/:merchant_uid': () => errors.receiptNotFound().toEnvelope(),
  'POST /receipts/external/:merchant_uid': (f) => errors.unknownChannelKey(400, paymentChannelKey(f)).toEnvelope(),
  'DELETE /receipts/external/:merchant_uid': () => errors.receiptNotFound().toEnvelope(),
  'GET /escrows/logis/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'POST /escrows/logis/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'PUT /escrows/logis/:imp_uid': () => errors.paymentNotFound().toEnvelope(),
  'GET /payments/:imp_uid/balance': () => errors.paymentNotFound().toEnvelope()
}

const IAMPORT_ROUTES = ROUTES.filter((r) => r.area === 'iamport' && r.route !== '/users/getToken')

for (const mode of ['configured merchants', '--accept-any-key'] as const) {
  describe(`merchant B against merchant A's data (${mode})`, () => {
    const build = () =>
      buildApp({
        clock: new ManualClock(T0_MS),
        config: mode === '--accept-any-key' ? { accept_any_key: true } : { merchants: [A, B] }
      })

    for (const entry of IAMPORT_ROUTES) {
      const name = `${entry.method} ${entry.route}`
      it(`${name}: B reads and changes nothing of A's`, async () => {
        app = await build()
        const a = await seedA(await tokenOf(A))
        const tokenB = await tokenOf(B)
        const before = stateOf(A.imp_key)
        const request = entry.request(a)
        const res = await inject({
          method: entry.method,
          url: urlOf(entry.route, request),
          headers: { authorization: tokenB },
          ...(request.body ? { payload: request.body } : {})
        })
        expect(stateOf(A.imp_key)).toBe(before)
        expect(res.text).not.toContain(a.imp_uid)
        const expected = EXPECTED_FOR_B[name]
        if (expected) {
          expect(res.body).toEqual(expected(a))
        } else if (res.body.code === 0 && res.body.response && 'list' in res.body.response) {
          // Lists B may make: only B's payments and schedules (none yet).
          expect(res.body.response.total).toBe(0)
        }
        expect(res.text).not.toContain(a.scheduled_uid)
        for (const id of [a.vbank_uid!, a.certification_uid!]) expect(res.text).not.toContain(id)
        // Whatever B did went into B's books only.
        expect(stateOf(B.imp_key)).not.toContain(a.imp_uid)
      })
    }

    it("lets B use A's merchant_uid and customer_uid for its own key and order", async () => {
      app = await build()
      const a = await seedA(await tokenOf(A))
      const headers = { authorization: await tokenOf(B) }
      expect((await inject({ method: 'POST', url: `/subscribe/customers/${a.customer_uid}`, headers, payload: a.card })).body.code).toBe(0)
      const paid = await inject({
        method: 'POST',
        url: '/subscribe/payments/again',
        headers,
        payload: { customer_uid: a.customer_uid, merchant_uid: a.merchant_uid, amount: 1000, name: 'x' }
      })
      expect(paid.body.response).toMatchObject({ status: 'paid', merchant_uid: a.merchant_uid })
      expect(paid.body.response.imp_uid).not.toBe(a.imp_uid)
      const aFind = await inject({ method: 'GET', url: `/payments/find/${a.merchant_uid}`, headers: { authorization: await tokenOf(A) } })
      expect(aFind.body.response).toMatchObject({ imp_uid: a.imp_uid, amount: 9900 })
    })

    it("refuses A's key with B's secret", async () => {
      app = await build()
      await tokenOf(A)
      const res = await inject({ method: 'POST', url: '/users/getToken', payload: { imp_key: A.imp_key, imp_secret: B.imp_secret } })
      expect(res.body).toEqual(errors.authFailed().toEnvelope())
    })
  })
}

describe("the control API's imp_key scoping", () => {
  it("keeps a call scoped to B away from A's data, rules, clock, journal and webhooks", async () => {
    app = await buildApp({ clock: new ManualClock(T0_MS), config: { accept_any_key: true } })
    const a = await seedA(await tokenOf(A))
    await tokenOf(B)
    const ruleA = await inject({
      method: 'POST',
      url: '/__mock/faults',
      payload: { match: { imp_key: A.imp_key }, action: { type: 'error', message: 'a' }, times: null }
    })
    expect(ruleA.status).toBe(201)
    // A webhook of A's (to a closed local port) and a webhook fault scoped to A.
    await inject({ method: 'POST', url: '/__mock/webhooks/send', payload: { url: a.webhook_url, imp_key: A.imp_key, body: { imp_uid: a.imp_uid } } })
    const webhookFaultA = await inject({
      method: 'POST',
      url: '/__mock/webhooks/faults',
      payload: { match: { imp_key: A.imp_key }, action: 'drop', times: null }
    })
    expect(webhookFaultA.status).toBe(201)
    const before = stateOf(A.imp_key)
    const clockA = (await inject({ method: 'GET', url: `/__mock/clock?imp_key=${A.imp_key}` })).body.now_ms
    const webhooksB = await inject({ method: 'GET', url: `/__mock/webhooks?imp_key=${B.imp_key}` })
    expect(webhooksB.body.deliveries).toEqual([])
    expect((await inject({ method: 'GET', url: `/__mock/webhooks?imp_key=${A.imp_key}` })).body.deliveries).toHaveLength(1)

    const state = await inject({ method: 'GET', url: `/__mock/state?imp_key=${B.imp_key}` })
    expect(state.body.merchants.map((m: { imp_key: string }) => m.imp_key)).toEqual([B.imp_key])
    expect(state.text).not.toContain(a.imp_uid)
    const journal = await inject({ method: 'GET', url: `/__mock/requests?imp_key=${B.imp_key}` })
    expect(journal.body.entries.length).toBeGreaterThan(0)
    expect(journal.body.entries.every((e: { imp_key: string }) => e.imp_key === B.imp_key)).toBe(true)
    expect((await inject({ method: 'GET', url: `/__mock/faults?imp_key=${B.imp_key}` })).body.rules).toEqual([])

    await inject({ method: 'POST', url: '/__mock/clock', payload: { imp_key: B.imp_key, advance_seconds: 3600 } })
    await inject({ method: 'DELETE', url: `/__mock/faults?imp_key=${B.imp_key}` })
    await inject({ method: 'DELETE', url: `/__mock/webhooks/faults?imp_key=${B.imp_key}` })
    await inject({ method: 'POST', url: '/__mock/reset', payload: { imp_key: B.imp_key } })

    expect(stateOf(A.imp_key)).toBe(before)
    expect((await inject({ method: 'GET', url: `/__mock/clock?imp_key=${A.imp_key}` })).body.now_ms).toBe(clockA)
    expect((await inject({ method: 'GET', url: `/__mock/faults?imp_key=${A.imp_key}` })).body.rules).toHaveLength(1)
    expect((await inject({ method: 'GET', url: '/__mock/webhooks/faults' })).body.rules).toHaveLength(1)
    expect((await inject({ method: 'GET', url: `/__mock/webhooks?imp_key=${A.imp_key}` })).body.deliveries).toHaveLength(1)
  })
})
