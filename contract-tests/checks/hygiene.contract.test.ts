/**
 * Runs after every other contract test file (see lib/sequencer.ts): proves from the answers of the
 * run that the suite cleaned up after itself, on whichever target it ran.
 */
import { describe, expect } from 'vitest'
import { outcomeOf, readExchanges } from '../lib/exchanges.js'
import { itOnBoth, target } from '../lib/harness.js'

interface Answer {
  imp_uid?: string
  customer_uid?: string | null
  status?: string
  amount?: number
  cancel_amount?: number
}

describe('clean-up', () => {
  itOnBoth('leaves every payment of the run fully cancelled and every billing key deleted', () => {
    const exchanges = readExchanges(target.exchangesDir).filter((e) => outcomeOf(e.body) === 'ok')
    const response = (body: unknown) => (body as { response: Answer }).response
    const paid = new Set<string>()
    const refunded = new Set<string>()
    const issued = new Set<string>()
    const deleted = new Set<string>()

    for (const { operationId, body } of exchanges) {
      const r = response(body)
      if ((operationId === 'onetime' || operationId === 'again') && r.status === 'paid') paid.add(r.imp_uid!)
      if (operationId === 'onetime' && r.customer_uid) issued.add(r.customer_uid)
      if (operationId === 'customer_save') issued.add(r.customer_uid!)
      if (operationId === 'cancelPayment' && r.cancel_amount === r.amount) refunded.add(r.imp_uid!)
      if (operationId === 'customer_delete') deleted.add(r.customer_uid!)
    }

    expect(paid.size, 'the suite made no payment: nothing was checked').toBeGreaterThan(0)
    expect([...paid].filter((id) => !refunded.has(id))).toEqual([])
    expect([...issued].filter((uid) => !deleted.has(uid))).toEqual([])
  })
})
