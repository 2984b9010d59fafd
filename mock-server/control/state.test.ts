/** `GET /__mock/state` through real HTTP. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { T0 } from '../../test/support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('state', () => {
  it("shows each merchant's keys (masked, as the API shows them), payments and prepared amounts", async () => {
    h = await startHttp()
    const m = await h.merchant()
    const key = (await m.issueKey('customer_1', { card_number: '4242-4242-4242-4242', birth: '880808', pwd_2digit: '37' })).data.response
    const payment = (await m.again('order_1', 'customer_1', 9900)).data.response
    await m.http.post('/payments/prepare', { merchant_uid: 'order_2', amount: 15000 })

    const { merchants } = await h.control.state(DEFAULT_MERCHANT.imp_key)
    expect(merchants).toHaveLength(1)
    const [state] = merchants
    expect(state).toMatchObject({
      imp_key: DEFAULT_MERCHANT.imp_key,
      open: false,
      token: { expired_at: T0 + 1800 },
      clock: { scope: 'merchant', now: T0 },
      billing_keys: [key],
      payments: [payment],
      prepares: [{ merchant_uid: 'order_2', amount: 15000, currency: null }]
    })
    const text = JSON.stringify(state)
    expect(text).not.toContain('4242424242424242')
    expect(text).not.toContain('880808')
    expect(text).not.toContain(m.token)
  })
})
