/**
 * No card data at rest or in sight on V2: after issuing keys and paying by key-in, the card
 * number and birth date appear in no answer, log line (trace level), state view, outbox
 * delivery or webhook body.
 */
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { ManualClock } from '../shared/clock.js'
import { DEFAULT_V2_MERCHANT } from '../shared/config/v2-merchants.js'
import { buildV2App } from './app.js'

const NUMBER = '5272892712342302'
const BIRTH = '850217'
const AUTH = { authorization: `PortOne ${DEFAULT_V2_MERCHANT.api_secret}` }

describe('V2 card data', () => {
  it('never shows the card number or birth date after issue, key-in and a webhook', async () => {
    let logged = ''
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString()
        done()
      }
    })
    const app = await buildApp({ clock: new ManualClock(Date.UTC(2030, 0, 1)), schedulePollMs: 0, logger: 'trace', logStream: sink })
    const v2 = await buildV2App({
      context: app.mock,
      webhooks: app.webhooks,
      faults: app.faults,
      schedulePollMs: 0,
      logger: 'trace',
      logStream: sink
    })
    try {
      const credential = { number: NUMBER, expiryYear: '2035', expiryMonth: '01', birthOrBusinessRegistrationNumber: BIRTH, passwordTwoDigits: '12' }
      const answers: string[] = []
      const send = async (url: string, body: object) => {
        const res = await v2.inject({ method: 'POST', url, headers: AUTH, payload: JSON.stringify(body) })
        answers.push(res.body)
        return JSON.parse(res.body) as Record<string, any>
      }
      const issued = await send('/billing-keys', { method: { card: { credential } }, noticeUrls: ['http://127.0.0.1:1/hook'] })
      expect(issued, answers[0]).toHaveProperty('billingKeyInfo')
      await send('/payments/keyin-1/instant', { method: { card: { credential } }, orderName: 'o', amount: { total: 100 }, currency: 'KRW' })
      await send('/billing-keys', { method: { card: { credential: { ...credential, number: '4000000000000002' } } } })
      answers.push((await v2.inject({ method: 'GET', url: `/billing-keys/${issued.billingKeyInfo.billingKey}`, headers: AUTH })).body)
      answers.push((await v2.inject({ method: 'GET', url: '/payments/keyin-1', headers: AUTH })).body)
      const state = (await app.inject({ method: 'GET', url: '/__mock/state' })).body
      const outbox = (await app.inject({ method: 'GET', url: '/__mock/webhooks' })).body
      expect(outbox).toContain('BillingKey.Issued')
      for (const text of [...answers, state, outbox, logged]) {
        expect(text).not.toContain(NUMBER)
        expect(text).not.toContain(BIRTH)
        expect(text).not.toContain('4000000000000002')
      }
      expect(answers.join('')).toContain('52728927****2302')
    } finally {
      await v2.close()
      await app.close()
    }
  })
})
