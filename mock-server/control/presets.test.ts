/** `X-Iamport-Mock-Fault` presets through real HTTP. */
import { afterEach, describe, expect, it } from 'vitest'
import { deferred, expectSocketError, startHttp, type HttpHarness } from '../../test/support/http.js'
import { errors } from '../../api/v1/catalogue.js'
import { FAIL_REASON, MAGIC_CARDS, PG_DETAIL } from '../../fixtures/cards/catalogue.js'
import { FAULT_PRESET_HEADER } from '../../client/mock-control.js'

let h: HttpHarness
afterEach(async () => h?.close())

const preset = (name: string) => ({ [FAULT_PRESET_HEADER]: name })

describe('card presets', () => {
  it('refuses the billing key as each rejecting magic card would', async () => {
    h = await startHttp()
    const m = await h.merchant()
    for (const card of MAGIC_CARDS.filter((c) => c.outcome.kind === 'reject' || c.outcome.kind === 'pg_error')) {
      const detail = (card.outcome as { pg_detail: string }).pg_detail
      const res = await m.issueKey(`c_${card.preset}`, {}, preset(card.preset))
      expect(res.data, card.preset).toEqual(errors.issueFailed(detail).toEnvelope())
    }
    expect((await h.control.state()).merchants[0]!.billing_keys).toEqual([])
  })

  it('refuses a onetime card with the key-in message', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const res = await m.http.post(
      '/subscribe/payments/onetime',
      { merchant_uid: 'order_once', amount: 1000, card_number: '4242-4242-4242-4242', expiry: '2030-12' },
      { headers: preset('card_declined') }
    )
    expect(res.data).toEqual(errors.keyInFailed(PG_DETAIL.declined).toEnvelope())
  })

  it('issues a key whose charges then decline, as the magic card does', async () => {
    h = await startHttp()
    const m = await h.merchant()
    expect((await m.issueKey('c_poor', {}, preset('insufficient_balance'))).data.code).toBe(0)
    // No header on the charge: the key itself carries the outcome.
    const charge = await m.again('order_poor', 'c_poor')
    expect(charge.data.response).toMatchObject({ status: 'failed', fail_reason: FAIL_REASON.insufficientBalance })
  })

  it('declines one again charge with the preset reason, code 0', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_ok')
    const limited = await m.again('order_limit', 'c_ok', 9900, preset('limit_exceeded'))
    expect(limited.data.code).toBe(0)
    expect(limited.data.response).toMatchObject({ status: 'failed', fail_reason: FAIL_REASON.limitExceeded })
    const declined = await m.again('order_declined', 'c_ok', 9900, preset('card_declined'))
    expect(declined.data.response).toMatchObject({ status: 'failed', fail_reason: PG_DETAIL.declined })
    expect((await m.again('order_fine', 'c_ok')).data.response.status).toBe('paid')
  })

  it('answers pg_error on again with the PG-communication error and records nothing', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_pg')
    const res = await m.again('order_pg', 'c_pg', 9900, preset('pg_error'))
    expect(res.data).toEqual(errors.pgError(PG_DETAIL.pgCommunication).toEnvelope())
    expect((await m.find('order_pg')).status).toBe(404)
  })

  it('refuses a card preset on a route without a card, and an unknown preset', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const lookup = await m.http.get('/payments/imp_1', { headers: preset('card_declined') })
    expect(lookup.status).toBe(400)
    expect(lookup.data.message).toContain('does not apply to GET /payments/:imp_uid')
    const unknown = await m.http.get('/payments/imp_1', { headers: preset('meteor') })
    expect(unknown.data.message).toContain('"meteor" is not a preset')
  })
})

describe('network presets', () => {
  it('answers each http_<status> with a raw page and does nothing', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_gw')
    for (const status of [429, 500, 502, 503, 504]) {
      const res = await m.again(`order_${status}`, 'c_gw', 9900, preset(`http_${status}`))
      expect(res.status).toBe(status)
      expect(String(res.data)).toContain(`<title>${status} `)
    }
    expect((await h.control.state()).merchants[0]!.payments).toEqual([])
  })

  it('answers unauthorized and internal_error in the envelope', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const unauthorized = await m.http.get('/payments/imp_1', { headers: preset('unauthorized') })
    expect(unauthorized.status).toBe(401)
    expect(unauthorized.data).toEqual(errors.unauthorized().toEnvelope())
    const token = await h.api.post('/users/getToken', { imp_key: 'imp_apikey', imp_secret: 'whatever' }, { headers: preset('unauthorized') })
    expect(token.data).toEqual(errors.authFailed().toEnvelope())
    const internal = await m.http.get('/payments/imp_1', { headers: preset('internal_error') })
    expect(internal.status).toBe(500)
    expect(internal.data).toEqual(errors.internal().toEnvelope())
  })

  it('drops, and commits then drops', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_net')
    await expectSocketError(m.again('order_dropped', 'c_net', 9900, preset('drop')))
    expect((await m.find('order_dropped')).status).toBe(404)
    await expectSocketError(m.again('order_committed', 'c_net', 9900, preset('commit_then_drop')))
    expect((await m.find('order_committed')).data.response.status).toBe('paid')
  })

  it('delays by delay_<ms>, and holds a timeout open without an answer', async () => {
    const waits: number[] = []
    const release = deferred()
    h = await startHttp({
      faultSleep: (ms) => {
        waits.push(ms)
        return ms === 30_000 ? release.promise : Promise.resolve()
      }
    })
    const m = await h.merchant()
    expect((await m.http.get('/payments/imp_1', { headers: preset('delay_250') })).status).toBe(404)
    expect(waits).toEqual([250])

    await m.issueKey('c_slow')
    const hanging = m.again('order_hang', 'c_slow', 9900, preset('timeout'))
    await expect.poll(() => waits).toEqual([250, 30_000])
    release.resolve()
    await expectSocketError(hanging)
    expect((await m.find('order_hang')).status).toBe(404)
  })

  it('releases a held timeout when the server closes', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const seen = new Promise((resolve) => h.server.app.server.once('request', resolve))
    const hanging = m.http.get('/payments/imp_1', { headers: preset('timeout') })
    await seen
    await h.close()
    await expectSocketError(hanging)
  })
})
