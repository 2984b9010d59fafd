/**
 * Hostile requests against every PortOne V2 route, the way the V1 fuzzer treats V1's: whatever a
 * broken client sends (any JSON value or none, broken JSON, a hostile path id, a hostile
 * `requestBody` query, no or a wrong credential), the answer is never a 5xx but the documented 502
 * of a PG refusal, always JSON, and a
 * refusal is V2's `{ type, message }` (PG_PROVIDER adding `pgCode`/`pgMessage`), never Fastify's
 * default body. A card number sent in a request never comes back. Bounded and seeded: the same
 * cases run every time (FUZZ_SEED / FUZZ_RUNS to explore).
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../../mock-server/app.js'
import { ManualClock } from '../../mock-server/shared/clock.js'
import { DEFAULT_V2_MERCHANT } from '../../mock-server/shared/config/v2-merchants.js'
import { buildV2App, type V2App } from '../../mock-server/v2/app.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20261206)
const RUNS = Number(process.env.FUZZ_RUNS ?? 400)
const CARD = '4242424242424242'

/** Every V2 route, with `{id}` where a path parameter goes. */
const ROUTES = [
  ['POST', '/login/api-secret'],
  ['POST', '/token/refresh'],
  ['POST', '/billing-keys'],
  ['GET', '/billing-keys'],
  ['GET', '/billing-keys/{id}'],
  ['DELETE', '/billing-keys/{id}'],
  ['POST', '/payments/{id}/billing-key'],
  ['POST', '/payments/{id}/instant'],
  ['GET', '/payments/{id}'],
  ['GET', '/payments'],
  ['POST', '/payments/{id}/cancel'],
  ['POST', '/payments/{id}/schedule'],
  ['GET', '/payment-schedules/{id}'],
  ['GET', '/payment-schedules'],
  ['DELETE', '/payment-schedules']
] as const

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', ' ', '..', '%00', '../../etc/passwd', '<script>', 'x'.repeat(300), '\u0000', '💳', 'null', '-1', '1e400')
)
const credential = fc.record(
  {
    number: fc.oneof(fc.constant(CARD), fc.constant('4000-0000-0000-0002'), hostileString),
    expiryYear: fc.oneof(fc.constant('30'), hostileString, fc.integer()),
    expiryMonth: fc.oneof(fc.constant('12'), hostileString, fc.integer()),
    birthOrBusinessRegistrationNumber: fc.oneof(fc.constant('900101'), hostileString),
    passwordTwoDigits: fc.oneof(fc.constant('12'), hostileString)
  },
  { requiredKeys: [] }
)
/** Bodies near the real shapes (so requests get past the first check) and far from them. */
const body = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ method: fc.record({ card: fc.record({ credential }, { requiredKeys: [] }) }, { requiredKeys: [] }) }, { requiredKeys: [] })
  },
  {
    weight: 3,
    arbitrary: fc.record(
      {
        billingKey: hostileString,
        orderName: hostileString,
        amount: fc.oneof(fc.record({ total: fc.oneof(fc.integer(), fc.double(), hostileString) }), hostileString),
        currency: fc.oneof(fc.constant('KRW'), hostileString),
        reason: hostileString,
        timeToPay: fc.oneof(fc.constant('2030-01-02T00:00:00Z'), hostileString),
        payment: fc.record({ billingKey: hostileString, orderName: hostileString, amount: fc.record({ total: fc.integer() }) }),
        method: fc.record({ card: fc.record({ credential }) })
      },
      { requiredKeys: [] }
    )
  },
  { weight: 2, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.constant(undefined) }
)
const rawBody = fc.oneof(
  body.map((b) => (b === undefined ? undefined : JSON.stringify(b))),
  fc.constantFrom('{', '[', '"', 'null', '{"a":')
)
const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  id: fc.oneof(fc.constant('order-1'), hostileString),
  body: rawBody,
  contentType: fc.constantFrom(undefined, 'application/json', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded'),
  requestBody: fc.oneof(
    fc.constant(undefined),
    rawBody.map((b) => b ?? '')
  ),
  auth: fc.constantFrom('secret', 'secret', 'secret', 'none', 'wrong', 'bearer-garbage')
})

let app: MockApp
let v2: V2App
beforeAll(async () => {
  app = await buildApp({ clock: new ManualClock(Date.UTC(2030, 0, 1)), schedulePollMs: 0 })
  v2 = await buildV2App({ context: app.mock, webhooks: app.webhooks, faults: app.faults, schedulePollMs: 0 })
})
afterAll(async () => {
  await v2.close()
  await app.close()
})

describe('fuzzing every PortOne V2 route with hostile requests', () => {
  it(`never answers a 5xx but a PG refusal, always answers V2's error shape, never echoes a card (${RUNS} cases, seed ${SEED})`, {
    timeout: 120_000
  }, async () => {
    const reached = new Set<string>()
    let accepted = 0
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const method = r.route[0]
        const template: string = r.route[1]
        const path = template.replace('{id}', encodeURIComponent(r.id))
        const query = r.requestBody === undefined ? '' : `?requestBody=${encodeURIComponent(r.requestBody)}`
        const headers: Record<string, string> = {}
        if (r.auth === 'secret') headers.authorization = `PortOne ${DEFAULT_V2_MERCHANT.api_secret}`
        if (r.auth === 'wrong') headers.authorization = 'PortOne not-a-secret'
        if (r.auth === 'bearer-garbage') headers.authorization = 'Bearer x.y.z'
        if (r.contentType !== undefined) headers['content-type'] = r.contentType
        const res = await v2.inject({
          method,
          url: `${path}${query}`,
          headers,
          ...(r.body === undefined || method === 'GET' ? {} : { payload: r.body })
        })
        reached.add(`${method} ${template}`)
        if (res.statusCode < 300) accepted++
        const where = `${method} ${path}${query.slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 200)}`
        const answer = JSON.parse(res.body) as Record<string, unknown>
        // The one documented 5xx: the PG refused (x-portone-status-code 502). A bug would be 500.
        if (res.statusCode >= 500) expect({ status: res.statusCode, type: answer.type }, where).toEqual({ status: 502, type: 'PG_PROVIDER' })
        if (res.statusCode >= 400) {
          expect(typeof answer.type, where).toBe('string')
          expect(typeof answer.message, where).toBe('string')
          expect(
            Object.keys(answer).filter((k) => !['type', 'message', 'pgCode', 'pgMessage'].includes(k)),
            where
          ).toEqual([])
        }
        expect(res.body.replace(/\D/g, ''), where).not.toContain(CARD)
      }),
      { numRuns: RUNS, seed: SEED }
    )
    expect([...reached].sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort())
    // Not all bounced at the door: a fair share of the cases got through to an answer.
    expect(accepted).toBeGreaterThan(RUNS / 20)
  })
})
