/**
 * V2 webhooks through the shared outbox: webhook faults (drop, duplicate) and redelivery by the
 * control API, each delivery still verified by the SDK's `Webhook.verify`.
 */
import { describe, expect, it } from 'vitest'
import { Webhook } from '@portone/server-sdk'
import { APPROVED, WEBHOOK_SECRET, expectConformance, useV2Harness } from './harness.js'

const h = useV2Harness()

async function control(path: string, body?: unknown): Promise<Response> {
  return fetch(`${h.server.url}/__mock${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
}

async function payOnce(paymentId: string): Promise<void> {
  const { billingKeyInfo } = await h.client.payment.billingKey.issueBillingKey({ method: { card: { credential: APPROVED } } })
  await h.client.payment.payWithBillingKey({
    paymentId,
    billingKey: billingKeyInfo.billingKey,
    orderName: 'o',
    amount: { total: 100 },
    currency: 'KRW'
  })
}

describe('V2 webhooks in the outbox', () => {
  it('drops a webhook a fault names, and sends it, signed anew, when redelivered', async () => {
    expect((await control('/webhooks/faults', { match: { merchant_uid: 'hook-dropped' }, action: 'drop' })).status).toBe(201)
    await payOnce('hook-dropped')
    const dropped = (await h.deliveries()).find((d) => d.body.paymentId === 'hook-dropped')! as { id?: string; status: string }
    expect(dropped.status).toBe('dropped')
    const before = h.webhooks.length
    const all = (await (await fetch(`${h.server.url}/__mock/webhooks`)).json()) as { deliveries: Array<{ id: string; body: Record<string, string> }> }
    const id = all.deliveries.find((d) => d.body.paymentId === 'hook-dropped')!.id
    expect((await control(`/webhooks/${id}/redeliver`)).status).toBe(200)
    expect(h.webhooks.length).toBe(before + 1)
    const received = h.webhooks.at(-1)!
    expect(await Webhook.verify(WEBHOOK_SECRET, received.raw, received.headers as Record<string, string>)).toMatchObject({
      type: 'Transaction.Paid',
      data: { paymentId: 'hook-dropped' }
    })
  })

  it('sends a duplicated webhook twice with one webhook-id, so a receiver can tell', async () => {
    expect((await control('/webhooks/faults', { match: { merchant_uid: 'hook-twice' }, action: 'duplicate' })).status).toBe(201)
    const before = h.webhooks.length
    await payOnce('hook-twice')
    await h.deliveries()
    const copies = h.webhooks.slice(before).filter((w) => w.raw.includes('"hook-twice"'))
    expect(copies).toHaveLength(2)
    expect(copies[0]!.headers['webhook-id']).toBe(copies[1]!.headers['webhook-id'])
    for (const c of copies) await Webhook.verify(WEBHOOK_SECRET, c.raw, c.headers as Record<string, string>)
  })

  it('every answer conforms to the official OpenAPI document', () => {
    expectConformance(h.exchanges)
  })
})
