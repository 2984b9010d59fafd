/** `GET /__mock/state/payments` filters and orders payments (the dashboard's table) on the server. */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, T0, type TestApp } from '../../test/support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let t: TestApp
afterEach(async () => t?.app.close())

const page = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/__mock/state/payments?imp_key=${DEFAULT_MERCHANT.imp_key}&${query}` })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as {
    total: number
    items: Array<{ imp_uid: string; merchant_uid: string; status: string; customer_uid: string | null }>
    next: string | null
  }
}

describe('payment filters of the state page', () => {
  it('filters by status, merchant_uid, customer_uid and start time, newest first, with a cursor over the matches', async () => {
    t = await createTestApp()
    await t.issueKey('customer_a')
    await t.issueKey('customer_b')
    await t.again('customer_a', 'order_1')
    await t.again('customer_b', 'order_2')
    t.clock.advance(1200)
    await t.again('customer_a', 'order_3')
    await t.post('/payments/cancel', { merchant_uid: 'order_3' })

    const newest = await page('order=desc')
    expect(newest.items.map((p) => p.merchant_uid)).toEqual(['order_3', 'order_2', 'order_1'])
    expect((await page('status=cancelled')).items.map((p) => p.merchant_uid)).toEqual(['order_3'])
    expect((await page('customer_uid=customer_a')).items.map((p) => p.merchant_uid)).toEqual(['order_1', 'order_3'])
    expect((await page('merchant_uid=order_2')).total).toBe(1)
    expect((await page('customer_uid=customer_a&status=cancelled')).items.map((p) => p.merchant_uid)).toEqual(['order_3'])
    expect((await page('customer_uid=nobody')).total).toBe(0)
    expect((await page(`from=${T0 + 600}`)).items.map((p) => p.merchant_uid)).toEqual(['order_3'])
    expect((await page(`to=${T0 + 600}`)).total).toBe(2)

    const first = await page('customer_uid=customer_a&order=desc&limit=1')
    expect(first).toMatchObject({ total: 2, next: '1' })
    expect(first.items[0]!.merchant_uid).toBe('order_3')
    const second = await page('customer_uid=customer_a&order=desc&limit=1&cursor=1')
    expect(second.items.map((p) => p.merchant_uid)).toEqual(['order_1'])
    expect(second.next).toBeNull()
  })

  it('refuses an unknown order', async () => {
    t = await createTestApp()
    const res = await t.app.inject({ method: 'GET', url: `/__mock/state/payments?imp_key=${DEFAULT_MERCHANT.imp_key}&order=up` })
    expect(res.statusCode).toBe(400)
  })
})
