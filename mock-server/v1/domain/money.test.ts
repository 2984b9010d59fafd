/** Amounts are added in integer minor units: cancels of cents add up exactly, near the largest amount too. */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/support/helpers.js'
import { MAX_MINOR_UNITS, fromMinor, isExactAmount, maxAmount, toMinor } from './money.js'
import { errors } from '../../../api/v1/catalogue.js'

let t: TestApp
afterEach(async () => t?.app.close())

describe('money in minor units', () => {
  it('converts exactly at both ends of the range', () => {
    expect(toMinor(0.1, 'USD') + toMinor(0.2, 'USD')).toBe(30)
    expect(fromMinor(MAX_MINOR_UNITS, 'USD')).toBe(maxAmount('USD'))
    expect(isExactAmount(maxAmount('USD') - 0.01, 'USD')).toBe(true)
    expect(isExactAmount(0.005, 'USD')).toBe(false)
    expect(isExactAmount(1.5, 'KRW')).toBe(false)
    expect(maxAmount('KRW')).toBe(MAX_MINOR_UNITS)
  })

  it('partial cancels of 0.1 and 0.2 leave exactly 0.3 cancelled, and the rest is exactly what remains', async () => {
    t = await createTestApp()
    await t.issueKey('c')
    const paid = await t.again('c', 'o1', 0.3, { currency: 'USD' })
    expect(paid.code).toBe(0)
    const cancel = (amount?: number) =>
      t.post('/payments/cancel', amount === undefined ? { imp_uid: paid.response.imp_uid } : { imp_uid: paid.response.imp_uid, amount })
    await cancel(0.1)
    const second = (await cancel(0.2)).json().response
    expect(second.cancel_amount).toBe(0.3)
    expect(second.cancel_history.map((h: { amount: number }) => h.amount)).toEqual([0.1, 0.2])
    expect((await cancel()).json()).toEqual(errors.alreadyCancelled().toEnvelope())
  })

  it('near the largest USD amount, cent cancels sum to the cent', async () => {
    t = await createTestApp()
    await t.issueKey('c')
    const total = maxAmount('USD') - 0.07
    const paid = await t.again('c', 'o1', total, { currency: 'USD' })
    expect(paid.response.amount).toBe(total)
    const imp_uid = paid.response.imp_uid
    await t.post('/payments/cancel', { imp_uid, amount: 0.01 })
    await t.post('/payments/cancel', { imp_uid, amount: 12345.67 })
    const rest = (await t.post('/payments/cancel', { imp_uid })).json().response
    expect(rest.cancel_amount).toBe(total)
    expect(rest.cancel_history.at(-1).amount).toBe(fromMinor(toMinor(total, 'USD') - 1 - 1234567, 'USD'))
    await expect(
      t
        .post('/subscribe/payments/again', { customer_uid: 'c', merchant_uid: 'o2', amount: maxAmount('USD') + 0.01, currency: 'USD', name: 'x' })
        .then((r) => r.json())
    ).resolves.toEqual(errors.amountTooLarge('amount', maxAmount('USD')).toEnvelope())
  })
})
