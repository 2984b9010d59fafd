/**
 * A decline rule is drawn and used up only by a charge that reaches the point the real API would
 * call the PG: a charge refused before that (already paid, unknown customer, unknown or not
 * retryable schedule) leaves the rule armed for the next real charge.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/helpers.js'

let t: TestApp
afterEach(async () => t?.app.close())

async function armDecline(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/__mock/faults',
    payload: { action: { type: 'decline', fail_reason: '한도초과' }, times: 1, ...extra }
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().id
}

async function remaining(id: string): Promise<number | null> {
  const { rules } = (await t.app.inject({ method: 'GET', url: '/__mock/faults' })).json() as {
    rules: Array<{ id: string; remaining: number | null }>
  }
  return rules.find((r) => r.id === id)?.remaining ?? null
}

describe('decline rules are consumed at the charge', () => {
  it('a charge refused as already paid leaves the rule armed; the next charge is declined', async () => {
    t = await createTestApp()
    await t.issueKey('c_1')
    expect((await t.again('c_1', 'order_1')).response.status).toBe('paid')
    const id = await armDecline()
    const refused = await t.again('c_1', 'order_1')
    expect(refused.code).not.toBe(0)
    expect(await remaining(id)).toBe(1)
    const next = await t.again('c_1', 'order_2')
    expect(next.response).toMatchObject({ status: 'failed', fail_reason: '한도초과' })
    expect(await remaining(id)).toBeNull()
  })

  it('a charge on an unknown customer leaves the rule armed', async () => {
    t = await createTestApp()
    await t.issueKey('c_1')
    const id = await armDecline()
    expect((await t.again('nobody', 'order_1')).code).not.toBe(0)
    expect(await remaining(id)).toBe(1)
    expect((await t.again('c_1', 'order_2')).response.status).toBe('failed')
  })

  it('a refused key-in charge (already paid) leaves the rule armed', async () => {
    t = await createTestApp()
    await t.issueKey('c_1')
    await t.again('c_1', 'order_1')
    const id = await armDecline()
    const res = await t.post('/subscribe/payments/onetime', {
      merchant_uid: 'order_1',
      amount: 1000,
      card_number: '4242424242424242',
      expiry: '2030-12',
      birth: '900101',
      pwd_2digit: '12'
    })
    expect(res.json().code).not.toBe(0)
    expect(await remaining(id)).toBe(1)
  })

  it('a retry of an unknown schedule leaves the rule armed', async () => {
    t = await createTestApp()
    const id = await armDecline()
    const res = await t.post('/subscribe/payments/schedule/no-such/retry')
    expect(res.json().code).not.toBe(0)
    expect(await remaining(id)).toBe(1)
  })

  it('a rule with a probability draws only at the charge: refused charges do not move its stream', async () => {
    t = await createTestApp()
    await t.issueKey('c_1')
    await t.again('c_1', 'order_1')
    const id = await armDecline({ probability: 1, times: 2 })
    for (let i = 0; i < 3; i++) await t.again('c_1', 'order_1')
    expect(await remaining(id)).toBe(2)
  })

  it('other actions still act before the route (an error answers without charging)', async () => {
    t = await createTestApp()
    await t.issueKey('c_1')
    await t.app.inject({ method: 'POST', url: '/__mock/faults', payload: { action: { type: 'error', code: -1, message: '잠시 후 다시' }, times: 1 } })
    const res = await t.again('c_1', 'order_1')
    expect(res).toMatchObject({ code: -1, message: '잠시 후 다시' })
    expect((await t.get('/payments/find/order_1')).statusCode).toBe(404)
  })
})
