import { describe, expect } from 'vitest'
import { CAPTURED_RESPONSES } from '../../../fixtures/captured/index.js'
import { it } from '../../../test/support/fixtures.js'

const scheduled2022 = CAPTURED_RESPONSES.find((c) => c.name === 'payment-2022-kakaopay-scheduled.json')!

describe('renderPayment', () => {
  it('answers the API-channel fields the way the 2022 capture of a billing payment does', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    const payment = (await t.again('cust_1', 'order-1')).response
    const real = scheduled2022.body.response

    for (const field of ['channel', 'user_agent', 'vbank_date', 'escrow', 'cash_receipt_issued'] as const) {
      expect(payment[field], field).toEqual(real[field])
    }
  })
})
