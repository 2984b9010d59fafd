/**
 * Webhooks end to end against a real HTTP receiver on 127.0.0.1, at virtual time: the clock is
 * moved and `runDue` awaited, never slept on.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MAGIC_CARDS } from '../../../fixtures/cards/catalogue.js'
import type { MerchantConfigInput } from '../config/config.js'
import { createTestApp, T0, type TestApp } from '../../../test/support/helpers.js'
import { startReceiver, UNREACHABLE_URL, type WebhookReceiver } from '../../../test/support/webhook-receiver.js'
import { MAX_RETRIES, SAMPLE_BODY } from './service.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let t: TestApp
let receiver: WebhookReceiver
afterEach(async () => {
  await t?.app.close()
  await receiver?.close()
})

const DAY = 24 * 3600
const DECLINING_CARD = MAGIC_CARDS.find((c) => c.preset === 'insufficient_balance')!.number

/** The docs merchant with its console webhook settings pointed at the receiver. */
async function appWithWebhooks(merchant: Partial<MerchantConfigInput> = {}, webhooks: Record<string, number> = {}) {
  receiver = await startReceiver()
  t = await createTestApp({
    config: {
      merchants: [{ ...DEFAULT_MERCHANT, webhook_url: `${receiver.url}/iamport-webhook`, ...merchant }],
      webhooks
    }
  })
}

const item = (merchantUid: string, scheduleAt: number, extra: Record<string, unknown> = {}) => ({
  merchant_uid: merchantUid,
  schedule_at: scheduleAt,
  amount: 9900,
  name: '월간 이용권',
  ...extra
})

async function schedule(customerUid: string, items: object[]) {
  const res = await t.post('/subscribe/payments/schedule', { customer_uid: customerUid, schedules: items })
  expect(res.json().code, res.body).toBe(0)
}

/** Moves every clock, runs what became due and waits for the webhooks it caused; then takes a fresh token. */
async function advance(seconds: number) {
  t.clock.advance(seconds)
  const result = await t.app.schedules.runDue()
  expect(result.settled).toBe(true)
  await t.renewToken()
  return result
}

const bodies = () => receiver.received.map((w) => w.body)

describe('webhooks of scheduled payments', () => {
  it('charges the two schedules the clock passed and sends two paid webhooks; the third stays scheduled', async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY), item('sub-2', T0 + 31 * DAY), item('sub-3', T0 + 61 * DAY)])

    const { payments } = await advance(31 * DAY)

    expect(payments.map((p) => [p.merchant_uid, p.status])).toEqual([
      ['sub-1', 'paid'],
      ['sub-2', 'paid']
    ])
    expect(bodies()).toEqual([
      { imp_uid: payments[0]!.imp_uid, merchant_uid: 'sub-1', status: 'paid' },
      { imp_uid: payments[1]!.imp_uid, merchant_uid: 'sub-2', status: 'paid' }
    ])
    expect(receiver.received.every((w) => w.path === '/iamport-webhook' && w.contentType === 'application/json')).toBe(true)
    expect((await t.get('/subscribe/payments/schedule/sub-3')).json().response.schedule_status).toBe('scheduled')
    expect(t.app.mock.store.merchantByKey('imp_apikey')!.payments.size).toBe(2)
  })

  it("sends a failed webhook for a declining card's scheduled attempt, whose payment is failed", async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1', { card_number: DECLINING_CARD })
    await schedule('cust_1', [item('sub-1', T0 + DAY)])

    const [payment] = (await advance(DAY)).payments

    expect(payment).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
    expect(bodies()).toEqual([{ imp_uid: payment!.imp_uid, merchant_uid: 'sub-1', status: 'failed' }])
    const wire = (await t.get(`/payments/${payment!.imp_uid}`)).json().response
    expect(wire).toMatchObject({ status: 'failed', customer_uid_usage: 'payment.scheduled', fail_reason: '잔액부족' })
  })

  it('sends nothing for a schedule that was unscheduled, which never runs', async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY), item('sub-2', T0 + 2 * DAY)])
    await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1', merchant_uid: ['sub-1'] })

    const { payments } = await advance(2 * DAY)

    expect(payments.map((p) => p.merchant_uid)).toEqual(['sub-2'])
    expect(bodies().map((b) => b.merchant_uid)).toEqual(['sub-2'])
    expect((await t.get('/subscribe/payments/schedule/sub-1')).json().response).toMatchObject({ schedule_status: 'revoked', imp_uid: null })
  })

  it("sends to the schedule's notice_url rather than the console URL", async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY, { notice_url: `${receiver.url}/per-schedule` })])

    await advance(DAY)

    expect(receiver.received.map((w) => w.path)).toEqual(['/per-schedule'])
  })

  it("sends a form when the merchant's console says application/x-www-form-urlencoded", async () => {
    await appWithWebhooks({ webhook_content_type: 'application/x-www-form-urlencoded' })
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY)])

    const [payment] = (await advance(DAY)).payments

    const [webhook] = receiver.received
    expect(webhook!.contentType).toBe('application/x-www-form-urlencoded')
    expect(webhook!.raw).toBe(`imp_uid=${payment!.imp_uid}&merchant_uid=sub-1&status=paid`)
  })
})

describe('webhooks of API payments and cancels', () => {
  it('sends paid for again and onetime, and nothing for a declined again', async () => {
    await appWithWebhooks()
    await t.issueKey('good')
    await t.issueKey('bad', { card_number: DECLINING_CARD })

    const paid = (await t.again('good', 'order-1')).response
    const declined = (await t.again('bad', 'order-2')).response
    const onetime = (
      await t.post('/subscribe/payments/onetime', {
        merchant_uid: 'order-3',
        amount: 5000,
        card_number: '4242-4242-4242-4242',
        expiry: '2030-12',
        notice_url: `${receiver.url}/onetime`
      })
    ).json().response
    expect(await t.app.webhooks.settle(5000)).toBe(true)

    expect(declined.status).toBe('failed')
    expect(receiver.received.map((w) => [w.path, w.body])).toEqual([
      ['/iamport-webhook', { imp_uid: paid.imp_uid, merchant_uid: 'order-1', status: 'paid' }],
      ['/onetime', { imp_uid: onetime.imp_uid, merchant_uid: 'order-3', status: 'paid' }]
    ])
  })

  it('sends cancelled, with the cancellation_id, only for a cancel with enable_webhook=true', async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1', 10000)
    await t.app.webhooks.settle(5000)

    await t.post('/payments/cancel', { merchant_uid: 'order-1', amount: 1000 })
    const cancelled = (await t.post('/payments/cancel', { merchant_uid: 'order-1', amount: 2000, enable_webhook: true })).json().response
    await t.app.webhooks.settle(5000)

    expect(bodies().map((b) => b.status)).toEqual(['paid', 'cancelled'])
    expect(bodies()[1]).toEqual({
      imp_uid: cancelled.imp_uid,
      merchant_uid: 'order-1',
      status: 'cancelled',
      cancellation_id: cancelled.cancel_history[1].cancellation_id
    })
  })

  it('sends nothing when neither the payment nor the merchant has a URL', async () => {
    receiver = await startReceiver()
    t = await createTestApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    expect(t.app.webhooks.listDeliveries()).toEqual([])
  })

  it('never puts card data in a webhook body', async () => {
    await appWithWebhooks()
    await t.post('/subscribe/payments/onetime', {
      merchant_uid: 'order-1',
      amount: 5000,
      card_number: '4242-4242-4242-4242',
      expiry: '2030-12',
      birth: '900101',
      pwd_2digit: '12',
      customer_uid: 'cust_1'
    })
    await t.app.webhooks.settle(5000)

    const [webhook] = receiver.received
    expect(Object.keys(webhook!.body).sort()).toEqual(['imp_uid', 'merchant_uid', 'status'])
    expect(webhook!.raw).not.toMatch(/4242|900101|2030/)
  })
})

describe('webhook retries on the simulator clock', () => {
  it('does not retry by default: a 500 leaves the delivery failed after one attempt', async () => {
    await appWithWebhooks()
    receiver.answer = () => 500
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    await advance(10 * 60)

    const [delivery] = t.app.webhooks.listDeliveries()
    expect(delivery).toMatchObject({ status: 'failed', next_attempt_at: null, retries_enabled: false })
    expect(delivery!.attempts.map((a) => [a.kind, a.status_code])).toEqual([['first', 500]])
    expect(receiver.received).toHaveLength(1)
  })

  it('retries a 500 one minute apart when enabled, and stops at the first 200', async () => {
    await appWithWebhooks({ webhook_retry: true })
    receiver.answer = (n) => (n <= 3 ? 500 : 200)
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY)])

    await advance(DAY)
    const [delivery] = t.app.webhooks.listDeliveries()
    expect(delivery).toMatchObject({ status: 'retrying', next_attempt_at: T0 + DAY + 60 })

    await advance(59)
    expect(receiver.received).toHaveLength(1) // a minute has not passed yet
    await advance(1)
    expect(receiver.received).toHaveLength(2)
    await advance(60)
    await advance(60)
    await advance(60 * 10)

    expect(receiver.received).toHaveLength(4)
    expect(delivery).toMatchObject({ status: 'delivered', next_attempt_at: null })
    expect(delivery!.attempts.map((a) => [a.n, a.kind, a.at, a.status_code])).toEqual([
      [1, 'first', T0 + DAY, 500],
      [2, 'retry', T0 + DAY + 60, 500],
      [3, 'retry', T0 + DAY + 120, 500],
      [4, 'retry', T0 + DAY + 180, 200]
    ])
    expect(new Set(receiver.received.map((w) => w.raw)).size).toBe(1) // the same body every time
  })

  it('gives up after 5 retries, sending every retry a long clock jump owes, in turn', async () => {
    await appWithWebhooks({ webhook_retry: true })
    receiver.answer = () => 503
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    await advance(3600)

    const [delivery] = t.app.webhooks.listDeliveries()
    expect(delivery!.status).toBe('failed')
    expect(delivery!.attempts).toHaveLength(1 + MAX_RETRIES)
    expect(receiver.received).toHaveLength(1 + MAX_RETRIES)
  })

  it('does not retry an answer that is neither a network error nor a 5xx', async () => {
    await appWithWebhooks({ webhook_retry: true })
    receiver.answer = () => 404
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    await advance(600)

    expect(t.app.webhooks.listDeliveries()[0]).toMatchObject({ status: 'failed' })
    expect(receiver.received).toHaveLength(1)
  })

  it('retries when the receiver cannot be reached, recording the network error', async () => {
    await appWithWebhooks({ webhook_retry: true })
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1', 9900, { notice_url: `${UNREACHABLE_URL}/gone` })
    await t.app.webhooks.settle(5000)

    const [delivery] = t.app.webhooks.listDeliveries()
    expect(delivery).toMatchObject({ status: 'retrying' })
    expect(delivery!.attempts[0]).toMatchObject({ status_code: null, error: 'ECONNREFUSED' })
  })

  it('gives a receiver that never answers the configured read timeout', async () => {
    await appWithWebhooks({}, { read_timeout_ms: 50 })
    receiver.answer = () => 'hang'
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')

    expect(await t.app.webhooks.settle(5000)).toBe(true)

    expect(t.app.webhooks.listDeliveries()[0]!.attempts[0]).toMatchObject({ status_code: null, error: 'read timeout' })
  })

  it('answers a clock move without waiting past settle_timeout_ms for a slow receiver', async () => {
    await appWithWebhooks({}, { settle_timeout_ms: 20 })
    receiver.answer = () => 'hang'
    await t.issueKey('cust_1')
    await schedule('cust_1', [item('sub-1', T0 + DAY)])

    t.clock.advance(DAY)
    const result = await t.app.schedules.runDue()

    expect(result.payments).toHaveLength(1)
    expect(result.settled).toBe(false)
    expect(t.app.webhooks.listDeliveries()[0]).toMatchObject({ status: 'pending', attempts: [] })
  })
})

describe('webhook faults', () => {
  it('drops a webhook: nothing is sent, the outbox says dropped', async () => {
    await appWithWebhooks()
    t.app.webhooks.faults.add({ action: 'drop', match: { merchant_uid: 'order-1' } })
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.again('cust_1', 'order-2')
    await t.app.webhooks.settle(5000)

    expect(bodies().map((b) => b.merchant_uid)).toEqual(['order-2'])
    expect(t.app.webhooks.listDeliveries({ merchant_uid: 'order-1' })).toMatchObject([{ status: 'dropped', fault: 'drop', attempts: [] }])
  })

  it('duplicates a webhook: the receiver gets the same body twice', async () => {
    await appWithWebhooks()
    t.app.webhooks.faults.add({ action: 'duplicate' })
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    expect(receiver.received).toHaveLength(2)
    expect(receiver.received[0]!.raw).toBe(receiver.received[1]!.raw)
    const [original, copy] = t.app.webhooks.listDeliveries()
    expect(copy).toMatchObject({ duplicate_of: original!.id, status: 'delivered' })
  })

  it('delays a webhook by simulator seconds: it is sent once the clock has moved that far', async () => {
    await appWithWebhooks()
    t.app.webhooks.faults.add({ action: 'delay', delay_seconds: 300, match: { status: 'paid' } })
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)
    expect(receiver.received).toHaveLength(0)
    expect(t.app.webhooks.listDeliveries()[0]).toMatchObject({ status: 'pending', next_attempt_at: T0 + 300 })

    await advance(299)
    expect(receiver.received).toHaveLength(0)
    await advance(1)

    expect(receiver.received).toHaveLength(1)
    expect(t.app.webhooks.listDeliveries()[0]).toMatchObject({ status: 'delivered', attempts: [{ kind: 'first', at: T0 + 300 }] })
  })

  it('acts as many times as a rule says, then no more', async () => {
    await appWithWebhooks()
    t.app.webhooks.faults.add({ action: 'drop', times: 2 })
    await t.issueKey('cust_1')
    for (const uid of ['order-1', 'order-2', 'order-3']) await t.again('cust_1', uid)
    await t.app.webhooks.settle(5000)

    expect(bodies().map((b) => b.merchant_uid)).toEqual(['order-3'])
    expect(t.app.webhooks.faults.list()).toEqual([])
  })
})

describe('hand-made sends and redelivery', () => {
  it('sends the console test sample to a URL and records the answer', async () => {
    await appWithWebhooks()

    const delivery = await t.app.webhooks.sendCustom({ url: `${receiver.url}/test-button` })

    expect(bodies()).toEqual([SAMPLE_BODY])
    expect(delivery).toMatchObject({ trigger: 'manual', status: 'delivered', attempts: [{ kind: 'first', status_code: 200 }] })
  })

  it('redelivers a failed delivery on request and records the new attempt', async () => {
    await appWithWebhooks()
    receiver.answer = (n) => (n === 1 ? 500 : 200)
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)
    const [delivery] = t.app.webhooks.listDeliveries()
    expect(delivery!.status).toBe('failed')

    await t.app.webhooks.redeliver(delivery!.id)

    expect(delivery!.status).toBe('delivered')
    expect(delivery!.attempts.map((a) => [a.kind, a.status_code])).toEqual([
      ['first', 500],
      ['redeliver', 200]
    ])
  })

  it('forgets the deliveries of a merchant that is reset', async () => {
    await appWithWebhooks()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')
    await t.app.webhooks.settle(5000)

    t.app.mock.store.reset('imp_apikey')

    expect(t.app.webhooks.listDeliveries()).toEqual([])
  })
})
