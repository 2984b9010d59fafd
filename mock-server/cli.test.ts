import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, spawnCli, stopCli } from '../test/support/spawn.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'

describe('the iamport-mock command', () => {
  it('prints one ready line with the base URL, serves health and getToken, and exits 0 on SIGTERM', async () => {
    const server = await spawnCli(['--port', '0', '--seed', 'cli-test', '--log-level', 'silent'])

    expect(server.readyLine).toMatch(
      /^iamport-mock ready on http:\/\/127\.0\.0\.1:\d+ \(seed cli-test; merchants: imp_apikey; PortOne V2 on http:\/\/127\.0\.0\.1:\d+\)$/
    )
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200)
    const token = await fetch(`${server.url}/users/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })
    })
    expect(((await token.json()) as { code: number }).code).toBe(0)

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  it('exits 0 on SIGINT too', async () => {
    const server = await spawnCli(['--port', '0', '--log-level', 'silent'])

    server.child.kill('SIGINT')

    expect(await server.exited).toBe(0)
  })

  it('takes the port from PORT and picks a random seed when none is given', async () => {
    const probe = await spawnCli(['--port', '0', '--log-level', 'silent'])
    const port = new URL(probe.url).port
    probe.child.kill('SIGTERM')
    await probe.exited

    const server = await spawnCli(['--log-level', 'silent'], { PORT: port })

    expect(server.url).toBe(`http://127.0.0.1:${port}`)
    expect(server.readyLine).toMatch(/seed [0-9a-f]{12};/)
    server.child.kill('SIGTERM')
    await server.exited
  })

  it('loads merchants from --config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-cli-'))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ seed: 's1', merchants: [{ imp_key: 'shop_b', imp_secret: 'secret_b' }] }))

    const server = await spawnCli(['--port', '0', '--config', file, '--log-level', 'silent'])

    expect(server.readyLine).toContain('(seed s1; merchants: imp_apikey, shop_b; PortOne V2 on')
    server.child.kill('SIGTERM')
    await server.exited
  })

  it('refuses an invalid config file with a clear message and exit status 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-cli-'))
    const file = join(dir, 'bad.json')
    writeFileSync(file, JSON.stringify({ merchants: [{ imp_key: 'k' }] }))

    const result = await runCli(['--port', '0', '--config', file])

    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`${file}: invalid configuration`)
    expect(result.stderr).toContain("/merchants/0: must have required property 'imp_secret'")
  })

  it('refuses a bad port or an unknown flag with exit status 2', async () => {
    expect((await runCli(['--port', 'abc'])).code).toBe(2)
    const unknown = await runCli(['--prot', '1'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Usage: iamport-mock')
  })

  it('serves PortOne V2 on --v2-port and refuses a bad one', async () => {
    const server = await spawnCli(['--port', '0', '--log-level', 'silent'])
    const v2 = /PortOne V2 on (http:\/\/[^;)]+)\)/.exec(server.readyLine)![1]!
    await stopCli(server)
    const port = new URL(v2).port
    const again = await spawnCli(['--port', '0', '--v2-port', port, '--log-level', 'silent'])
    try {
      expect(again.readyLine).toContain(`PortOne V2 on http://127.0.0.1:${port})`)
      const res = await fetch(`http://127.0.0.1:${port}/payments/none`, { headers: { authorization: 'PortOne iamport-mock-v2-test-api-secret' } })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ type: 'PAYMENT_NOT_FOUND' })
    } finally {
      await stopCli(again)
    }
    expect((await runCli(['--port', '0', '--v2-port', 'abc'])).code).toBe(2)
  }, 20_000)
})
