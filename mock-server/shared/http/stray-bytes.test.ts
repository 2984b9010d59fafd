/**
 * A complete request followed by bytes that are no request, on the same connection: the request
 * is answered with its own result and the connection then closed; the client never reads a 400
 * for a request that ran.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { startHttp, type HttpHarness } from '../../../test/support/http.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let h: HttpHarness
afterEach(async () => h?.close())

function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
    socket.write(request)
  })
}

describe('a request followed by stray bytes', () => {
  it('is answered with its own result only, then the connection closes', async () => {
    h = await startHttp()
    const body = JSON.stringify({ imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })
    const answer = await rawExchange(
      h.url,
      `POST /users/getToken HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}` +
        'NOT A REQUEST AT ALL\r\n\r\n'
    )
    const statuses = [...answer.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1])
    expect(statuses).toEqual(['200'])
    expect(answer).toContain('"code":0')
  })

  it('a charge followed by stray bytes answers the charge, which is recorded once', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_1')
    const body = JSON.stringify({ customer_uid: 'c_1', merchant_uid: 'order_1', amount: 1000, name: 'x' })
    const answer = await rawExchange(
      h.url,
      `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${m.token}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}\x00\x01garbage\r\n\r\n`
    )
    expect([...answer.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((x) => x[1])).toEqual(['200'])
    expect(answer).toContain('"status":"paid"')
    expect((await m.find('order_1')).data.response.status).toBe('paid')
  })
})
