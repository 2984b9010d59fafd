import { afterEach, describe, expect, it } from 'vitest'
import { T0 } from '../../test/support/helpers.js'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { startReceiver, UNREACHABLE_URL, type WebhookReceiver } from '../../test/support/webhook-receiver.js'
import { MockControlError } from '../../client/mock-control.js'
import { SAMPLE_BODY } from '../shared/webhooks/service.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
let receiver: WebhookReceiver
afterEach(async () => {
  await h?.close()
  await receiver?.close()
})

async function start(controlToken?: string) {
  receiver = await startReceiver()
  h = await startHttp({
    schedulePollMs: 0,
    config: {
      merchants: [{ ...DEFAULT_MERCHANT, webhook_url: `${receiver.url}/hook` }],
      ...(controlToken === undefined ? {} : { control: { token: controlToken } })
    }
  })
}

/** A paid `again` for order `merchantUid`; its webhook is sent at once. */
async function pay(merchantUid: string) {
  const m = await h.merchant()
  await m.issueKey('cust_1')
  const res = await m.again(merchantUid, 'cust_1')
  expect(res.data.response.status).toBe('paid')
  return res.data.response.imp_uid as string
}

async function controlError(call: Promise<unknown>): Promise<MockControlError> {
  const err = await call.then(
    () => {
      throw new Error('expected the control call to fail')
    },
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(MockControlError)
  return err as MockControlError
}

describe('GET /__mock/webhooks (the outbox)', () => {
  it('lists each delivery with its body, URL and attempts once the attempts in flight are over', async () => {
    await start()
    const impUid = await pay('order-1')

    const { settled, deliveries } = await h.control.webhooks.list()

    expect(settled).toBe(true)
    expect(deliveries).toEqual([
      {
        id: 'whd_1',
        imp_key: DEFAULT_MERCHANT.imp_key,
        trigger: 'payment.paid',
        url: `${receiver.url}/hook`,
        content_type: 'application/json',
        body: { imp_uid: impUid, merchant_uid: 'order-1', status: 'paid' },
        created_at: T0,
        status: 'delivered',
        retries_enabled: false,
        next_attempt_at: null,
        attempts: [
          {
            n: 1,
            kind: 'first',
            at: T0,
            status_code: 200,
            error: null,
            duration_ms: expect.any(Number),
            response_excerpt: 'OK'
          }
        ],
        fault: null,
        duplicate_of: null
      }
    ])
  })

  it('filters by imp_key, imp_uid and merchant_uid', async () => {
    await start()
    const first = await pay('order-1')
    await pay('order-2')

    expect((await h.control.webhooks.list({ impUid: first })).deliveries.map((d) => d.body.merchant_uid)).toEqual(['order-1'])
    expect((await h.control.webhooks.list({ merchantUid: 'order-2' })).deliveries.map((d) => d.body.imp_uid)).not.toContain(first)
    expect((await h.control.webhooks.list({ impKey: DEFAULT_MERCHANT.imp_key })).deliveries).toHaveLength(2)
    const unknown = await controlError(h.control.webhooks.list({ impKey: 'nobody' }))
    expect(unknown).toMatchObject({ status: 404, code: 'unknown_merchant' })
  })

  it('answers at once with wait=false, showing an attempt still in flight as pending', async () => {
    await start()
    receiver.answer = () => 'hang'
    await pay('order-1')

    const { settled, deliveries } = await h.control.webhooks.list({ wait: false })

    expect(settled).toBe(true)
    expect(deliveries[0]).toMatchObject({ status: 'pending', attempts: [] })
  })

  it('answers one delivery by id, and 404 webhook_not_found for an unknown one', async () => {
    await start()
    await pay('order-1')

    expect(await h.control.webhooks.get('whd_1')).toMatchObject({ id: 'whd_1', status: 'delivered' })
    expect(await controlError(h.control.webhooks.get('whd_99'))).toMatchObject({ status: 404, code: 'webhook_not_found' })
  })
})

describe('POST /__mock/webhooks/{id}/redeliver', () => {
  it('sends the delivery again and answers it with the new attempt', async () => {
    await start()
    receiver.answer = (n) => (n === 1 ? 503 : 200)
    await pay('order-1')
    expect((await h.control.webhooks.get('whd_1')).status).toBe('failed')

    const delivery = await h.control.webhooks.redeliver('whd_1')

    expect(delivery.status).toBe('delivered')
    expect(delivery.attempts.map((a) => [a.n, a.kind, a.status_code])).toEqual([
      [1, 'first', 503],
      [2, 'redeliver', 200]
    ])
    expect(receiver.received.map((w) => w.raw)).toEqual([receiver.received[0]!.raw, receiver.received[0]!.raw])
    expect(await controlError(h.control.webhooks.redeliver('whd_99'))).toMatchObject({ status: 404, code: 'webhook_not_found' })
  })
})

describe('POST /__mock/webhooks/send', () => {
  it('sends the console test sample by default', async () => {
    await start()

    const delivery = await h.control.webhooks.send({ url: `${receiver.url}/test` })

    expect(receiver.received.map((w) => [w.path, w.body])).toEqual([['/test', SAMPLE_BODY]])
    expect(delivery).toMatchObject({ trigger: 'manual', imp_key: null, status: 'delivered' })
  })

  it("sends a custom body as a form, on a merchant's clock", async () => {
    await start()

    const delivery = await h.control.webhooks.send({
      url: `${receiver.url}/test`,
      body: { imp_uid: 'imps_000000000001', merchant_uid: 'order-9', status: 'cancelled' },
      content_type: 'application/x-www-form-urlencoded',
      imp_key: DEFAULT_MERCHANT.imp_key
    })

    expect(receiver.received[0]!.raw).toBe('imp_uid=imps_000000000001&merchant_uid=order-9&status=cancelled')
    expect(delivery).toMatchObject({ imp_key: DEFAULT_MERCHANT.imp_key, created_at: T0 })
  })

  it('records a receiver that cannot be reached as a failed delivery with the network error', async () => {
    await start()
    const delivery = await h.control.webhooks.send({ url: `${UNREACHABLE_URL}/test` })

    expect(delivery).toMatchObject({ status: 'failed', attempts: [{ status_code: null, error: 'ECONNREFUSED' }] })
  })

  it('refuses a URL that is not http(s) and an unknown merchant', async () => {
    await start()

    expect(await controlError(h.control.webhooks.send({ url: 'ftp://127.0.0.1/x' }))).toMatchObject({ status: 400, code: 'invalid_request' })
    expect(await controlError(h.control.webhooks.send({ url: `${receiver.url}/x`, imp_key: 'nobody' }))).toMatchObject({
      status: 404,
      code: 'unknown_merchant'
    })
    expect(receiver.received).toEqual([])
  })
})

describe('/__mock/webhooks/faults', () => {
  it('adds, lists and deletes webhook faults', async () => {
    await start()

    const drop = await h.control.webhooks.faults.add({ action: 'drop', match: { merchant_uid: 'order-1' } })
    const delay = await h.control.webhooks.faults.add({ action: 'delay', delay_seconds: 120, times: null })

    expect(drop).toEqual({
      id: 'whf_1',
      match: { merchant_uid: 'order-1' },
      action: 'drop',
      delay_seconds: null,
      times: 1,
      remaining: 1,
      hits: 0
    })
    expect((await h.control.webhooks.faults.list()).map((f) => f.id)).toEqual([drop.id, delay.id])
    await h.control.webhooks.faults.remove(drop.id)
    expect((await h.control.webhooks.faults.list()).map((f) => f.id)).toEqual([delay.id])
    expect(await h.control.webhooks.faults.clear()).toBe(1)
    expect(await controlError(h.control.webhooks.faults.remove('whf_9'))).toMatchObject({ status: 404, code: 'webhook_fault_not_found' })
  })

  it('refuses a delay without delay_seconds and an unknown action, saying why', async () => {
    await start()

    const noSeconds = await controlError(h.control.webhooks.faults.add({ action: 'delay' }))
    const unknown = await controlError(h.control.webhooks.faults.add({ action: 'explode' as 'drop' }))

    expect(noSeconds).toMatchObject({ status: 400, code: 'invalid_request', message: 'a delay needs delay_seconds > 0' })
    expect(unknown).toMatchObject({ status: 400, code: 'invalid_request' })
    expect(await h.control.webhooks.faults.list()).toEqual([])
  })

  it('drops the matching webhook and delays another until the clock has moved past it', async () => {
    await start()
    await h.control.webhooks.faults.add({ action: 'drop', match: { merchant_uid: 'order-1' } })
    await h.control.webhooks.faults.add({ action: 'delay', delay_seconds: 600, match: { merchant_uid: 'order-2' } })
    await pay('order-1')
    await pay('order-2')
    await h.control.webhooks.list()
    expect(receiver.received).toEqual([])

    await h.control.clock.advance(600)

    expect(receiver.received.map((w) => w.body.merchant_uid)).toEqual(['order-2'])
    expect((await h.control.webhooks.list()).deliveries.map((d) => [d.body.merchant_uid, d.status, d.fault])).toEqual([
      ['order-1', 'dropped', 'drop'],
      ['order-2', 'delivered', 'delay']
    ])
  })

  it('are guarded by the control token like the rest of the control API', async () => {
    await start('s3cret')

    const res = await h.api.get('/__mock/webhooks')

    expect(res.status).toBe(401)
    expect(res.data.error.code).toBe('unauthorized')
  })
})
