/**
 * The V2 app's wire handling through inject: bodies as the SDK sends them (text/plain, no content
 * type), the requestBody query parameter, bad input as INVALID_REQUEST, unknown routes, open mode,
 * and the control API's view of V2 merchants.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../app.js'
import { ManualClock } from '../shared/clock.js'
import { DEFAULT_V2_MERCHANT } from '../shared/config/v2-merchants.js'
import { buildV2App, type V2App } from './app.js'

const AUTH = { authorization: `PortOne ${DEFAULT_V2_MERCHANT.api_secret}` }
const CARD = { number: '4242-4242-4242-4242', expiryYear: '2035', expiryMonth: '1' }
let apps: Array<MockApp | V2App> = []

async function start(config: Record<string, unknown> = {}): Promise<{ app: MockApp; v2: V2App }> {
  const app = await buildApp({ config, clock: new ManualClock(Date.UTC(2030, 0, 1)), schedulePollMs: 0 })
  const v2 = await buildV2App({ context: app.mock, webhooks: app.webhooks, faults: app.faults, schedulePollMs: 0 })
  apps.push(v2, app)
  return { app, v2 }
}

afterEach(async () => {
  for (const a of apps) await a.close()
  apps = []
})

describe('the V2 app', () => {
  it('reads JSON sent as text/plain, as application/json and with no content type', async () => {
    const { v2 } = await start()
    const body = JSON.stringify({ method: { card: { credential: CARD } } })
    for (const type of ['text/plain;charset=UTF-8', 'application/json', undefined]) {
      const headers: Record<string, string> = type === undefined ? { ...AUTH } : { ...AUTH, 'content-type': type }
      const res = await v2.inject({ method: 'POST', url: '/billing-keys', headers, payload: body })
      expect(res.statusCode, String(type)).toBe(200)
    }
  })

  it('reads a list body from the requestBody query parameter and refuses one that is not JSON', async () => {
    const { v2 } = await start()
    const ok = await v2.inject({ method: 'GET', url: `/billing-keys?requestBody=${encodeURIComponent('{"page":{"size":5}}')}`, headers: AUTH })
    expect(JSON.parse(ok.body)).toEqual({ items: [], page: { number: 0, size: 5, totalCount: 0 } })
    const bad = await v2.inject({ method: 'GET', url: '/billing-keys?requestBody=%7Bnot', headers: AUTH })
    expect(bad.statusCode).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ type: 'INVALID_REQUEST' })
  })

  it('answers bad input with INVALID_REQUEST only: broken JSON, wrong types, a missing field, an oversized body', async () => {
    const { v2 } = await start({ body_limit: 2048 })
    const cases = ['{', '[]', JSON.stringify({ billingKey: 1 }), JSON.stringify({ orderName: 'x' }), JSON.stringify({ pad: 'x'.repeat(4096) })]
    for (const payload of cases) {
      const res = await v2.inject({
        method: 'POST',
        url: '/payments/p/billing-key',
        headers: { ...AUTH, 'content-type': 'application/json' },
        payload
      })
      expect(res.statusCode).toBe(400)
      expect(Object.keys(JSON.parse(res.body))).toEqual(['type', 'message'])
      expect(JSON.parse(res.body).type).toBe('INVALID_REQUEST')
    }
  })

  it('answers an unknown route and a missing or unknown credential in the { type, message } shape', async () => {
    const { v2 } = await start()
    const unknown = await v2.inject({ method: 'GET', url: '/no-such-route', headers: AUTH })
    expect(unknown.statusCode).toBe(404)
    expect(Object.keys(JSON.parse(unknown.body))).toEqual(['type', 'message'])
    for (const headers of [{}, { authorization: 'PortOne nope' }, { authorization: 'Basic abc' }, { authorization: 'PortOne ' }]) {
      const res = await v2.inject({ method: 'GET', url: '/payments/p', headers })
      expect(res.statusCode).toBe(401)
      expect(JSON.parse(res.body)).toMatchObject({ type: 'UNAUTHORIZED' })
    }
  })

  it('answers a broken URL in the V2 shape, and serves ids longer than 100 characters', async () => {
    const { v2 } = await start()
    const broken = await v2.inject({ method: 'GET', url: '/payments/%E0%A4%A', headers: AUTH })
    expect(broken.statusCode).toBe(400)
    expect(Object.keys(JSON.parse(broken.body))).toEqual(['type', 'message'])
    const long = await v2.inject({ method: 'GET', url: `/payments/${'p'.repeat(150)}`, headers: AUTH })
    expect(JSON.parse(long.body)).toMatchObject({ type: 'PAYMENT_NOT_FOUND' })
  })

  it('makes an unknown secret its own merchant in open mode, with its own store and data', async () => {
    const { app, v2 } = await start({ accept_any_key: true })
    const mine = { authorization: 'PortOne shard-7-secret' }
    const issued = await v2.inject({
      method: 'POST',
      url: '/billing-keys',
      headers: mine,
      payload: JSON.stringify({ method: { card: { credential: CARD } } })
    })
    expect(issued.statusCode).toBe(200)
    const key = JSON.parse(issued.body).billingKeyInfo.billingKey as string
    const other = await v2.inject({ method: 'GET', url: `/billing-keys/${key}`, headers: AUTH })
    expect(other.statusCode).toBe(404)
    const state = JSON.parse((await app.inject({ method: 'GET', url: '/__mock/state' })).body)
    const open = state.v2_merchants.find((m: { api_secret: string }) => m.api_secret === 'shard-7-secret')
    expect(open).toMatchObject({ open: true, billing_keys: [{ billingKey: key, status: 'ISSUED' }] })
    expect(open.stores[0].store_id).toMatch(/^store-/)
    expect(open.stores[0].webhook_secret).toMatch(/^whsec_/)
  })

  it('lists the default V2 merchant in GET /__mock/state with its secret, store and webhook secret', async () => {
    const { app } = await start()
    const state = JSON.parse((await app.inject({ method: 'GET', url: '/__mock/state' })).body)
    expect(state.v2_merchants[0]).toMatchObject({
      api_secret: DEFAULT_V2_MERCHANT.api_secret,
      stores: [{ store_id: DEFAULT_V2_MERCHANT.stores[0]!.store_id, webhook_secret: DEFAULT_V2_MERCHANT.stores[0]!.webhook_secret }]
    })
  })

  it('applies fault rules: error as PG_PROVIDER (502) or by its status, http raw, nothing done either way', async () => {
    const { app, v2 } = await start()
    const rule = (body: object) => app.inject({ method: 'POST', url: '/__mock/faults', payload: body })
    expect((await rule({ match: { path: '/billing-keys' }, action: { type: 'error', code: 9, message: 'PG 점검 중' }, times: 1 })).statusCode).toBe(
      201
    )
    const issue = () =>
      v2.inject({ method: 'POST', url: '/billing-keys', headers: AUTH, payload: JSON.stringify({ method: { card: { credential: CARD } } }) })
    const pg = await issue()
    expect(pg.statusCode).toBe(502)
    expect(JSON.parse(pg.body)).toEqual({
      type: 'PG_PROVIDER',
      message: 'PG사에서 오류를 전달했습니다: PG 점검 중',
      pgCode: '9',
      pgMessage: 'PG 점검 중'
    })
    expect(
      (await rule({ match: { path: '/billing-keys' }, action: { type: 'error', http_status: 403, message: '차단' }, times: 1 })).statusCode
    ).toBe(201)
    expect(JSON.parse((await issue()).body)).toEqual({ type: 'FORBIDDEN', message: '차단' })
    expect((await rule({ match: { path: '/billing-keys' }, action: { type: 'http', status: 503 }, times: 1 })).statusCode).toBe(201)
    expect((await issue()).statusCode).toBe(503)
    expect(app.mock.store.v2.bySecretOnly(DEFAULT_V2_MERCHANT.api_secret)!.billingKeys.size).toBe(0)
    expect((await issue()).statusCode).toBe(200)
  })

  it('forgets V2 data on a full control reset', async () => {
    const { app, v2 } = await start()
    await v2.inject({ method: 'POST', url: '/billing-keys', headers: AUTH, payload: JSON.stringify({ method: { card: { credential: CARD } } }) })
    expect(app.mock.store.v2.bySecretOnly(DEFAULT_V2_MERCHANT.api_secret)!.billingKeys.size).toBe(1)
    await app.inject({ method: 'POST', url: '/__mock/reset' })
    expect(app.mock.store.v2.bySecretOnly(DEFAULT_V2_MERCHANT.api_secret)!.billingKeys.size).toBe(0)
  })
})
