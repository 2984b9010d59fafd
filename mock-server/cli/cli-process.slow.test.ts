// The built command's process behaviour: --version, a busy port, a bind to every interface.
import { afterEach, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { CLI_PATH, runCli, spawnCli, stopCli, type SpawnedServer } from '../../test/support/spawn.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

describe('the iamport-mock command as a process', () => {
  const started: SpawnedServer[] = []
  afterEach(async () => {
    for (const server of started.splice(0)) await stopCli(server)
  })

  it('prints the package version for --version and -v, exit 0', () => {
    for (const flag of ['--version', '-v']) {
      expect(execFileSync(process.execPath, [CLI_PATH, flag], { encoding: 'utf8' })).toBe(`${version}\n`)
    }
  })

  it('answers a busy port with one line naming the port and --port 0, exit 1', async () => {
    const first = await spawnCli(['--port', '0', '--log-level', 'silent'])
    started.push(first)
    const port = new URL(first.url).port

    const second = await runCli(['--port', port, '--log-level', 'silent'])

    expect(second.code).toBe(1)
    expect(second.stderr).toBe(
      `iamport-mock: port ${port} on 127.0.0.1 is already in use: another simulator may be running there; stop it, choose another --port N, or use --port 0 for any free port\n`
    )
  })

  it('on 0.0.0.0 without a control token: the ready line shows the bound address and stderr warns', async () => {
    const server = await spawnCli(['--port', '0', '--host', '0.0.0.0', '--seed', 'open', '--log-level', 'silent'])
    started.push(server)
    const port = new URL(server.url).port
    const v2Port = /PortOne V2 on http:\/\/127\.0\.0\.1:(\d+)\)/.exec(server.readyLine)?.[1]

    expect(server.readyLine).toBe(
      `iamport-mock ready on http://127.0.0.1:${port} (listening on 0.0.0.0:${port}, every interface; seed open; merchants: imp_apikey; PortOne V2 on http://127.0.0.1:${v2Port})`
    )
    await expect.poll(() => server.stderr()).toContain('iamport-mock: warning: listening on 0.0.0.0 without --control-token')
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200)
  })

  it('on 0.0.0.0 with a control token: no warning', async () => {
    const server = await spawnCli(['--port', '0', '--host', '0.0.0.0', '--control-token', 't0k', '--log-level', 'silent'])
    started.push(server)
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200)
    expect(server.stderr()).toBe('')
  })
})
