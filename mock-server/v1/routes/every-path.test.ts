/**
 * Every operation of the official V1 document (api/v1/official-operations.ts, derived from both
 * swagger files) is either simulated or named as not simulated: none falls through to the
 * unknown-route 404. A simulated one answers in the envelope with a status its swagger documents
 * (or 200, the status of every write failure); a named one answers the `notSimulated` entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errors } from '../../../api/v1/catalogue.js'
import { OFFICIAL_OPERATIONS, isNotSimulated, routeUrlOf } from '../../../api/v1/official-operations.js'
import { createTestApp, expectError, type TestApp } from '../../../test/support/helpers.js'
import { MOCK_HINT_HEADER } from './not-simulated.js'

/**
 * Statuses the simulator answers (to these placeholder requests) that the operation's swagger
 * entry does not list, each with why (iamport-api.md §0.3, §5.4):
 */
const UNDOCUMENTED_STATUSES: Record<string, readonly number[]> = {
  /** getToken without parameters: the `get_token_missing_params_status` switch (default 400). */
  getToken: [400],
  /** A read without its required query parameter: reads answer bad parameters with 400. */
  customer_view_multiple: [400],
  /** An unsupported payment_status (the placeholder): 400 `지원되지 않는 상태값입니다.` as on the status list. */
  getPaymentByMerchantUid: [400],
  /** An unregistered merchant_uid: 404 observed (node-iamporter), though the swagger lists only 200. */
  getPaymentPrepareByMerchantUid: [404]
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(async () => t.app.close())

const urlOf = (path: string) => path.replace(/\{[^}]+\}/g, 'x_every_path_1')

describe('every official operation', () => {
  it('counts 81 operations: 50 simulated, 31 named as not simulated', () => {
    expect(OFFICIAL_OPERATIONS).toHaveLength(81)
    expect(OFFICIAL_OPERATIONS.filter(isNotSimulated)).toHaveLength(31)
  })

  it.each(OFFICIAL_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))('%s is simulated or named', async (_name, op) => {
    expect(t.app.hasRoute({ method: op.method, url: routeUrlOf(op.path) }), 'registered').toBe(true)
    const res = await t.app.inject({
      method: op.method,
      url: urlOf(op.path),
      headers: t.auth,
      ...(op.method === 'POST' || op.method === 'PUT' ? { payload: {} } : {})
    })
    const body = res.json()
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'response'])
    expect(String(body.message)).not.toMatch(/^요청하신 API를 찾을 수 없습니다/)
    if (isNotSimulated(op)) {
      expectError(res, errors.notSimulated(op.method, op.path))
      expect(res.headers[MOCK_HINT_HEADER.toLowerCase()]).toContain(op.operationId)
      return
    }
    expect(body.message).not.toBe(errors.notSimulated(op.method, op.path).message)
    const allowed = new Set([200, ...op.statuses, ...(UNDOCUMENTED_STATUSES[op.operationId] ?? [])])
    expect([...allowed], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode)
  })

  it('checks the token before saying a route is not simulated', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/payments/imp_1/naver/cancel', payload: {} })
    expectError(res, errors.unauthorized())
  })
})
