/** `--data FILE` keeps the issue-15 families: vbank payments with deposits, certifications, cash receipts, escrow shipping. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, type MockApp } from '../../app.js'
import { ManualClock } from '../clock.js'
import { T0, T0_MS } from '../../../test/support/helpers.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let dir: string
let file: string
const apps: MockApp[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-families-'))
  file = join(dir, 'state.jsonl')
})
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(): Promise<MockApp> {
  const app = await buildApp({ clock: new ManualClock(T0_MS), data: { file } })
  apps.push(app)
  return app
}

describe('--data FILE with the V1 families', () => {
  it('keeps vbank payments, certifications, receipts and escrow shipping; forgets deleted certifications', async () => {
    let app = await start()
    const tok = (await app.inject({ method: 'POST', url: '/users/getToken', payload: DEFAULT_MERCHANT })).json().response.access_token
    const call = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      app.inject({ method, url, headers: { authorization: tok }, ...(payload ? { payload } : {}) }).then((r) => r.json())
    const state = app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!
    const [pay, cert] = ['api_payment', 'certification'].map((type) => state.merchant.pg_settings.find((s) => s.type === type)!.channel_key)

    const vbank = (
      await call('POST', '/vbanks', {
        channel_key: pay,
        merchant_uid: 'o1',
        amount: 20000,
        vbank_code: '004',
        vbank_holder: '아임포트',
        vbank_due: T0 + 600,
        escrow_password: 'x'
      })
    ).response
    expect((await app.inject({ method: 'POST', url: `/__mock/vbanks/${vbank.imp_uid}/deposit`, payload: {} })).json().paid).toBe(true)
    await call('POST', `/receipts/${vbank.imp_uid}`, { identifier: '01012345678' })
    await call('POST', '/receipts/external/shop-1', { channel_key: pay, name: 'n', amount: 1000, identifier: '01012345678' })
    await call('POST', `/escrows/logis/${vbank.imp_uid}`, { sender: {}, receiver: {}, logis: { company: 'CJ', invoice: '1', sent_at: T0 } })
    const person = { name: '홍길동', phone: '01012345678', birth: '900101', gender_digit: '1', carrier: 'SKT', channel_key: cert }
    const kept = (await call('POST', '/certifications/otp/request', person)).response.imp_uid
    const confirmed = (await call('POST', '/certifications/otp/request', person)).response.imp_uid
    await call('POST', `/certifications/otp/confirm/${confirmed}`, { otp: state.families.certification.get(confirmed)!.otp })
    const gone = (await call('POST', '/certifications/otp/request', person)).response.imp_uid
    await call('DELETE', `/certifications/${gone}`)
    const reads = [
      `/payments/${vbank.imp_uid}`,
      `/receipts/${vbank.imp_uid}`,
      '/receipts/external/shop-1',
      `/escrows/logis/${vbank.imp_uid}`,
      `/certifications/${confirmed}`,
      `/certifications/${gone}`
    ]
    const before = await Promise.all(reads.map((url) => call('GET', url)))
    expect(before.map((b) => b.code)).toEqual([0, 0, 0, 0, 0, -1])
    expect(before[4].response.certified).toBe(true)
    expect(readFileSync(file, 'utf8')).not.toContain('"escrow_password"')

    await app.close()
    apps.splice(0)
    app = await start()
    expect(await Promise.all(reads.map((url) => call('GET', url)))).toEqual(before)
    expect(app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!.families.certification.get(kept)!.otp).toMatch(/^\d{6}$/)
  })
})
