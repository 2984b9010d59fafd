/** The fault plugin under `app.inject` (no socket): a drop rejects the call instead of hanging it. */
import { describe, expect } from 'vitest'
import { it } from '../../../test/support/fixtures.js'

describe('faults under inject', () => {
  it('rejects a dropped call, and a committed one after the change is made', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('c_1')
    const call = (merchantUid: string, preset: string) =>
      t.app.inject({
        method: 'POST',
        url: '/subscribe/payments/again',
        headers: { ...t.auth, 'x-iamport-mock-fault': preset },
        payload: { customer_uid: 'c_1', merchant_uid: merchantUid, amount: 1000, name: 'x' }
      })
    await expect(call('order_drop', 'drop')).rejects.toThrow('response destroyed before completion')
    await expect(call('order_commit', 'commit_then_drop')).rejects.toThrow('response destroyed before completion')
    expect((await t.get('/payments/find/order_drop')).statusCode).toBe(404)
    expect((await t.get('/payments/find/order_commit')).json().response.status).toBe('paid')
  })
})
