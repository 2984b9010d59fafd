/** `--data` keeps PortOne V2 state: keys, payments (with cancels), schedules, open merchants; a loaded schedule still runs. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../app.js'
import { ManualClock } from '../shared/clock.js'
import { DEFAULT_V2_MERCHANT } from '../shared/config/v2-merchants.js'
import { buildV2App, type V2App } from './app.js'

const AUTH = { authorization: `PortOne ${DEFAULT_V2_MERCHANT.api_secret}` }
const CARD = { number: '4242424242424242', expiryYear: '2035', expiryMonth: '01' }
const START = Date.UTC(2030, 0, 1)
let dir = ''
let running: Array<MockApp | V2App> = []

async function start(file: string): Promise<{ app: MockApp; v2: V2App }> {
  const app = await buildApp({ config: { accept_any_key: true }, clock: new ManualClock(START), schedulePollMs: 0, data: { file } })
  const v2 = await buildV2App({ context: app.mock, webhooks: app.webhooks, faults: app.faults, schedulePollMs: 0 })
  running = [v2, app]
  return { app, v2 }
}

async function stop(): Promise<void> {
  for (const a of running) await a.close()
  running = []
}

afterEach(async () => {
  await stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function post(v2: V2App, url: string, body: unknown, headers: Record<string, string> = AUTH) {
  const res = await v2.inject({ method: 'POST', url, headers, payload: JSON.stringify(body) })
  return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, any> }
}

describe('--data with PortOne V2', () => {
  it('keeps keys, payments with their cancels, schedules and open merchants across a restart, without card numbers', async () => {
    dir = mkdtempSync(join(tmpdir(), 'v2-data-'))
    const file = join(dir, 'state.jsonl')
    let { app, v2 } = await start(file)
    const key = (await post(v2, '/billing-keys', { method: { card: { credential: CARD } } })).body.billingKeyInfo.billingKey as string
    expect(
      (await post(v2, '/payments/kept-1/billing-key', { billingKey: key, orderName: 'o', amount: { total: 5000 }, currency: 'KRW' })).status
    ).toBe(200)
    expect((await post(v2, '/payments/kept-1/cancel', { amount: 2000, reason: 'r' })).status).toBe(200)
    const timeToPay = new Date(START + 3600_000).toISOString()
    const scheduled = await post(v2, '/payments/kept-2/schedule', {
      payment: { billingKey: key, orderName: 'o', amount: { total: 700 }, currency: 'KRW' },
      timeToPay
    })
    expect(scheduled.status).toBe(200)
    const openKey = (await post(v2, '/billing-keys', { method: { card: { credential: CARD } } }, { authorization: 'PortOne open-secret-1' })).body
    expect(openKey.billingKeyInfo.billingKey).toBeTruthy()
    await stop()
    expect(readFileSync(file, 'utf8')).not.toContain(CARD.number)

    ;({ app, v2 } = await start(file))
    expect(app.dataFile?.loaded).toMatchObject({ payments: 1, billing_keys: 2, schedules: 1 })
    const payment = JSON.parse((await v2.inject({ method: 'GET', url: '/payments/kept-1', headers: AUTH })).body)
    expect(payment).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { cancelled: 2000 }, billingKey: key })
    const open = await v2.inject({
      method: 'GET',
      url: `/billing-keys/${openKey.billingKeyInfo.billingKey}`,
      headers: { authorization: 'PortOne open-secret-1' }
    })
    expect(open.statusCode).toBe(200)

    expect((await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advance_seconds: 3600 } })).statusCode).toBe(200)
    const ran = JSON.parse((await v2.inject({ method: 'GET', url: `/payment-schedules/${scheduled.body.schedule.id}`, headers: AUTH })).body)
    expect(ran.status).toBe('SUCCEEDED')
    const paid = JSON.parse((await v2.inject({ method: 'GET', url: '/payments/kept-2', headers: AUTH })).body)
    expect(paid).toMatchObject({ status: 'PAID', scheduleId: scheduled.body.schedule.id })
  })
})
