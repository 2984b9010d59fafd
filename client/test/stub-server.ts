/**
 * A real HTTP server on 127.0.0.1, port 0, whose answers a test scripts (stripe-node's
 * `getTestServerStripe` idea): for the client behaviour the simulator cannot be made to show on
 * demand (5xx, 401 on a valid-looking token, a body that is not an envelope, no answer at all).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StubRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** What to answer; `null` leaves the request hanging (for timeouts and aborts), `'hangup'` closes the socket unanswered. */
export type StubAnswer = { status: number; body: unknown; raw?: boolean } | null | 'hangup'

export interface StubServer {
  url: string
  requests: StubRequest[]
  close(): Promise<void>
}

export async function startStubServer(handler: (request: StubRequest, index: number) => StubAnswer): Promise<StubServer> {
  const requests: StubRequest[] = []
  const hanging: ServerResponse[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      const answer = handler(request, requests.length - 1)
      if (answer === null) {
        hanging.push(res)
        return
      }
      if (answer === 'hangup') {
        req.socket.destroy()
        return
      }
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8' })
      res.end(answer.raw ? String(answer.body) : JSON.stringify(answer.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** A getToken answer. */
export function tokenAnswer(token: string, now = 1_700_000_000, lifetime = 1800): StubAnswer {
  return { status: 200, body: { code: 0, message: null, response: { access_token: token, now, expired_at: now + lifetime } } }
}

export const ok = (response: unknown): StubAnswer => ({ status: 200, body: { code: 0, message: null, response } })
export const fail = (status: number, code: number, message: string): StubAnswer => ({
  status,
  body: { code, message, response: null }
})

export const TOKEN_A = 'a'.repeat(40)
export const TOKEN_B = 'b'.repeat(40)
