/**
 * Runs after every other contract test file (see lib/sequencer.ts): proves from the answers of the
 * run that the suite cleaned up after itself, on whichever target it ran.
 */
import { describe, expect } from 'vitest'
import { outcomeOf, readExchanges } from '../lib/exchanges.js'
import { itOnBoth, target } from '../lib/harness.js'

interface Answer {
  imp_uid?: string | null
  customer_uid?: string | null
  merchant_uid?: string
  status?: string
  amount?: number
  cancel_amount?: number
  schedule_status?: string
  payment_status?: string | null
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
      if ((operationId === 'onetime' || operationId === 'again' || operationId === 'retryScheduleByMid') && r.status === 'paid') {
        paid.add(r.imp_uid!)
      }
      if (operationId === 'getScheduleByMid' && r.payment_status === 'paid') paid.add(r.imp_uid!)
      if (operationId === 'schedule') for (const s of response(body) as unknown as Answer[]) issued.add(s.customer_uid!)
      if (operationId === 'onetime' && r.customer_uid) issued.add(r.customer_uid)
      if (operationId === 'customer_save') issued.add(r.customer_uid!)
      if (operationId === 'cancelPayment' && r.cancel_amount === r.amount) refunded.add(r.imp_uid!)
      if (operationId === 'customer_delete') deleted.add(r.customer_uid!)
    }

    expect(paid.size, 'the suite made no payment: nothing was checked').toBeGreaterThan(0)
    expect([...paid].filter((id) => !refunded.has(id))).toEqual([])
    expect([...issued].filter((uid) => !deleted.has(uid))).toEqual([])
  })

  itOnBoth('leaves no schedule of the run waiting: each was revoked or ran', () => {
    const exchanges = readExchanges(target.exchangesDir).filter((e) => outcomeOf(e.body) === 'ok')
    const scheduled = new Set<string>()
    const done = new Set<string>()

    for (const { operationId, body } of exchanges) {
      const r = (body as { response: Answer | Answer[] }).response
      const list = Array.isArray(r) ? r : [r]
      if (operationId === 'schedule') for (const s of list) scheduled.add(s.merchant_uid!)
      if (operationId === 'unschedule') for (const s of list) done.add(s.merchant_uid!)
      if (operationId === 'getScheduleByMid' && (r as Answer).schedule_status === 'executed') done.add((r as Answer).merchant_uid!)
    }

    expect(scheduled.size, 'the suite scheduled nothing: nothing was checked').toBeGreaterThan(0)
    expect([...scheduled].filter((uid) => !done.has(uid))).toEqual([])
  })
})
