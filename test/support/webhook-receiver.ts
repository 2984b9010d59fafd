/**
 * A merchant's webhook endpoint for tests: a real HTTP server on 127.0.0.1 (a free port) that
 * records every request and answers with the status the test chooses, per request number.
 *
 * Test files run in parallel and free ports are reused, so a request meant for a server another
 * test has closed may reach this one. Its URL therefore carries a random path prefix: only
 * requests under it are recorded (with the prefix taken off); anything else gets a 404.
 */
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'

/**
 * A URL nothing listens on: port 1 is privileged and never handed out to a `listen(0)`, so no
 * parallel test can be listening there (a closed test server's port may be reused at once).
 */
export const UNREACHABLE_URL = 'http://127.0.0.1:1'

export interface ReceivedWebhook {
  /** The path under the receiver's URL, e.g. `/iamport-webhook` for `${receiver.url}/iamport-webhook`. */
  readonly path: string
  readonly contentType: string | undefined
  readonly raw: string
  /** The body read as JSON or as a form, whichever the content type says. */
  readonly body: Record<string, unknown>
}

/** How the receiver answers its n-th request (1-based): a status, or 'hang' to never answer. */
export type Answer = (n: number, webhook: ReceivedWebhook) => number | 'hang'

export interface WebhookReceiver {
  /** Base URL, with the receiver's own path prefix; any path under it is accepted (`${url}/hooks/a`). */
  readonly url: string
  readonly received: ReceivedWebhook[]
  answer: Answer
  close(): Promise<void>
}

export async function startReceiver(answer: Answer = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const hanging = new Set<http.ServerResponse>()
  const prefix = `/r-${randomBytes(6).toString('hex')}`
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (url !== prefix && !url.startsWith(`${prefix}/`)) {
      req.resume()
      res.writeHead(404).end()
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const contentType = req.headers['content-type']
      const body = contentType?.startsWith('application/json')
        ? (JSON.parse(raw) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(raw))
      const webhook: ReceivedWebhook = { path: url.slice(prefix.length) || '/', contentType, raw, body }
      received.push(webhook)
      const status = receiver.answer(received.length, webhook)
      if (status === 'hang') {
        hanging.add(res)
        return
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'OK' : `status ${status}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}${prefix}`,
    received,
    answer,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
  return receiver
}
