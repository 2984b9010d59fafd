import { describe, expect } from 'vitest'
import { errors } from '../../../api/v1/catalogue.js'
import { MAX_AMOUNT } from './money.js'
import { expectError } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

// Found by probing the fuzzer's huge amounts: a charge of 2^53 + 4 KRW was accepted; after a
// partial cancel of 1 the balance (2^53 + 3) is not a double, rounded up to 2^53 + 4, and the
// full cancel that followed refunded 1 won more than the payment (cancel_history summed past amount).

describe('amounts above MAX_AMOUNT', () => {
  it('are refused on charges and prepared amounts, naming the limit', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('c')
    for (const amount of [2 ** 53 + 4, MAX_AMOUNT + 1]) {
      expectError(
        await t.post('/subscribe/payments/again', { customer_uid: 'c', merchant_uid: 'm', amount, name: 'x' }),
        errors.amountTooLarge('amount', MAX_AMOUNT)
      )
      expectError(await t.post('/payments/prepare', { merchant_uid: 'p', amount }), errors.amountTooLarge('amount', MAX_AMOUNT))
    }
    expect((await t.get('/payments/find/m')).statusCode).toBe(404)
  })

  it('leaves the largest accepted amount exact through partial and full cancels', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('c')
    const paid = await t.again('c', 'big', MAX_AMOUNT)
    expect(paid.response.amount).toBe(MAX_AMOUNT)
    await t.post('/payments/cancel', { imp_uid: paid.response.imp_uid, amount: 1 })
    const full = (await t.post('/payments/cancel', { imp_uid: paid.response.imp_uid })).json().response
    expect(full.cancel_amount).toBe(MAX_AMOUNT)
    expect(full.cancel_history.map((h: { amount: number }) => h.amount)).toEqual([1, MAX_AMOUNT - 1])
  })
})
