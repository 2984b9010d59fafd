/**
 * Memory a request can hold is bounded: a body of any content type is held to `body_limit` (a
 * 50 MB text/plain body is refused, not read to its end), and a request whose body never finishes
 * is answered 408 and closed after `request_timeout_ms`.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { connect } from 'node:net'
import { errors } from '../../../api/v1/catalogue.js'
import { startHttp, type HttpHarness } from '../../../test/support/http.js'

let h: HttpHarness
afterEach(async () => h?.close())

/** Sends `head`, then `body` in chunks while the socket takes them; resolves with the answer and what was sent. */
function send(url: string, head: string, bodyBytes = 0, chunk = 64 * 1024): Promise<{ answer: string; sent: number; ms: number }> {
  const { hostname, port } = new URL(url)
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    let sent = 0
    socket.setEncoding('utf8')
    socket.on('data', (text: string) => (answer += text))
    socket.on('close', () => resolve({ answer, sent, ms: performance.now() - started }))
    socket.on('error', () => {})
    socket.write(head)
    const piece = Buffer.alloc(chunk, 0x61)
    const pump = () => {
      while (sent < bodyBytes && !socket.destroyed) {
        const n = Math.min(chunk, bodyBytes - sent)
        sent += n
        if (!socket.write(n === chunk ? piece : piece.subarray(0, n))) return void socket.once('drain', pump)
      }
    }
    pump()
  })
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))

describe('bodies of every content type are limited', () => {
  for (const type of ['text/plain', 'application/octet-stream', 'multipart/form-data; boundary=x', 'application/xml']) {
    it(`refuses a ${type} body over body_limit with 413, by its length or as it streams`, async () => {
      h = await startHttp({ config: { body_limit: 4096 } })
      const m = await h.merchant()
      const declared = await send(
        h.url,
        `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${m.token}\r\nContent-Type: ${type}\r\nContent-Length: 5000\r\n\r\n`,
        5000
      )
      expect(statusOf(declared.answer)).toBe(413)
      expect(bodyOf(declared.answer)).toEqual(errors.bodyTooLarge(4096).toEnvelope())
      const chunked = await send(
        h.url,
        `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${m.token}\r\nContent-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `1388\r\n${'a'.repeat(5000)}\r\n0\r\n\r\n`
      )
      expect(statusOf(chunked.answer)).toBe(413)
      // Under the limit, the body is read as empty, as before: the route names what is missing.
      const small = await m.http.post('/subscribe/payments/again', 'a=b', { headers: { 'Content-Type': type } })
      expect(small.status).toBe(200)
      expect(small.data.code).toBe(-1)
    })
  }

  it('refuses a 50 MB text/plain body without reading it to its end', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const size = 50 * 1024 * 1024
    const chunked = await send(
      h.url,
      `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${m.token}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`,
      size
    )
    expect(statusOf(chunked.answer)).toBe(413)
    expect(chunked.answer.toLowerCase()).toContain('connection: close')
    const declared = await send(
      h.url,
      `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${m.token}\r\nContent-Type: text/plain\r\nContent-Length: ${size}\r\n\r\n`,
      size
    )
    expect(statusOf(declared.answer)).toBe(413)
    expect(declared.sent).toBeLessThan(size)
  })

  it('refuses a control body over body_limit in the control shape', async () => {
    h = await startHttp({ config: { body_limit: 4096 } })
    const res = await h.api.post('/__mock/faults', { description: 'x'.repeat(5000), action: { type: 'pass' } })
    expect(res.status).toBe(413)
    expect(res.data.error.code).toBe('body_too_large')
  })
})

describe('a request that never finishes', () => {
  it('is answered 408 and closed after request_timeout_ms', async () => {
    h = await startHttp({ config: { request_timeout_ms: 300 } })
    const m = await h.merchant()
    const unfinished = await send(
      h.url,
      `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${m.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"customer_uid":`
    )
    expect(statusOf(unfinished.answer)).toBe(408)
    expect(bodyOf(unfinished.answer)).toEqual(errors.requestTimeout().toEnvelope())
    expect(unfinished.ms).toBeGreaterThanOrEqual(250)
    expect(unfinished.ms).toBeLessThan(2000)
    const headersOnly = await send(h.url, 'GET /payments/imp_1 HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    expect(statusOf(headersOnly.answer)).toBe(408)
  })
})
