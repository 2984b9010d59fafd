/**
 * A merchant's webhook endpoint for tests: a real HTTP server on 127.0.0.1 (a free port) that
 * records every request and answers with the status the test chooses, per request number.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  readonly path: string
  readonly contentType: string | undefined
  readonly raw: string
  /** The body read as JSON or as a form, whichever the content type says. */
  readonly body: Record<string, unknown>
}

/** How the receiver answers its n-th request (1-based): a status, or 'hang' to never answer. */
export type Answer = (n: number, webhook: ReceivedWebhook) => number | 'hang'

export interface WebhookReceiver {
  /** Base URL; any path under it is accepted (`${url}/hooks/a`). */
  readonly url: string
  readonly received: ReceivedWebhook[]
  answer: Answer
  close(): Promise<void>
}

export async function startReceiver(answer: Answer = () => 200): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const hanging = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      const contentType = req.headers['content-type']
      const body = contentType?.startsWith('application/json')
        ? (JSON.parse(raw) as Record<string, unknown>)
        : Object.fromEntries(new URLSearchParams(raw))
      const webhook: ReceivedWebhook = { path: req.url ?? '/', contentType, raw, body }
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
    url: `http://127.0.0.1:${port}`,
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
