import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { startReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.js'
import { MockControlError } from '../../client/mock-control.js'
import { createTestApp, type TestApp } from '../../test/support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness | undefined
let receiver: WebhookReceiver | undefined
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-merchants-'))
})
afterEach(async () => {
  await h?.close()
  await receiver?.close()
  h = receiver = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('runtime merchants (/__mock/merchants)', () => {
  it('a merchant made through the control API gets its webhook with no config file, and survives a restart with --data', async () => {
    const file = join(dir, 'data.jsonl')
    receiver = await startReceiver()
    h = await startHttp({ data: { file } })
    const created = await h.control.merchants.create({ name: 'test shop' })
    expect(created).toMatchObject({ name: 'test shop', origin: 'control', webhook_url: null, test_channel: false })
    expect(created.imp_key).toMatch(/^\d{16}$/)
    expect(created.imp_secret).toMatch(/^[A-Za-z0-9]{80}$/)
    expect(created.merchant_code).toMatch(/^imp\d{8}$/)

    const updated = await h.control.merchants.update(created.imp_key, { webhook_url: `${receiver.url}/iamport-webhook` })
    expect(updated.webhook_url).toBe(`${receiver.url}/iamport-webhook`)

    const shop = await h.merchant(created.imp_key, created.imp_secret)
    expect((await shop.issueKey('cust-1')).data.code).toBe(0)
    const paid = await shop.again('order-1', 'cust-1', 5000)
    expect(paid.data.response.status).toBe('paid')
    await h.control.webhooks.list({ impKey: created.imp_key })
    expect(receiver.received.map((w) => [w.path, w.body.merchant_uid, w.body.status])).toEqual([['/iamport-webhook', 'order-1', 'paid']])

    await h.close()
    h = await startHttp({ data: { file } })
    expect(await h.control.merchants.get(created.imp_key)).toEqual(updated)
    const again = await h.merchant(created.imp_key, created.imp_secret)
    expect((await again.find('order-1')).data.response.amount).toBe(5000)
    expect((await again.again('order-2', 'cust-1', 7000)).data.response.status).toBe('paid')
    await h.control.webhooks.list({ impKey: created.imp_key })
    expect(receiver.received.map((w) => w.body.merchant_uid)).toEqual(['order-1', 'order-2'])
  })

  it('lists, reads, changes and deletes merchants; a full reset keeps control-made merchants and empties them', async () => {
    h = await startHttp()
    const made = await h.control.merchants.create({
      imp_key: 'shop_a',
      imp_secret: 'secret_a',
      channels: [{ pg_provider: 'kakaopay', pg_id: 'TCSUBSCRIP' }],
      webhook_content_type: 'application/x-www-form-urlencoded',
      webhook_retry: true
    })
    expect(made).toMatchObject({
      imp_key: 'shop_a',
      imp_secret: 'secret_a',
      name: 'shop_a',
      channels: [{ pg_provider: 'kakaopay', pg_id: 'TCSUBSCRIP', sandbox: false }],
      webhook_content_type: 'application/x-www-form-urlencoded',
      webhook_retry: true
    })
    expect((await h.control.merchants.list()).map((m) => [m.imp_key, m.origin])).toEqual([
      [DEFAULT_MERCHANT.imp_key, 'config'],
      ['shop_a', 'control']
    ])
    // test_channel moves the channels whose sandbox flag followed it.
    const sandboxed = await h.control.merchants.update('shop_a', { test_channel: true, webhook_url: 'http://127.0.0.1:1/x' })
    expect(sandboxed.channels[0]!.sandbox).toBe(true)
    expect((await h.control.merchants.update('shop_a', { webhook_url: null })).webhook_url).toBeNull()

    const shop = await h.merchant('shop_a', 'secret_a')
    await shop.issueKey('c1')
    await h.control.reset()
    expect((await h.control.merchants.get('shop_a')).origin).toBe('control')
    expect((await h.control.state('shop_a')).merchants[0]!.billing_keys).toEqual([])

    await h.control.merchants.remove('shop_a')
    await expect(h.control.merchants.get('shop_a')).rejects.toMatchObject({ status: 404, code: 'unknown_merchant' })
    expect((await h.api.post('/users/getToken', { imp_key: 'shop_a', imp_secret: 'secret_a' })).data.code).not.toBe(0)
  })

  it('refuses settings the config file would refuse, a taken imp_key, and an unknown merchant, changing nothing', async () => {
    h = await startHttp()
    const bad = await h.control.merchants.create({ webhook_content_type: 'text/xml' as never }).then(
      () => null,
      (e: unknown) => e
    )
    expect(bad).toBeInstanceOf(MockControlError)
    expect(bad).toMatchObject({ status: 400, code: 'invalid_request' })
    await expect(h.control.merchants.create({ imp_key: DEFAULT_MERCHANT.imp_key })).rejects.toMatchObject({ status: 409, code: 'merchant_exists' })
    await expect(h.control.merchants.update('nobody', { name: 'x' })).rejects.toMatchObject({ status: 404, code: 'unknown_merchant' })
    await expect(h.control.merchants.update(DEFAULT_MERCHANT.imp_key, { channels: [{ pg_provider: '', pg_id: 'x' }] })).rejects.toMatchObject({
      status: 400
    })
    expect((await h.control.merchants.list()).length).toBe(1)
    expect((await h.control.merchants.get(DEFAULT_MERCHANT.imp_key)).channels.length).toBe(2)
  })
})

describe('runtime merchants and --data', () => {
  let t: TestApp | undefined
  afterEach(async () => {
    await t?.app.close()
    t = undefined
  })

  it('keeps a changed configured merchant, a reset control-made one, and a deleted one deleted', async () => {
    const file = join(dir, 'data.jsonl')
    t = await createTestApp({ data: { file } })
    const post = (url: string, payload: object, method: 'POST' | 'PATCH' = 'POST') => t!.app.inject({ method, url, payload })
    expect((await post('/__mock/merchants', { imp_key: 'gone', imp_secret: 's' })).statusCode).toBe(201)
    expect((await post('/__mock/merchants', { imp_key: 'kept', imp_secret: 's', name: 'kept shop' })).statusCode).toBe(201)
    // A full reset empties it but keeps it, in the file too.
    await post('/__mock/reset', {})
    expect((await t.app.inject({ method: 'DELETE', url: '/__mock/merchants/gone' })).json()).toEqual({ deleted: 'gone' })
    await post(`/__mock/merchants/${DEFAULT_MERCHANT.imp_key}`, { webhook_url: 'http://127.0.0.1:1/hook' }, 'PATCH')
    await t.app.close()
    expect(readFileSync(file, 'utf8')).toContain('"t":"merchant_settings"')

    t = await createTestApp({ data: { file } })
    const list = (await t.app.inject({ url: '/__mock/merchants' })).json().merchants
    expect(list.map((m: { imp_key: string; webhook_url: string | null; name: string }) => [m.imp_key, m.name, m.webhook_url])).toEqual([
      [DEFAULT_MERCHANT.imp_key, 'docs test merchant', 'http://127.0.0.1:1/hook'],
      ['kept', 'kept shop', null]
    ])
  })
})
