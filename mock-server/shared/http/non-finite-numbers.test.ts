import { describe, expect } from 'vitest'
import { CatalogueError, errors } from '../../../api/v1/catalogue.js'
import { expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

// Found by the fuzzer: `schedule_at` given as the string "999…9" (400 digits) was coerced by ajv to
// Infinity, which ajv's `integer` accepts; the schedule was moved to Infinity and every later answer
// that rendered it (the PUT itself, GET of the schedule, the lists) was a 500. JSON's `1e400` reads
// as Infinity the same way, on any number field.

const raw = (t: TestApp, method: 'POST' | 'PUT', url: string, json: string) =>
  t.app.inject({ method, url, headers: { ...t.auth, 'content-type': 'application/json' }, payload: json })

describe('numbers that are not finite', () => {
  it('are refused as the wrong type, and leave the schedule as it was', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('c')
    const scheduled = await t.post('/subscribe/payments/schedule', {
      customer_uid: 'c',
      schedules: [{ merchant_uid: 's1', schedule_at: T0 + 3600, amount: 1000, name: 'x' }]
    })
    expect(scheduled.json().code).toBe(0)
    // This route answers parameter errors with 400 (swagger).
    const refused = new CatalogueError(400, -1, errors.invalidParam('schedule_at').message, 'inferred')
    expectError(await t.put('/subscribe/payments/schedule/s1', { schedule_at: '9'.repeat(400) }), refused)
    expectError(await raw(t, 'PUT', '/subscribe/payments/schedule/s1', '{"schedule_at":1e400}'), refused)
    // Finite but past the year 9999: refused too.
    expectError(await t.put('/subscribe/payments/schedule/s1', { schedule_at: 1e300 }), refused)
    const after = await t.get('/subscribe/payments/schedule/s1')
    expect(after.statusCode).toBe(200)
    expect(after.json().response.schedule_at).toBe(T0 + 3600)
  })

  it('are refused deep in a body and in a query string', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('c')
    expectError(
      await raw(
        t,
        'POST',
        '/subscribe/payments/schedule',
        `{"customer_uid":"c","schedules":[{"merchant_uid":"s2","schedule_at":${T0 + 60},"amount":1000,"name":"x","card_quota":1e400}]}`
      ),
      errors.invalidParam('schedules[0].card_quota')
    )
    expectError(
      await raw(t, 'POST', '/subscribe/payments/again', '{"customer_uid":"c","merchant_uid":"m1","amount":60000,"name":"x","card_quota":1e400}'),
      errors.invalidParam('card_quota')
    )
    expect((await t.get('/payments/find/m1')).statusCode).toBe(404)
    const page = await t.get(`/payments/findAll/m1?page=${'9'.repeat(400)}`)
    expect(page.statusCode).toBe(400)
    expect(page.json()).toEqual({ ...errors.invalidParam('page').toEnvelope() })
  })

  it('are refused by the control API in its own error shape', async ({ testApp }) => {
    const t = await testApp()
    const res = await t.app.inject({
      method: 'POST',
      url: '/__mock/faults',
      headers: { 'content-type': 'application/json' },
      payload: '{"action":{"type":"error","message":"x"},"times":1e400}'
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_rule')
    expect((await t.app.inject('/__mock/faults')).json().rules).toEqual([])
  })
})
