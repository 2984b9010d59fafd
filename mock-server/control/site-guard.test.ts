/**
 * The control API refuses what a web page can make a browser send: a cross-site form POST, a
 * foreign Origin, a DNS-rebound Host, a body that is not JSON. Each refusal changes nothing; the
 * i'mport routes keep answering any origin.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/support/helpers.js'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let t: TestApp
let h: HttpHarness | undefined
afterEach(async () => {
  await t?.app.close()
  await h?.close()
  h = undefined
})

async function paymentCount(): Promise<number> {
  const res = await t.app.inject({ method: 'GET', url: `/__mock/state?imp_key=${DEFAULT_MERCHANT.imp_key}` })
  return JSON.stringify(res.json()).split('"imp_uid"').length - 1
}

describe('control API guard against web pages', () => {
  it('refuses a cross-site text/plain form POST to reset, and nothing is reset', async () => {
    t = await createTestApp()
    await t.issueKey('customer_1')
    await t.again('customer_1', 'order_1')
    expect(await paymentCount()).toBe(1)
    const res = await t.app.inject({
      method: 'POST',
      url: '/__mock/reset',
      headers: { host: '127.0.0.1:4010', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      payload: 'a=b'
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({
      error: {
        code: 'forbidden_origin',
        message: 'the control API does not answer web pages of other origins (Origin https://evil.example); allow one with --control-allow-origin'
      }
    })
    expect(await paymentCount()).toBe(1)
  })

  it('refuses a text/plain body even from its own origin (never read as {})', async () => {
    t = await createTestApp()
    await t.issueKey('customer_1')
    await t.again('customer_1', 'order_1')
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await t.app.inject({ method: 'POST', url: '/__mock/reset', headers: { 'content-type': type }, payload: 'a=b' })
      expect(res.statusCode, type).toBe(415)
      expect(res.json().error.code).toBe('unsupported_media_type')
    }
    expect(await paymentCount()).toBe(1)
    // A POST without a body, or with a JSON one, still works.
    expect((await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })).statusCode).toBe(200)
    expect(await paymentCount()).toBe(0)
  })

  it('refuses Sec-Fetch-Site: cross-site without an Origin', async () => {
    t = await createTestApp()
    const res = await t.app.inject({ method: 'GET', url: '/__mock/state', headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('forbidden_origin')
  })

  it('refuses a foreign Host (a DNS-rebinding page) on reads and writes', async () => {
    t = await createTestApp()
    await t.issueKey('customer_1')
    await t.again('customer_1', 'order_1')
    for (const [method, url] of [
      ['GET', '/__mock/state'],
      ['POST', '/__mock/reset'],
      ['GET', '/__mock/requests']
    ] as const) {
      const res = await t.app.inject({ method, url, headers: { host: 'rebind.attacker.example:4010' } })
      expect(res.statusCode, url).toBe(403)
      expect(res.json()).toEqual({
        error: {
          code: 'forbidden_host',
          message:
            'the control API does not answer to Host "rebind.attacker.example:4010" (loopback names, IP addresses and the bound --host only); allow a name with --control-allow-host'
        }
      })
    }
    expect(await paymentCount()).toBe(1)
  })

  it('answers its own origin, loopback names, IP addresses and the names and origins allowed in the config', async () => {
    t = await createTestApp({
      config: { control: { allowed_origins: ['http://LOCALHOST:3000/'], allowed_hosts: ['mock'] } }
    })
    const ok = async (headers: Record<string, string>) => (await t.app.inject({ method: 'GET', url: '/__mock/faults', headers })).statusCode
    expect(await ok({ host: '127.0.0.1:4010', origin: 'http://127.0.0.1:4010' })).toBe(200)
    expect(await ok({ host: 'localhost:4010' })).toBe(200)
    expect(await ok({ host: '[::1]:4010' })).toBe(200)
    expect(await ok({ host: '10.0.0.7:4010' })).toBe(200)
    expect(await ok({ host: 'mock:4010' })).toBe(200)
    expect(await ok({ host: 'localhost:4010', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' })).toBe(200)
    expect(await ok({ host: 'localhost:4010', origin: 'http://localhost:3001' })).toBe(403)
    expect(await ok({ host: 'localhost:4010', origin: 'null' })).toBe(403)
    expect(await ok({ host: 'other:4010' })).toBe(403)
  })

  it("keeps health open to any Host (container wait loops), and the i'mport routes open to any origin", async () => {
    t = await createTestApp()
    const health = await t.app.inject({ method: 'GET', url: '/__mock/health', headers: { host: 'mock:4010', origin: 'https://x.example' } })
    expect(health.statusCode).toBe(200)
    const token = await t.app.inject({
      method: 'POST',
      url: '/users/getToken',
      headers: { host: 'api.example', origin: 'https://shop.example', 'sec-fetch-site': 'cross-site' },
      payload: { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret }
    })
    expect(token.json().code).toBe(0)
  })

  it('answers to the name it was bound to', async () => {
    h = await startHttp({ host: 'localhost' })
    const res = await h.api.get('/__mock/faults', { headers: { Host: 'localhost' } })
    expect(res.status).toBe(200)
  })
})
