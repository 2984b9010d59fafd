/**
 * The worked example of docs/schedules-and-clock.md ("Testing a monthly renewal"), run as written:
 * imports aside (the page imports from the package), every line of its code block must appear in this file, which
 * the last test checks.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createMockServer, type MockServer } from '../../server.js'
import { createIamportClient, type IamportClient } from '../../../client/index.js'
import { createMockControl, type MockControl } from '../../../client/mock-control.js'

// --- your app: monthly renewals through i'mport schedules, and its webhook endpoint ---------
const DAY = 86_400
const subscriptions = new Map<string, 'active' | 'past_due'>()
let iamport: IamportClient

async function handleWebhook(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let raw = ''
  for await (const chunk of req) raw += chunk
  const { imp_uid, merchant_uid } = JSON.parse(raw)
  // V1 webhooks are not signed: look the payment up before trusting it.
  const payment = await iamport.payments.get(imp_uid)
  const schedule = await iamport.schedules.get(merchant_uid)
  if (payment.status === 'paid') subscriptions.set(schedule.customer_uid, 'active')
  if (payment.status === 'failed') {
    subscriptions.set(schedule.customer_uid, 'past_due')
    // Dunning: try the same renewal again three days later.
    await iamport.schedules.reschedule(merchant_uid, { schedule_at: schedule.executed_at + 3 * DAY })
  }
  res.end('OK')
}
// ---------------------------------------------------------------------------------------------

const KEY = { impKey: 'imp_apikey', impSecret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f' }
let endpoint: http.Server
let server: MockServer
let mock: MockControl

beforeAll(async () => {
  endpoint = http.createServer((req, res) => void handleWebhook(req, res))
  await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve))
  const webhookUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/iamport/webhook`
  server = await createMockServer({
    config: { merchants: [{ imp_key: KEY.impKey, imp_secret: KEY.impSecret, webhook_url: webhookUrl }] }
  })
  mock = createMockControl(server.url)
  iamport = createIamportClient({ baseURL: server.url, ...KEY })
})
afterAll(async () => {
  await server.close()
  endpoint.close()
})

it('renews monthly, and retries a declined renewal three days later', async () => {
  const start = Date.UTC(2026, 2, 1) / 1000
  await mock.clock.set(start, { freeze: true }) // 2026-03-01, standing still until moved
  await iamport.billingKeys.issue('customer_1', {
    card_number: '4242-4242-4242-4242',
    expiry: '2030-12',
    birth: '900101',
    pwd_2digit: '12'
  })
  await iamport.schedules.schedule({
    customer_uid: 'customer_1',
    schedules: [{ merchant_uid: 'customer_1-2026-04', schedule_at: start + 31 * DAY, amount: 9900, name: '월간 이용권' }]
  })
  // The April renewal is declined once (insufficient balance), then the card works again.
  await mock.faults.add({ match: { merchant_uid: 'customer_1-2026-04' }, action: { type: 'decline', fail_reason: '잔액부족' } })

  await mock.clock.advance(31 * DAY) // resolves once the renewal ran and your endpoint answered its webhook
  expect(subscriptions.get('customer_1')).toBe('past_due')
  expect(await iamport.schedules.get('customer_1-2026-04')).toMatchObject({
    schedule_status: 'scheduled',
    schedule_at: start + 34 * DAY
  })

  await mock.clock.advance(3 * DAY)
  expect(subscriptions.get('customer_1')).toBe('active')

  const { deliveries } = await mock.webhooks.list({ merchantUid: 'customer_1-2026-04' })
  expect(deliveries.map((d) => [d.body.status, d.status, d.attempts[0]!.status_code])).toEqual([
    ['failed', 'delivered', 200],
    ['paid', 'delivered', 200]
  ])
})

it('is the code docs/schedules-and-clock.md shows', () => {
  const page = readFileSync(new URL('../../../docs/schedules-and-clock.md', import.meta.url), 'utf8')
  const start = page.indexOf('### Testing a monthly renewal')
  expect(start).toBeGreaterThan(-1)
  const block = /```ts\n([\s\S]*?)```/.exec(page.slice(start))![1]!
  const self = readFileSync(new URL(import.meta.url), 'utf8')
  const lines = block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('import '))
  expect(lines.length).toBeGreaterThan(20)
  for (const line of lines) expect(self, line).toContain(line)
})
