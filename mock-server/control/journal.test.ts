/** `GET /__mock/requests` through real HTTP. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { T0 } from '../../test/support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('request journal', () => {
  it("records each i'mport request with status, code, duration and merchant, not the control calls", async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('customer_1')
    await m.http.get('/payments/imp_000000000001')
    await h.control.faults.list()

    const { entries, capacity, total } = await h.control.requests()
    expect(capacity).toBe(1000)
    expect(total).toBe(3)
    expect(
      entries.map(({ seq, at, method, path, status, code, imp_key, fault, outcome }) => ({
        seq,
        at,
        method,
        path,
        status,
        code,
        imp_key,
        fault,
        outcome
      }))
    ).toEqual([
      {
        seq: 1,
        at: T0,
        method: 'POST',
        path: '/users/getToken',
        status: 200,
        code: 0,
        imp_key: DEFAULT_MERCHANT.imp_key,
        fault: null,
        outcome: 'answered'
      },
      {
        seq: 2,
        at: T0,
        method: 'POST',
        path: '/subscribe/customers/customer_1',
        status: 200,
        code: 0,
        imp_key: DEFAULT_MERCHANT.imp_key,
        fault: null,
        outcome: 'answered'
      },
      {
        seq: 3,
        at: T0,
        method: 'GET',
        path: '/payments/imp_000000000001',
        status: 404,
        code: -1,
        imp_key: DEFAULT_MERCHANT.imp_key,
        fault: null,
        outcome: 'answered'
      }
    ])
    for (const e of entries) expect(e.duration_ms).toBeGreaterThanOrEqual(0)
  })

  it('never keeps card data or tokens', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('customer_1', { card_number: '4242-4242-4242-4242', birth: '880808', pwd_2digit: '37' })
    await h.api.get(`/payments/imp_1?_token=${m.token}`)
    const text = JSON.stringify(await h.control.requests())
    for (const secret of ['4242', '880808', '37"', m.token, DEFAULT_MERCHANT.imp_secret]) expect(text).not.toContain(secret)
    expect(text).toContain('/payments/imp_1?_token=[redacted]')
  })

  it('records unauthenticated and unknown calls, and the fault that acted', async () => {
    h = await startHttp()
    await h.api.get('/payments/imp_1')
    await h.api.get('/nowhere')
    const m = await h.merchant()
    const rule = await h.control.faults.add({ action: { type: 'http', status: 502 } })
    await m.http.get('/payments/imp_1')
    await m.http.get('/payments/imp_1', { headers: { 'X-Iamport-Mock-Fault': 'http_429' } })
    const entries = (await h.control.requests()).entries
    expect(entries.map((e) => [e.path, e.status, e.code, e.imp_key, e.fault])).toEqual([
      ['/payments/imp_1', 401, -1, null, null],
      ['/nowhere', 404, -1, null, null],
      ['/users/getToken', 200, 0, DEFAULT_MERCHANT.imp_key, null],
      ['/payments/imp_1', 502, null, DEFAULT_MERCHANT.imp_key, rule.id],
      ['/payments/imp_1', 429, null, DEFAULT_MERCHANT.imp_key, 'preset:http_429']
    ])
  })

  it('filters by merchant and limit, and stays within its configured size', async () => {
    h = await startHttp({ config: { accept_any_key: true, journal_size: 4 } })
    const a = await h.merchant('shard_a', 'secret_a')
    const b = await h.merchant('shard_b', 'secret_b')
    for (let i = 1; i <= 3; i++) {
      await a.http.get(`/payments/imp_a${i}`)
      await b.http.get(`/payments/imp_b${i}`)
    }
    const all = await h.control.requests()
    expect(all.capacity).toBe(4)
    expect(all.total).toBe(8)
    expect(all.entries.map((e) => e.path)).toEqual(['/payments/imp_a2', '/payments/imp_b2', '/payments/imp_a3', '/payments/imp_b3'])
    expect((await h.control.requests({ impKey: 'shard_b', limit: 1 })).entries.map((e) => e.path)).toEqual(['/payments/imp_b3'])
  })

  it('can be switched off with journal_size 0', async () => {
    h = await startHttp({ config: { journal_size: 0 } })
    await h.merchant()
    expect(await h.control.requests()).toEqual({ capacity: 0, total: 0, entries: [] })
  })

  it('refuses a limit below 1', async () => {
    h = await startHttp()
    const res = await h.api.get('/__mock/requests?limit=0')
    expect(res.status).toBe(400)
    expect(res.data.error).toMatchObject({ code: 'invalid_request', message: 'limit must be >= 1' })
  })
})
