/**
 * SIGTERM ends the built command with exit 0 within a second in every case: with webhook
 * deliveries in flight to a receiver that never answers, with a control read waiting on them,
 * and with a dead stdout (its reader gone) under a busy log.
 */
import { afterEach, describe, expect, it } from 'vitest'
import axios from 'axios'
import { spawnCli, stopCli, type SpawnedServer } from '../test/support/spawn.js'
import { startReceiver, type WebhookReceiver } from '../test/support/webhook-receiver.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'
import { APPROVED_CARD } from '../fixtures/cards/catalogue.js'

let server: SpawnedServer | undefined
let receiver: WebhookReceiver | undefined
afterEach(async () => {
  await stopCli(server)
  server = undefined
  await receiver?.close()
  receiver = undefined
})

async function merchantHttp(url: string) {
  const token = (await axios.post(`${url}/users/getToken`, DEFAULT_MERCHANT)).data.response.access_token as string
  return axios.create({ baseURL: url, headers: { Authorization: token }, validateStatus: () => true })
}

async function termWithin(s: SpawnedServer): Promise<{ code: number | null; ms: number }> {
  const started = performance.now()
  s.child.kill('SIGTERM')
  const code = await s.exited
  return { code, ms: performance.now() - started }
}

describe('SIGTERM', () => {
  it('exits 0 within a second with deliveries in flight and a control read waiting on them', async () => {
    receiver = await startReceiver(() => 'hang')
    server = await spawnCli(['--port', '0', '--log-level', 'silent'])
    const http = await merchantHttp(server.url)
    await http.post('/subscribe/customers/c1', { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' })
    for (let i = 0; i < 5; i++) {
      const res = await http.post('/subscribe/payments/again', {
        customer_uid: 'c1',
        merchant_uid: `o${i}`,
        amount: 1000,
        name: 'x',
        notice_url: `${receiver.url}/hook`
      })
      expect(res.data.code).toBe(0)
    }
    // A control read that waits for the deliveries to settle (up to 10 s).
    const waiting = axios.get(`${server.url}/__mock/webhooks`, { validateStatus: () => true }).catch(() => null)
    const { code, ms } = await termWithin(server)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(1000)
    await waiting
  }, 30_000)

  it('exits 0 within a second when the reader of its stdout has died', async () => {
    server = await spawnCli(['--port', '0', '--log-level', 'info'])
    const http = await merchantHttp(server.url)
    server.child.stdout!.destroy()
    // Enough log lines to fill the pipe and the writer's buffer many times over.
    for (let round = 0; round < 8; round++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => http.get(`/payments/imp_${round}_${i}?${'q'.repeat(200)}`)))
    }
    const { code, ms } = await termWithin(server)
    expect(code).toBe(0)
    expect(ms).toBeLessThan(1000)
  }, 30_000)
})
