import { afterEach, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { createMockControl, MockControlError } from './mock-control.js'
import { startHttp, type HttpHarness } from '../test/support/http.js'

let h: HttpHarness | undefined
let other: FastifyInstance | undefined
afterEach(async () => {
  await h?.close()
  await other?.close()
  h = other = undefined
})

describe('createMockControl', () => {
  it('drives the control API with a base URL given with or without a trailing slash', async () => {
    h = await startHttp()
    const control = createMockControl(`${h.url}/`)
    const rule = await control.faults.add({ action: { type: 'pass' }, times: 2 })
    expect(await control.faults.list()).toEqual([rule])
    expect((await control.clock.advance(30, { freeze: true })).frozen).toBe(true)
    expect(await control.reset()).toEqual({ reset: 'all', imp_key: null })
    expect((await control.clock.get()).frozen).toBe(false)
  })

  it('queues, lists and forgets payment-window decisions', async () => {
    h = await startHttp()
    const control = createMockControl(h.url)
    expect(await control.checkout.auto({ decision: 'approve', card: 'insufficient_balance', times: 2 })).toEqual({
      pending: [{ decision: 'approve', card: 'insufficient_balance', message: null, remaining: 2, imp_key: null }]
    })
    expect((await control.checkout.pending()).pending).toHaveLength(1)
    expect(await control.checkout.clearAuto()).toBe(1)
    const error = await control.checkout.auto({ decision: 'close', message: 'x' }).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toMatchObject({ status: 400, code: 'invalid_request', details: ['/message: only a decline has a message'] })
  })

  it('rejects with the control error code and details', async () => {
    h = await startHttp()
    const error = await createMockControl(h.url)
      .faults.add({ action: { type: 'delay', ms: -5 } })
      .then(
        () => null,
        (e: unknown) => e
      )
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_rule', details: ['action.ms must be >= 0'] })
  })

  it('reports an answer that is not the control error shape by its status', async () => {
    other = Fastify()
    other.get('/__mock/health', async (_req, reply) => reply.code(502).type('text/html').send('<html>bad gateway</html>'))
    await other.listen({ port: 0, host: '127.0.0.1' })
    const address = other.server.address() as { port: number }
    const error = await createMockControl(`http://127.0.0.1:${address.port}`)
      .health()
      .then(
        () => null,
        (e: unknown) => e
      )
    expect(error).toMatchObject({ status: 502, code: 'http_502' })
  })

  it('sends the control token', async () => {
    h = await startHttp({ config: { control: { token: 'tok' } } })
    await expect(createMockControl(h.url, { controlToken: 'tok' }).requests()).resolves.toMatchObject({ entries: [] })
  })
})
