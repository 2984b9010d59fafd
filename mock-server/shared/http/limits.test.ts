import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { errors } from '../../../api/v1/catalogue.js'
import { LIMITS } from '../../../api/v1/customer.js'
import { startHttp, type HttpHarness } from '../../../test/support/http.js'
import { MAX_HEADER_BYTES, MAX_URL_BYTES } from './limits.js'

let h: HttpHarness
afterEach(async () => h?.close())

/** Writes raw bytes on a fresh connection and returns everything the server wrote back. */
function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
    socket.write(request)
  })
}

function parseRaw(answer: string): { status: number; headers: string; body: unknown } {
  const [head, ...rest] = answer.split('\r\n\r\n')
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]), headers: head!, body: JSON.parse(rest.join('\r\n\r\n')) }
}

describe('size limits, through real HTTP', () => {
  it('answers headers over 16 KiB with 431 in the envelope (Node refuses them before Fastify)', async () => {
    h = await startHttp()
    const answer = parseRaw(await rawExchange(h.url, `GET /payments/imp_1 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES)}\r\n\r\n`))
    expect(answer.status).toBe(431)
    expect(answer.headers).toMatch(/content-type: application\/json; charset=utf-8/i)
    expect(answer.body).toEqual(errors.headersTooLarge(MAX_HEADER_BYTES).toEnvelope())
  })

  it('answers an unreadable request line with 400 in the envelope', async () => {
    h = await startHttp()
    const answer = parseRaw(await rawExchange(h.url, 'THIS IS NOT HTTP\r\n\r\n'))
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual(errors.malformedRequest().toEnvelope())
  })

  it('answers a request line over 8 KiB with 414 in the envelope, and in the control shape under /__mock', async () => {
    h = await startHttp()
    const long = 'x'.repeat(MAX_URL_BYTES)
    const api = await h.api.get(`/subscribe/customers?customer_uid[]=${long}`)
    expect(api.status).toBe(414)
    expect(api.data).toEqual(errors.urlTooLong(MAX_URL_BYTES).toEnvelope())
    const control = await h.api.get(`/__mock/state?imp_key=${long}`)
    expect(control.status).toBe(414)
    expect(control.data).toEqual({ error: { code: 'uri_too_long', message: `the request line is over ${MAX_URL_BYTES} bytes` } })
  })

  it('answers a body over body_limit with 413, sent with a length or chunked', async () => {
    h = await startHttp({ config: { body_limit: 4096 } })
    const m = await h.merchant()
    const big = { customer_uid: 'c', merchant_uid: 'm', amount: 1000, name: 'x'.repeat(5000) }
    const withLength = await m.http.post('/subscribe/payments/again', big)
    expect(withLength.status).toBe(413)
    expect(withLength.data).toEqual(errors.bodyTooLarge(4096).toEnvelope())
    const chunked = await rawExchange(
      h.url,
      `POST /subscribe/payments/again HTTP/1.1\r\nHost: x\r\nAuthorization: ${m.token}\r\nContent-Type: application/json\r\n` +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(5000).toString(16)}\r\n${'{'.padEnd(5000, ' ')}\r\n0\r\n\r\n`
    )
    expect(parseRaw(chunked).status).toBe(413)
    expect((await h.control.state()).merchants[0]!.payments).toEqual([])
  })

  it('refuses ids over their swagger maxLength by name, however long they are', async () => {
    h = await startHttp()
    const m = await h.merchant()
    for (const length of [LIMITS.customer_uid + 1, 5000]) {
      const res = await m.http.get(`/subscribe/customers/${'c'.repeat(length)}`)
      expect(res.status).toBe(400)
      expect(res.data).toEqual(errors.paramTooLong('customer_uid', LIMITS.customer_uid).toEnvelope())
    }
    const find = await m.http.get(`/payments/find/${'m'.repeat(LIMITS.merchant_uid + 1)}`)
    expect(find.data).toEqual(errors.paramTooLong('merchant_uid', LIMITS.merchant_uid).toEnvelope())
    const again = await m.http.post('/subscribe/payments/again', {
      customer_uid: 'c'.repeat(LIMITS.customer_uid + 1),
      merchant_uid: 'm',
      amount: 1000,
      name: 'x'
    })
    expect(again.data).toEqual(errors.paramTooLong('customer_uid', LIMITS.customer_uid).toEnvelope())
  })
})
