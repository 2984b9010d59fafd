/**
 * Test harness for `app.inject` tests: a fresh app per test on a manual clock, a token, and
 * builders for the usual preconditions ("a customer with a key", "a paid payment").
 * Every response can be checked against the shared wire schemas with `expectEnvelope`.
 */
import { expect } from 'vitest'
import { Ajv, type ValidateFunction } from 'ajv'
import type { TSchema } from 'typebox'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type BuildAppOptions, type MockApp } from '../../mock-server/app.js'
import { ManualClock } from '../../mock-server/shared/clock.js'
import { ErrorEnvelopeSchema } from '../../api/v1/envelope.js'
import type { CatalogueError } from '../../api/v1/catalogue.js'
import { APPROVED_CARD } from '../../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

/** 2026-03-01T00:00:00Z: a fixed "now" so that timestamps in assertions are exact. */
export const T0_MS = Date.UTC(2026, 2, 1)
export const T0 = T0_MS / 1000

const ajv = new Ajv({ strict: false, allErrors: true })
const validators = new WeakMap<TSchema, ValidateFunction>()

/** Asserts status and that the body matches `schema` exactly (no missing or extra field). */
export function expectEnvelope(res: LightMyRequestResponse, status: number, schema: TSchema): any {
  const body = res.json()
  let validate = validators.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    validators.set(schema, validate)
  }
  const valid = validate(body)
  expect(validate.errors ?? [], `body does not match its schema: ${res.body.slice(0, 300)}`).toEqual([])
  expect(valid).toBe(true)
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status)
  return body
}

/** Asserts the answer is exactly this catalogue error (status, code, message, response null). */
export function expectError(res: LightMyRequestResponse, error: CatalogueError): void {
  expectEnvelope(res, error.httpStatus, ErrorEnvelopeSchema)
  expect(res.json()).toEqual({ code: error.code, message: error.message, response: null })
}

export interface TestApp {
  app: MockApp
  clock: ManualClock
  token: string
  /** Headers carrying the default merchant's token. */
  auth: { authorization: string }
  get(url: string): Promise<LightMyRequestResponse>
  post(url: string, payload?: object): Promise<LightMyRequestResponse>
  put(url: string, payload?: object): Promise<LightMyRequestResponse>
  del(url: string): Promise<LightMyRequestResponse>
  /** Issues a key for `customerUid` (approved card unless given) and returns the response body. */
  issueKey(customerUid: string, fields?: Record<string, unknown>): Promise<any>
  /** Charges a key with `again` and returns the response body. */
  again(customerUid: string, merchantUid: string, amount?: number, fields?: Record<string, unknown>): Promise<any>
  /** Takes a fresh token (after moving the clock past the 30-minute lifetime); later calls use it. */
  renewToken(): Promise<void>
}

export async function getToken(
  app: MockApp,
  impKey: string = DEFAULT_MERCHANT.imp_key,
  impSecret: string = DEFAULT_MERCHANT.imp_secret
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/users/getToken', payload: { imp_key: impKey, imp_secret: impSecret } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().response.access_token
}

/**
 * A fresh app with the default merchant, a manual clock at T0 and a token. Close it in afterEach.
 * Nothing runs on wall time (schedules and webhook retries run when a test moves time and asks).
 */
export async function createTestApp(options: BuildAppOptions = {}): Promise<TestApp> {
  const clock = new ManualClock(T0_MS)
  const app = await buildApp({ clock, schedulePollMs: 0, ...options })
  const token = await getToken(app)
  const auth = { authorization: `Bearer ${token}` }
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE') => (url: string, payload?: object) =>
    app.inject({ method, url, headers: t.auth, ...(payload === undefined ? {} : { payload }) })
  const t: TestApp = {
    app,
    clock,
    token,
    auth,
    get: send('GET'),
    post: send('POST'),
    put: send('PUT'),
    del: send('DELETE'),
    async issueKey(customerUid, fields = {}) {
      const res = await t.post(`/subscribe/customers/${encodeURIComponent(customerUid)}`, {
        card_number: APPROVED_CARD,
        expiry: '2030-12',
        birth: '900101',
        pwd_2digit: '12',
        ...fields
      })
      return res.json()
    },
    async again(customerUid, merchantUid, amount = 9900, fields = {}) {
      const res = await t.post('/subscribe/payments/again', {
        customer_uid: customerUid,
        merchant_uid: merchantUid,
        amount,
        name: '월간 이용권',
        ...fields
      })
      return res.json()
    },
    async renewToken() {
      t.token = await getToken(app)
      t.auth = { authorization: `Bearer ${t.token}` }
    }
  }
  return t
}
