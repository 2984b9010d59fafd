import { afterEach, describe, expect, it } from 'vitest'
import { getEventListeners } from 'node:events'
import { createServer, type Server } from 'node:http'
import { postWebhook } from './sender.js'

// Found by the fuzzer (Node's MaxListenersExceededWarning): every webhook attempt added an
// 'abort' listener to the webhook service's one AbortSignal, which lives as long as the
// simulator, and never took it off, so each finished attempt (request, response, closures) stayed
// reachable: a leak that grows with every webhook a long-running simulator sends.
let server: Server | null = null
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

const timeouts = { kind: 'first', connectMs: 2000, readMs: 2000 } as const

describe('a finished webhook attempt', () => {
  it('leaves no listener on the shared abort signal, answered or refused', async () => {
    server = createServer((_req, res) => res.end('OK'))
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const abort = new AbortController()
    for (let i = 0; i < 20; i++) {
      expect((await postWebhook(`http://127.0.0.1:${port}/hook`, 'application/json', '{}', timeouts, abort.signal)).status_code).toBe(200)
      expect((await postWebhook('http://127.0.0.1:9/hook', 'application/json', '{}', timeouts, abort.signal)).error).toBe('ECONNREFUSED')
    }
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0)
  })

  it('is still abandoned when the signal fires while it is in flight', async () => {
    server = createServer(() => undefined) // never answers
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as { port: number }
    const abort = new AbortController()
    const attempt = postWebhook(`http://127.0.0.1:${port}/hook`, 'application/json', '{}', timeouts, abort.signal)
    abort.abort()
    expect((await attempt).error).toBe('aborted')
    server.closeAllConnections()
  })
})
