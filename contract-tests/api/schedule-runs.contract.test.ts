/**
 * Scheduled runs, simulator-only: they need the virtual clock (the real API runs a schedule at its
 * real time) and magic cards. Each test schedules a minute ahead of the merchant's clock and moves
 * that clock a minute forward; the clock call answers once the run is done. The clock only moves
 * forward, so later tests see a consistent, later "now".
 */
import { describe, expect } from 'vitest'
import { magicCardByPreset, FAIL_REASON } from '../../fixtures/cards/catalogue.js'
import type { Payment } from '../../api/v1/payment.js'
import type { ScheduleResult } from '../../api/v1/schedule.js'
import { createMockControl } from '../../client/mock-control.js'
import { expectOk, itOnMockOnly, serverNow, target, type ContractApi } from '../lib/harness.js'

const AHEAD = 60

/** Moves the suite merchant's clock; resolves once what became due has run. */
async function advance(seconds: number): Promise<void> {
  await createMockControl(target.baseURL).clock.advance(seconds, { impKey: target.impKey })
}

async function lookUp(api: ContractApi, merchantUid: string): Promise<ScheduleResult> {
  return expectOk<ScheduleResult>(await api.client.raw.schedules.get(merchantUid), 'schedule')
}

describe('scheduled runs on the virtual clock', () => {
  itOnMockOnly('charges the key when the clock reaches schedule_at: imps_ id, payment.scheduled, channel api', 'clock', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const item = fx.scheduleItem((await serverNow(api)) + AHEAD)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')

    await advance(AHEAD)

    const run = await lookUp(api, item.merchant_uid)
    expect(run).toMatchObject({ schedule_status: 'executed', payment_status: 'paid', fail_reason: null })
    expect(run.executed_at).toBeGreaterThanOrEqual(item.schedule_at)
    expect(run.imp_uid).toMatch(/^imps_\d{12}$/)
    const payment = expectOk<Payment>(await api.client.raw.payments.get(run.imp_uid!), 'payment')
    expect(payment).toMatchObject({
      merchant_uid: item.merchant_uid,
      amount: item.amount,
      status: 'paid',
      customer_uid: customerUid,
      customer_uid_usage: 'payment.scheduled',
      channel: 'api',
      buyer_name: item.buyer_name
    })
  })

  itOnMockOnly('records a declined run as failed, and a retry with a working card as paid', 'clock and magic card', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    const declining = magicCardByPreset('insufficient_balance')!
    expectOk(await api.client.raw.billingKeys.issue(customerUid, { ...api.card, card_number: declining.number }), 'customer')
    const item = fx.scheduleItem((await serverNow(api)) + AHEAD)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')

    await advance(AHEAD)
    const failed = await lookUp(api, item.merchant_uid)
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const retried = expectOk<Payment>(await api.client.raw.schedules.retry(item.merchant_uid), 'payment')

    expect(failed).toMatchObject({ schedule_status: 'executed', payment_status: 'failed', fail_reason: FAIL_REASON.insufficientBalance })
    expect(retried).toMatchObject({ merchant_uid: item.merchant_uid, status: 'paid', customer_uid_usage: 'payment.scheduled' })
    expect(await lookUp(api, item.merchant_uid)).toMatchObject({ payment_status: 'paid', imp_uid: retried.imp_uid })
  })

  itOnMockOnly('puts a failed run back in line with reschedule, and runs it at the new time', 'clock and magic card', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    const declining = magicCardByPreset('limit_exceeded')!
    expectOk(await api.client.raw.billingKeys.issue(customerUid, { ...api.card, card_number: declining.number }), 'customer')
    const item = fx.scheduleItem((await serverNow(api)) + AHEAD)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')
    await advance(AHEAD)
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    const again = (await serverNow(api)) + AHEAD
    const rescheduled = expectOk<ScheduleResult>(await api.client.raw.schedules.reschedule(item.merchant_uid, { schedule_at: again }), 'schedule')
    await advance(AHEAD)

    expect(rescheduled).toMatchObject({ schedule_status: 'scheduled', schedule_at: again, imp_uid: null, payment_status: null })
    expect(await lookUp(api, item.merchant_uid)).toMatchObject({ schedule_status: 'executed', payment_status: 'paid' })
  })
})
