/**
 * Every hint (docs/hints.md): the same scenario runs on two simulators, hints on and hints off;
 * the answers must be byte for byte the same, and only the first carries the X-Iamport-Mock-Hint
 * header, with the same text in its journal entry.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../../../test/support/helpers.js'
import { HINT_HEADER } from '../../shared/http/hints.js'

let apps: TestApp[] = []
afterEach(async () => {
  await Promise.all(apps.map((t) => t.app.close()))
  apps = []
})

type Scenario = (t: TestApp) => Promise<LightMyRequestResponse>

/** Runs `scenario` with hints on and off; asserts the same answer, and returns the hint and the journal's. */
async function hintOf(scenario: Scenario): Promise<{ hint: string | undefined; journal: string | undefined; res: LightMyRequestResponse }> {
  const on = await createTestApp()
  const off = await createTestApp({ config: { hints: false } })
  apps.push(on, off)
  const res = await scenario(on)
  const plain = await scenario(off)
  expect(res.statusCode).toBe(plain.statusCode)
  expect(res.body).toBe(plain.body)
  expect(plain.headers[HINT_HEADER]).toBeUndefined()
  const offEntries = (await off.app.inject({ url: '/__mock/requests' })).json().entries
  expect(offEntries.at(-1).hint).toBeUndefined()
  const entries = (await on.app.inject({ url: '/__mock/requests' })).json().entries
  const hint = res.headers[HINT_HEADER] as string | undefined
  expect(entries.at(-1).hint).toBe(hint)
  return { hint, journal: entries.at(-1).hint, res }
}

const again = (t: TestApp, headers: Record<string, string>, payload: string): Promise<LightMyRequestResponse> =>
  t.app.inject({ method: 'POST', url: '/subscribe/payments/again', headers: { ...t.auth, ...headers }, payload })
const AGAIN_JSON = JSON.stringify({ customer_uid: 'c1', merchant_uid: 'o1', amount: 1000, name: '월간 이용권' })

/** A second merchant made through the control API, with a token. */
async function otherMerchant(t: TestApp): Promise<{ impKey: string; auth: { authorization: string } }> {
  const made = (await t.app.inject({ method: 'POST', url: '/__mock/merchants', payload: { imp_key: 'shop_b', imp_secret: 'sb' } })).json()
  const token = (await t.app.inject({ method: 'POST', url: '/users/getToken', payload: { imp_key: made.imp_key, imp_secret: 'sb' } })).json().response
    .access_token
  return { impKey: made.imp_key, auth: { authorization: token } }
}

describe('hints on a body not read as meant', () => {
  it('a JSON body without Content-Type', async () => {
    const { hint, res } = await hintOf((t) => again(t, {}, AGAIN_JSON))
    expect(res.json().message).toContain('파라메터는 필수입니다')
    expect(hint).toMatch(/^The request has a body but no Content-Type, so it was read as a form with no fields/)
  })

  it('a JSON body sent as text/plain', async () => {
    const { hint } = await hintOf((t) => again(t, { 'content-type': 'text/plain' }, AGAIN_JSON))
    expect(hint).toMatch(/^The body was not read: Content-Type "text\/plain" is neither application\/json/)
  })

  it('a JSON body sent as a form', async () => {
    const { hint } = await hintOf((t) => again(t, { 'content-type': 'application/x-www-form-urlencoded' }, AGAIN_JSON))
    expect(hint).toMatch(/^The body looks like JSON but was sent as application\/x-www-form-urlencoded/)
  })

  it('an amount sent as a JSON string', async () => {
    const payload = JSON.stringify({ customer_uid: 'c1', merchant_uid: 'o1', amount: '1,000', name: 'x' })
    const { hint, res } = await hintOf(async (t) => {
      await t.issueKey('c1')
      return again(t, { 'content-type': 'application/json' }, payload)
    })
    expect(res.json().message).toBe('["amount"] 파라메터의 형식이 올바르지 않습니다.')
    expect(hint).toBe(
      'amount was sent as a JSON string ("1,000"), not a number; send it as a JSON number of won, with no separators or unit (e.g. 1000).'
    )
  })

  it('no hint when the same request is accepted', async () => {
    const on = await createTestApp()
    apps.push(on)
    await on.issueKey('c1')
    const res = await again(
      on,
      { 'content-type': 'application/json' },
      JSON.stringify({ customer_uid: 'c1', merchant_uid: 'o1', amount: '1000', name: 'x' })
    )
    expect(res.json().code).toBe(0)
    expect(res.headers[HINT_HEADER]).toBeUndefined()
  })
})

describe('hints on a refused access token', () => {
  const findWith = (t: TestApp, headers: InjectOptions['headers']) => t.app.inject({ url: '/payments/find/o1', headers })

  it('no token at all', async () => {
    const { hint } = await hintOf((t) => findWith(t, {}))
    expect(hint).toMatch(/^No access token was sent/)
  })

  it('a token that expired, before and after a newer one was issued', async () => {
    const { hint } = await hintOf(async (t) => {
      t.clock.advance(31 * 60)
      return findWith(t, t.auth)
    })
    expect(hint).toBe(
      'The access token expired at 2026-03-01T00:30:00Z (the clock of merchant "imp_apikey"); tokens live 30 minutes: ask POST /users/getToken for a new one.'
    )
    const replaced = await hintOf(async (t) => {
      const old = t.auth
      t.clock.advance(31 * 60)
      await t.renewToken()
      return findWith(t, old)
    })
    expect(replaced.hint).toMatch(/^The access token expired at 2026-03-01T00:30:00Z and merchant "imp_apikey" has a newer one since/)
  })

  it('a token never issued here', async () => {
    const { hint } = await hintOf((t) => findWith(t, { authorization: 'Bearer 0123456789abcdef0123456789abcdef01234567' }))
    expect(hint).toMatch(/^The access token was never issued by this simulator/)
  })

  it('a token a reset forgot, and one whose merchant was removed', async () => {
    const reset = await hintOf(async (t) => {
      await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
      return findWith(t, t.auth)
    })
    expect(reset.hint).toMatch(/^The access token was issued to merchant "imp_apikey", and a reset \(POST \/__mock\/reset\) forgot it/)
    const removed = await hintOf(async (t) => {
      const b = await otherMerchant(t)
      await t.app.inject({ method: 'DELETE', url: `/__mock/merchants/${b.impKey}` })
      return findWith(t, b.auth)
    })
    expect(removed.hint).toMatch(/^The access token was issued to merchant "shop_b", which has been removed since/)
  })
})

describe('hints on a refused key pair', () => {
  const getToken = (t: TestApp, payload: object) => t.app.inject({ method: 'POST', url: '/users/getToken', payload })

  it('an imp_key no merchant has', async () => {
    const { hint, res } = await hintOf((t) => getToken(t, { imp_key: 'imp_typo', imp_secret: 'x' }))
    expect(res.statusCode).toBe(401)
    expect(hint).toMatch(/^No merchant of this simulator has imp_key "imp_typo"/)
  })

  it("another merchant's secret", async () => {
    const { hint } = await hintOf((t) => getToken(t, { imp_key: 'imp_apikey', imp_secret: 'wrong' }))
    expect(hint).toBe('imp_key "imp_apikey" is a merchant of this simulator, but imp_secret is not its secret.')
  })
})

describe('hints on data held by another merchant', () => {
  it('a customer_uid, an imp_uid and a merchant_uid of another merchant', async () => {
    const asB = async (t: TestApp, url: string) => {
      await t.issueKey('c1')
      const paid = await t.again('c1', 'o1', 1000)
      const b = await otherMerchant(t)
      return t.app.inject({ url: url.replace('{imp_uid}', paid.response.imp_uid), headers: b.auth })
    }
    const customer = await hintOf((t) => asB(t, '/subscribe/customers/c1'))
    expect(customer.hint).toBe(
      'customer_uid "c1" is unknown to merchant "shop_b", whose access token was sent, but merchant "imp_apikey" holds it: the token was issued to another merchant than the one holding this data.'
    )
    expect((await hintOf((t) => asB(t, '/payments/{imp_uid}'))).hint).toMatch(/^imp_uid "imps_\d{12}" is unknown to merchant "shop_b"/)
    expect((await hintOf((t) => asB(t, '/payments/find/o1'))).hint).toMatch(/^merchant_uid "o1" is unknown to merchant "shop_b"/)
  })

  it('a customer_uid of another merchant charged with again', async () => {
    const { hint } = await hintOf(async (t) => {
      await t.issueKey('c1')
      const b = await otherMerchant(t)
      return t.app.inject({
        method: 'POST',
        url: '/subscribe/payments/again',
        headers: b.auth,
        payload: { customer_uid: 'c1', merchant_uid: 'o9', amount: 1000, name: 'x' }
      })
    })
    expect(hint).toMatch(/^customer_uid "c1" is unknown to merchant "shop_b"/)
  })

  it('no hint for a new id a refused request would have made (a declined card, a new order)', async () => {
    const { hint } = await hintOf(async (t) => {
      await t.issueKey('c1')
      await t.again('c1', 'o1', 1000)
      const b = await otherMerchant(t)
      return t.app.inject({
        method: 'POST',
        url: '/subscribe/customers/c1',
        headers: b.auth,
        payload: { card_number: '4000-0000-0000-0002', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }
      })
    })
    expect(hint).toBeUndefined()
  })

  it('no hint for an id no merchant holds', async () => {
    const { hint } = await hintOf((t) => t.get('/subscribe/customers/nobody'))
    expect(hint).toBeUndefined()
  })
})

describe('hints on a path that nearly names a route', () => {
  it.each([
    ['/payments/imp_1/', 'a trailing slash'],
    ['/Payments/imp_1', 'letter case (paths are case-sensitive)'],
    ['/v1/payments/imp_1', 'a /v1 prefix'],
    ['/v1/subscribe/customers/c1/', 'a /v1 prefix (V1 paths start at the API root: https://api.iamport.kr/payments/...) and a trailing slash']
  ])('%s', async (path, why) => {
    const { hint, res } = await hintOf((t) => t.get(path))
    expect(res.statusCode).toBe(404)
    expect(hint).toContain(`No route answers GET "${path}"; it differs from the real route GET `)
    expect(hint).toContain(`only by ${why}`)
  })

  it('no hint for a path no route resembles', async () => {
    expect((await hintOf((t) => t.get('/payment/imp_1'))).hint).toBeUndefined()
  })
})

describe('the hint in the log line', () => {
  it('is written at info with the request', async () => {
    const lines: string[] = []
    const logStream = new Writable({
      write: (chunk, _e, done) => {
        lines.push(String(chunk))
        done()
      }
    })
    const t = await createTestApp({ logger: 'info', logStream })
    apps.push(t)
    const res = await t.get('/payments/imp_1/')
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.req?.url === '/payments/imp_1/')
    expect(line.level).toBe(30)
    expect(line.hint).toBe(res.headers[HINT_HEADER])
  })

  it('quotes request values safely in a header', async () => {
    const { hint } = await hintOf((t) => t.get(`/Payments/${encodeURIComponent('결제\r\nX: y')}`))
    expect(hint).toMatch(/^[\x20-\x7e]+$/)
  })
})
