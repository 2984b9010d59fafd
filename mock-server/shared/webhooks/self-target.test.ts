/**
 * A webhook aimed at the simulator itself (its own port, under any loopback name) is refused at
 * delivery with an attempt error that says why, and never retried: it cannot reach the control
 * API (one merchant redelivering another's webhooks), nor loop on its own redeliver route.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../../test/support/http.js'
import { startReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js'

let h: HttpHarness
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await h?.close()
  await receiver?.close()
  receiver = undefined
})

describe('a webhook aimed at the simulator itself', () => {
  it('per-request notice_url at its own redeliver route: refused with a reason, one attempt, no retry', async () => {
    h = await startHttp({ config: { merchants: [{ imp_key: 'shop', imp_secret: 'secret', webhook_retry: true }] } })
    const m = await h.merchant('shop', 'secret')
    await m.issueKey('c1')
    const started = performance.now()
    const res = await m.http.post('/subscribe/payments/again', {
      customer_uid: 'c1',
      merchant_uid: 'o1',
      amount: 1000,
      name: 'x',
      notice_url: `${h.url}/__mock/webhooks/1/redeliver`
    })
    expect(res.data.code).toBe(0)
    const { deliveries } = await h.control.webhooks.list()
    expect(performance.now() - started).toBeLessThan(2000)
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ status: 'failed', next_attempt_at: null })
    expect(deliveries[0]!.attempts).toHaveLength(1)
    expect(deliveries[0]!.attempts[0]!.status_code).toBeNull()
    expect(deliveries[0]!.attempts[0]!.error).toMatch(/is this simulator itself/)
    // Moving the clock past every retry minute sends nothing more.
    await h.control.clock.advance(3600, { impKey: 'shop' })
    expect((await h.control.webhooks.list()).deliveries[0]!.attempts).toHaveLength(1)
  })

  it('under another loopback name, and sent by hand through /__mock/webhooks/send', async () => {
    h = await startHttp()
    const port = new URL(h.url).port
    for (const url of [`http://localhost:${port}/__mock/reset`, `http://127.0.0.2:${port}/x`, `${h.url}/__mock/webhooks/send`]) {
      const delivery = await h.control.webhooks.send({ url })
      expect(delivery.status, url).toBe('failed')
      expect(delivery.attempts[0]!.error, url).toMatch(/is this simulator itself/)
    }
  })

  it('leaves other receivers on loopback alone', async () => {
    h = await startHttp()
    receiver = await startReceiver()
    const delivery = await h.control.webhooks.send({ url: `${receiver.url}/hook` })
    expect(delivery.status).toBe('delivered')
  })
})
