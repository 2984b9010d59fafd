import { afterEach, describe, expect, it } from 'vitest'
import { runCli, spawnCli, stopCli, type SpawnedServer } from '../test/support/spawn.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'

let server: SpawnedServer | undefined
afterEach(async () => {
  await stopCli(server)
  server = undefined
})

describe('iamport-mock --preload-payments (bench only)', () => {
  it('serves the preloaded payments once the ready line is out and reports the load on stderr', async () => {
    server = await spawnCli(['--port', '0', '--log-level', 'silent', '--seed', 'cli-preload', '--preload-payments', '3'])
    expect(server.stderr()).toMatch(/preloaded 3 payments and billing keys in [\d.]+ s; heap used [\d.]+ MiB/)
    const auth = await fetch(`${server.url}/users/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEFAULT_MERCHANT)
    }).then((r) => r.json() as Promise<any>)
    const found = await fetch(`${server.url}/payments/find/preload_order_2`, {
      headers: { authorization: auth.response.access_token }
    }).then((r) => r.json() as Promise<any>)
    expect(found.code).toBe(0)
    expect(found.response).toMatchObject({ customer_uid: 'preload_customer_2', status: 'paid', amount: 9900 })
  })

  it('refuses a count that is not a whole number', async () => {
    const { code, stderr } = await runCli(['--port', '0', '--preload-payments', '1e3x'])
    expect(code).toBe(2)
    expect(stderr).toContain('invalid --preload-payments "1e3x"')
  })
})
