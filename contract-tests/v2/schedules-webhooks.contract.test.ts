/**
 * PortOne V2 schedules and webhooks through the unmodified @portone/server-sdk: schedules made,
 * read, listed, revoked and run by the control API's clock; every webhook verified with the SDK's
 * own `Webhook.verify`; and the whole "Done when" story of issue 18 in one test.
 */
import { describe, expect, it } from 'vitest'
import { Webhook } from '@portone/server-sdk'
import { APPROVED, INSUFFICIENT_BALANCE_CARD, START_MS, STORE_A, WEBHOOK_SECRET, expectConformance, sdkError, useV2Harness } from './harness.js'

const h = useV2Harness()
const HOUR = 3600

async function newKey(number = APPROVED.number): Promise<string> {
  const issued = await h.client.payment.billingKey.issueBillingKey({ method: { card: { credential: { ...APPROVED, number } } } })
  return issued.billingKeyInfo.billingKey
}

function schedule(paymentId: string, billingKey: string, inSeconds: number, total = 8900) {
  return h.client.payment.paymentSchedule.createPaymentSchedule({
    paymentId,
    payment: { billingKey, orderName: '월간 이용권 정기결제', customer: { id: 'subscriber' }, amount: { total }, currency: 'KRW' },
    timeToPay: new Date(Date.parse(virtualNow()) + inSeconds * 1000).toISOString()
  })
}

/** The simulator's virtual now, from the control API. */
let clockMs = START_MS
function virtualNow(): string {
  return new Date(clockMs).toISOString()
}
async function advance(seconds: number): Promise<void> {
  await h.advance(seconds)
  clockMs += seconds * 1000
}

/** Every webhook received so far, verified with the SDK (throws on a bad signature). */
async function verifiedWebhooks(): Promise<Array<{ type: string; timestamp: string; data: Record<string, string> }>> {
  const out: Array<{ type: string; timestamp: string; data: Record<string, string> }> = []
  for (const w of h.webhooks) out.push((await Webhook.verify(WEBHOOK_SECRET, w.raw, w.headers as Record<string, string>)) as never)
  return out
}

describe('V2 schedules and webhooks', () => {
  it('does the whole story with only baseUrl changed, every webhook verified', async () => {
    const key = await newKey()
    await h.client.payment.payWithBillingKey({
      paymentId: 'story-1',
      billingKey: key,
      orderName: '첫 결제',
      amount: { total: 10_000 },
      currency: 'KRW'
    })
    expect((await h.client.payment.getPayment({ paymentId: 'story-1' })).status).toBe('PAID')
    await h.client.payment.cancelPayment({ paymentId: 'story-1', amount: 4000, reason: '부분 취소' })
    await h.client.payment.cancelPayment({ paymentId: 'story-1', reason: '나머지 취소' })
    expect((await h.client.payment.getPayment({ paymentId: 'story-1' })).status).toBe('CANCELLED')

    const revoked = await schedule('story-revoked', key, HOUR)
    const { revokedScheduleIds } = await h.client.payment.paymentSchedule.revokePaymentSchedules({ scheduleIds: [revoked.schedule.id] })
    expect(revokedScheduleIds).toEqual([revoked.schedule.id])
    const planned = await schedule('story-2', key, 2 * HOUR)
    await advance(2 * HOUR)
    const ran = await h.client.payment.paymentSchedule.getPaymentSchedule({ paymentScheduleId: planned.schedule.id })
    expect(ran.status).toBe('SUCCEEDED')
    const paid = await h.client.payment.getPayment({ paymentId: 'story-2' })
    expect(paid).toMatchObject({ status: 'PAID', scheduleId: planned.schedule.id, billingKey: key })
    await h.client.payment.billingKey.deleteBillingKey({ billingKey: key })

    const types = (await verifiedWebhooks()).map((w) => w.type)
    expect(types).toEqual([
      'BillingKey.Issued',
      'Transaction.Paid',
      'Transaction.PartialCancelled',
      'Transaction.Cancelled',
      'Transaction.Paid',
      'BillingKey.Deleted'
    ])
  })

  it('signs with the wall clock while the body timestamp follows the virtual clock', async () => {
    const last = h.webhooks.at(-1)!
    const signedAt = Number(last.headers['webhook-timestamp'])
    expect(Math.abs(signedAt - Date.now() / 1000)).toBeLessThan(60)
    const body = JSON.parse(last.raw) as { timestamp: string; data: Record<string, string> }
    expect(body.timestamp).toBe(virtualNow())
    expect(body.data.storeId).toBe(STORE_A)
    expect(last.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    await expect(Webhook.verify('whsec_d3Jvbmctc2VjcmV0', last.raw, last.headers as Record<string, string>)).rejects.toThrow(
      Webhook.WebhookVerificationError
    )
  })

  it('carries paymentId, transactionId and cancellationId in transaction webhooks, and lists them in the outbox', async () => {
    const webhooks = await verifiedWebhooks()
    const cancelled = webhooks.find((w) => w.type === 'Transaction.Cancelled')!
    const payment = await h.client.payment.getPayment({ paymentId: 'story-1' })
    expect(cancelled.data).toMatchObject({ paymentId: 'story-1', transactionId: (payment as { transactionId: string }).transactionId })
    if (payment.status !== 'CANCELLED') throw new Error('story-1 should be cancelled')
    expect(cancelled.data.cancellationId).toBe((payment.cancellations[1] as { id: string }).id)
    const deliveries = await h.deliveries()
    expect(deliveries.map((d) => d.trigger)).toEqual(webhooks.map((w) => w.type))
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true)
  })

  it('fails a due schedule whose card declines: FAILED schedule, FAILED payment, Transaction.Failed', async () => {
    const poor = await newKey(INSUFFICIENT_BALANCE_CARD)
    const planned = await schedule('sched-declined', poor, HOUR)
    expect((await h.client.payment.paymentSchedule.getPaymentSchedule({ paymentScheduleId: planned.schedule.id })).status).toBe('SCHEDULED')
    await advance(HOUR)
    const failed = await h.client.payment.paymentSchedule.getPaymentSchedule({ paymentScheduleId: planned.schedule.id })
    expect(failed.status).toBe('FAILED')
    expect(await h.client.payment.getPayment({ paymentId: 'sched-declined' })).toMatchObject({ status: 'FAILED', scheduleId: planned.schedule.id })
    expect((await verifiedWebhooks()).at(-1)).toMatchObject({ type: 'Transaction.Failed', data: { paymentId: 'sched-declined' } })
  })

  it('lists schedules by billing key and status, and revokes every waiting schedule of a key', async () => {
    const key = await newKey()
    const a = await schedule('sched-list-a', key, HOUR)
    const b = await schedule('sched-list-b', key, 2 * HOUR)
    const listed = await h.client.payment.paymentSchedule.getPaymentSchedules({ filter: { billingKey: key, status: ['SCHEDULED'] } })
    expect(listed.items.map((s) => (s as { id: string }).id)).toEqual([b.schedule.id, a.schedule.id])
    const revoked = await h.client.payment.paymentSchedule.revokePaymentSchedules({ billingKey: key })
    expect(revoked.revokedScheduleIds.sort()).toEqual([a.schedule.id, b.schedule.id].sort())
    const after = await h.client.payment.paymentSchedule.getPaymentSchedule({ paymentScheduleId: a.schedule.id })
    expect(after).toMatchObject({ status: 'REVOKED', revokedAt: virtualNow() })
  })

  it('answers each schedule error as the SDK types it', async () => {
    const key = await newKey()
    await sdkError(h.client.payment.paymentSchedule.getPaymentSchedule({ paymentScheduleId: 'no-such-schedule' }), 'PAYMENT_SCHEDULE_NOT_FOUND')
    await sdkError(h.client.payment.paymentSchedule.revokePaymentSchedules({ scheduleIds: ['no-such-schedule'] }), 'PAYMENT_SCHEDULE_NOT_FOUND')
    const planned = await schedule('sched-errors', key, HOUR)
    await sdkError(schedule('sched-errors', key, 2 * HOUR), 'PAYMENT_SCHEDULE_ALREADY_EXISTS')
    await sdkError(h.client.payment.billingKey.deleteBillingKey({ billingKey: key }), 'PAYMENT_SCHEDULE_ALREADY_EXISTS')
    await h.client.payment.paymentSchedule.revokePaymentSchedules({ scheduleIds: [planned.schedule.id] })
    await sdkError(
      h.client.payment.paymentSchedule.revokePaymentSchedules({ scheduleIds: [planned.schedule.id] }),
      'PAYMENT_SCHEDULE_ALREADY_REVOKED'
    )
    const ran = await schedule('sched-processed', key, HOUR)
    await advance(HOUR)
    await sdkError(h.client.payment.paymentSchedule.revokePaymentSchedules({ scheduleIds: [ran.schedule.id] }), 'PAYMENT_SCHEDULE_ALREADY_PROCESSED')
    await sdkError(schedule('sched-processed', key, HOUR), 'ALREADY_PAID_OR_WAITING')
    await sdkError(schedule('sched-unknown-key', 'billing-key-unknown', HOUR), 'BILLING_KEY_NOT_FOUND')
    await sdkError(schedule('sched-past', key, -60), 'INVALID_REQUEST')
    await sdkError(h.client.payment.paymentSchedule.revokePaymentSchedules({}), 'INVALID_REQUEST')
    await h.client.payment.billingKey.deleteBillingKey({ billingKey: key })
    await sdkError(schedule('sched-deleted-key', key, HOUR), 'BILLING_KEY_ALREADY_DELETED')
  })

  it('every answer conforms to the official OpenAPI document', () => {
    expectConformance(h.exchanges)
  })
})
