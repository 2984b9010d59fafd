/**
 * Scheduled renewals end to end, as a merchant's test suite drives them: the simulator on a real
 * port, i'mport calls over HTTP, virtual time moved through the control API, webhooks received by
 * a real HTTP server on 127.0.0.1. No sleeps: a clock move answers once the schedules it made due
 * have run and their webhooks have been attempted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MAGIC_CARDS } from '../../../fixtures/cards/catalogue.js'
import type { MerchantConfigInput } from '../../shared/config/config.js'
import { T0 } from '../../../test/support/helpers.js'
import { startHttp, type HttpHarness, type MerchantClient } from '../../../test/support/http.js'
import { startReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let h: HttpHarness
let receiver: WebhookReceiver
afterEach(async () => {
  await h?.close()
  await receiver?.close()
})

const DAY = 24 * 3600
const DECLINING_CARD = MAGIC_CARDS.find((c) => c.preset === 'insufficient_balance')!.number

async function start(merchant: Partial<MerchantConfigInput> = {}) {
  receiver = await startReceiver()
  h = await startHttp({
    schedulePollMs: 0,
    config: { merchants: [{ ...DEFAULT_MERCHANT, webhook_url: `${receiver.url}/webhooks/iamport`, ...merchant }] }
  })
}

const item = (merchantUid: string, scheduleAt: number) => ({ merchant_uid: merchantUid, schedule_at: scheduleAt, amount: 9900, name: '월간 이용권' })

async function schedule(m: MerchantClient, customerUid: string, items: object[]) {
  const res = await m.http.post('/subscribe/payments/schedule', { customer_uid: customerUid, schedules: items })
  expect(res.data.code, JSON.stringify(res.data)).toBe(0)
  return res.data.response
}

describe('scheduled renewals through the control API', () => {
  it('runs the two schedules the clock passed, sends two paid webhooks, and leaves the third scheduled', async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1')
    await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY), item('renew-2', T0 + 60 * DAY), item('renew-3', T0 + 90 * DAY)])

    await h.control.clock.advance(61 * DAY)

    // No settle, no wait: the clock call answered after the runs and their webhooks.
    expect(receiver.received.map((w) => [w.body.merchant_uid, w.body.status])).toEqual([
      ['renew-1', 'paid'],
      ['renew-2', 'paid']
    ])
    const fresh = await h.merchant()
    const payments = await Promise.all(['renew-1', 'renew-2'].map((uid) => fresh.find(uid)))
    expect(payments.map((p) => [p.data.response.status, p.data.response.customer_uid_usage, p.data.response.imp_uid])).toEqual(
      receiver.received.map((w) => ['paid', 'payment.scheduled', w.body.imp_uid])
    )
    const third = await fresh.http.get('/subscribe/payments/schedule/renew-3')
    expect(third.data.response).toMatchObject({ schedule_status: 'scheduled', imp_uid: null })
    const state = await h.control.state(DEFAULT_MERCHANT.imp_key)
    expect(state.merchants[0]!.payments).toHaveLength(2)
    expect(state.merchants[0]!.schedules.map((s) => s.schedule_status)).toEqual(['executed', 'executed', 'scheduled'])
  })

  it("reports a declining card's scheduled attempt as a failed payment and a failed webhook", async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1', { card_number: DECLINING_CARD })
    await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY)])

    await h.control.clock.advance(30 * DAY)

    const [webhook] = receiver.received
    expect(webhook!.body).toMatchObject({ merchant_uid: 'renew-1', status: 'failed' })
    const payment = (await (await h.merchant()).http.get(`/payments/${webhook!.body.imp_uid}`)).data.response
    expect(payment).toMatchObject({ status: 'failed', fail_reason: '잔액부족', customer_uid_usage: 'payment.scheduled' })
  })

  it('fails a scheduled run that a fault rule declines, for that merchant_uid only', async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1')
    await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY), item('renew-2', T0 + 30 * DAY)])
    await h.control.faults.add({ match: { merchant_uid: 'renew-2' }, action: { type: 'decline', fail_reason: '한도초과' } })

    await h.control.clock.advance(30 * DAY)

    expect(receiver.received.map((w) => [w.body.merchant_uid, w.body.status])).toEqual([
      ['renew-1', 'paid'],
      ['renew-2', 'failed']
    ])
    const failed = (await (await h.merchant()).http.get('/subscribe/payments/schedule/renew-2')).data.response
    expect(failed).toMatchObject({ schedule_status: 'executed', payment_status: 'failed', fail_reason: '한도초과' })
    expect(await h.control.faults.list()).toEqual([])
  })

  it('never runs or reports a schedule that was unscheduled', async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1')
    await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY)])
    const revoked = await m.http.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1' })
    expect(revoked.data.response[0]).toMatchObject({ merchant_uid: 'renew-1', schedule_status: 'revoked', revoked_at: T0 })

    await h.control.clock.advance(60 * DAY)

    expect(receiver.received).toEqual([])
    expect((await h.control.state()).merchants[0]!.payments).toEqual([])
  })

  it("runs only the moved merchant's schedules when one merchant's clock moves", async () => {
    receiver = await startReceiver()
    h = await startHttp({
      schedulePollMs: 0,
      config: {
        merchants: [
          { ...DEFAULT_MERCHANT, webhook_url: `${receiver.url}/a` },
          { imp_key: 'shop_b', imp_secret: 'secret_b', webhook_url: `${receiver.url}/b` }
        ]
      }
    })
    const a = await h.merchant()
    const b = await h.merchant('shop_b', 'secret_b')
    for (const m of [a, b]) {
      await m.issueKey('cust_1')
      await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY)])
    }

    await h.control.clock.advance(30 * DAY, { impKey: 'shop_b' })

    expect(receiver.received.map((w) => w.path)).toEqual(['/b'])
  })

  it('retries a webhook the receiver answers with 500 when retries are on, a minute apart, until the first 200', async () => {
    await start({ webhook_retry: true })
    receiver.answer = (n) => (n < 3 ? 500 : 200)
    const m = await h.merchant()
    await m.issueKey('cust_1')
    await schedule(m, 'cust_1', [item('renew-1', T0 + 30 * DAY)])

    await h.control.clock.advance(30 * DAY)
    const afterFirst = (await h.control.webhooks.list()).deliveries[0]!
    expect(afterFirst).toMatchObject({ status: 'retrying', next_attempt_at: T0 + 30 * DAY + 60 })
    await h.control.clock.advance(60)
    await h.control.clock.advance(60)
    await h.control.clock.advance(3600)

    const { deliveries } = await h.control.webhooks.list({ merchantUid: 'renew-1' })
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]!.status).toBe('delivered')
    expect(deliveries[0]!.attempts.map((a) => [a.kind, a.status_code])).toEqual([
      ['first', 500],
      ['retry', 500],
      ['retry', 200]
    ])
    expect(receiver.received).toHaveLength(3)
  })

  it('fails a retry request that a card preset declines, and records it on the schedule', async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1', { card_number: DECLINING_CARD })
    await schedule(m, 'cust_1', [item('renew-1', T0 + DAY)])
    await h.control.clock.advance(DAY)
    const fresh = await h.merchant()
    await fresh.issueKey('cust_1') // a working card now

    const declined = await fresh.http.post('/subscribe/payments/schedule/renew-1/retry', undefined, {
      headers: { 'X-Iamport-Mock-Fault': 'limit_exceeded' }
    })
    const paid = await fresh.http.post('/subscribe/payments/schedule/renew-1/retry')

    expect(declined.data.response).toMatchObject({ status: 'failed', fail_reason: '한도초과' })
    expect(paid.data.response).toMatchObject({ status: 'paid', customer_uid_usage: 'payment.scheduled' })
    expect((await fresh.http.get('/subscribe/payments/schedule/renew-1')).data.response).toMatchObject({
      payment_status: 'paid',
      imp_uid: paid.data.response.imp_uid
    })
    expect(receiver.received.map((w) => w.body.status)).toEqual(['failed', 'failed', 'paid'])
  })

  it('forgets schedules and webhooks with a reset', async () => {
    await start()
    const m = await h.merchant()
    await m.issueKey('cust_1')
    await schedule(m, 'cust_1', [item('renew-1', T0 + DAY), item('renew-2', T0 + 2 * DAY)])
    await h.control.clock.advance(DAY)
    expect((await h.control.webhooks.list()).deliveries).toHaveLength(1)

    await h.control.reset()
    await h.control.clock.advance(3 * DAY)

    expect((await h.control.webhooks.list()).deliveries).toEqual([])
    expect((await h.control.state()).merchants[0]!.schedules).toEqual([])
    expect(receiver.received).toHaveLength(1)
  })
})
