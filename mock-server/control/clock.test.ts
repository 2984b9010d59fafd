/** The virtual clock through the control API: token expiry and extension, timestamps, per-merchant time. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { T0, T0_MS } from '../../test/support/helpers.js'
import { errors } from '../../api/v1/catalogue.js'
import type { MockControlError } from '../../client/mock-control.js'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
afterEach(async () => h?.close())

const getToken = async (impKey = DEFAULT_MERCHANT.imp_key, impSecret = DEFAULT_MERCHANT.imp_secret) =>
  (await h.api.post('/users/getToken', { imp_key: impKey, imp_secret: impSecret })).data.response

describe('clock', () => {
  it('reads the server time and moves it by advance_seconds or to now', async () => {
    h = await startHttp()
    expect(await h.control.clock.get()).toEqual({
      scope: 'server',
      imp_key: null,
      now: T0,
      now_ms: T0_MS,
      iso: '2026-03-01T00:00:00.000Z',
      frozen: false
    })
    expect((await h.control.clock.advance(90)).now).toBe(T0 + 90)
    expect((await h.control.clock.set(T0 + 86_400)).iso).toBe('2026-03-02T00:00:00.000Z')
    expect((await h.control.clock.advance(-86_400)).now).toBe(T0)
  })

  it('ticks on from the set point, or stands still when frozen', async () => {
    h = await startHttp()
    await h.control.clock.set(T0 + 1000)
    h.clock.advance(5) // the machine's time passes
    expect((await h.control.clock.get()).now).toBe(T0 + 1005)

    const frozen = await h.control.clock.set(T0 + 2000, { freeze: true })
    expect(frozen.frozen).toBe(true)
    h.clock.advance(5)
    expect((await h.control.clock.get()).now).toBe(T0 + 2000)
    // A frozen clock stays frozen when moved, until told to tick again.
    expect(await h.control.clock.advance(10)).toMatchObject({ now: T0 + 2010, frozen: true })
    await h.control.clock.freeze(false)
    h.clock.advance(5)
    expect(await h.control.clock.get()).toMatchObject({ now: T0 + 2015, frozen: false })
  })

  it('refuses a move that says two things or nothing', async () => {
    h = await startHttp()
    const both = await h.api.post('/__mock/clock', { advance_seconds: 1, now: T0 })
    expect(both.status).toBe(400)
    expect(both.data).toEqual({
      error: { code: 'invalid_request', message: 'give advance_seconds or now, not both', details: ['give advance_seconds or now, not both'] }
    })
    const nothing = await h.api.post('/__mock/clock', {})
    expect(nothing.data.error.message).toBe('nothing to do: give advance_seconds, now or freeze')
    const text = await h.api.post('/__mock/clock', { advance_seconds: '60' })
    expect(text.data.error).toMatchObject({ code: 'invalid_request', message: 'advance_seconds must be a number' })
    expect((await h.control.clock.get()).now).toBe(T0)
  })

  it('tells the schedules engine that time moved, for the server or one merchant', async () => {
    h = await startHttp()
    const moved: (MerchantState | null)[] = []
    h.server.app.mock.events.on('clock.moved', ({ merchant }) => moved.push(merchant))
    await h.control.clock.advance(60)
    await getToken()
    await h.control.clock.advance(60, { impKey: DEFAULT_MERCHANT.imp_key })
    expect(moved.map((m) => m?.merchant.imp_key ?? null)).toEqual([null, DEFAULT_MERCHANT.imp_key])
  })
})

describe('token lifetime on the virtual clock', () => {
  it('expires a token after 30 minutes and issues a new one', async () => {
    h = await startHttp()
    const first = await getToken()
    expect(first).toMatchObject({ now: T0, expired_at: T0 + 1800 })
    const auth = { headers: { Authorization: `Bearer ${first.access_token}` } }
    expect((await h.api.get('/payments/imp_1', auth)).status).toBe(404)

    await h.control.clock.advance(1800)
    const expired = await h.api.get('/payments/imp_1', auth)
    expect(expired.status).toBe(401)
    expect(expired.data).toEqual(errors.unauthorized().toEnvelope())
    const second = await getToken()
    expect(second.access_token).not.toBe(first.access_token)
    expect(second.expired_at).toBe(T0 + 1800 + 1800)
  })

  it('returns the same token and expiry while more than a minute is left', async () => {
    h = await startHttp()
    const first = await getToken()
    await h.control.clock.advance(1800 - 61)
    expect(await getToken()).toEqual({ access_token: first.access_token, now: T0 + 1739, expired_at: T0 + 1800 })
  })

  it('extends the expiry by 5 minutes when a minute or less is left', async () => {
    h = await startHttp()
    const first = await getToken()
    await h.control.clock.advance(1800 - 60)
    const extended = await getToken()
    expect(extended).toEqual({ access_token: first.access_token, now: T0 + 1740, expired_at: T0 + 1800 + 300 })
    // Past the original expiry the token still works, until the extended one.
    await h.control.clock.advance(120)
    const auth = { headers: { Authorization: first.access_token } }
    expect((await h.api.get('/payments/imp_1', auth)).status).toBe(404)
    await h.control.clock.advance(239)
    expect((await h.api.get('/payments/imp_1', auth)).status).toBe(404)
    await h.control.clock.advance(1) // T0 + 2100: the extended expiry
    expect((await h.api.get('/payments/imp_1', auth)).status).toBe(401)
  })

  it('stamps paid_at and cancelled_at with virtual time', async () => {
    h = await startHttp()
    await h.control.clock.set(T0 + 3600, { freeze: true })
    const m = await h.merchant()
    await m.issueKey('c_time')
    expect((await m.again('order_time', 'c_time')).data.response.paid_at).toBe(T0 + 3600)
    await h.control.clock.advance(600)
    const cancelled = await m.http.post('/payments/cancel', { merchant_uid: 'order_time' })
    expect(cancelled.data.response.cancelled_at).toBe(T0 + 4200)
  })
})

describe('merchant clocks', () => {
  it('moves one merchant only, so other shards keep their time and tokens', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    const a = await h.merchant('shard_a', 'secret_a')
    const b = await h.merchant('shard_b', 'secret_b')
    const moved = await h.control.clock.advance(3600, { impKey: 'shard_a' })
    expect(moved).toMatchObject({ scope: 'merchant', imp_key: 'shard_a', now: T0 + 3600 })
    expect((await h.control.clock.get('shard_b')).now).toBe(T0)
    expect((await h.control.clock.get()).now).toBe(T0)

    expect((await a.http.get('/payments/imp_1')).status).toBe(401)
    expect((await b.http.get('/payments/imp_1')).status).toBe(404)
  })

  it('carries every merchant along when the server clock moves, each keeping its offset', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    await h.merchant('shard_a', 'secret_a')
    await h.merchant('shard_b', 'secret_b')
    await h.control.clock.advance(100, { impKey: 'shard_a' })
    await h.control.clock.advance(1000)
    expect((await h.control.clock.get('shard_a')).now).toBe(T0 + 1100)
    expect((await h.control.clock.get('shard_b')).now).toBe(T0 + 1000)
  })

  it('answers unknown_merchant for a key that has not taken a token yet', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    const error = await h.control.clock.get('shard_new').then(
      () => null,
      (e: MockControlError) => e
    )
    expect(error).toMatchObject({ status: 404, code: 'unknown_merchant' })
  })
})
