/** The control flags of the built `iamport-mock` command (npm test builds it first). */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import axios from 'axios'
import { connect } from 'node:net'
import { runCli, spawnCli, stopCli, type SpawnedServer } from '../../test/support/spawn.js'
import { createMockControl, type MockControlError } from '../../client/mock-control.js'

let server: SpawnedServer | undefined
afterEach(async () => {
  await stopCli(server)
  server = undefined
})

const start = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  server = await spawnCli(['--port', '0', '--log-level', 'silent', ...args], env)
  return server
}

describe('iamport-mock control flags', () => {
  it('--accept-any-key and --control-token', async () => {
    const { url, readyLine } = await start(['--accept-any-key', '--control-token', 'ci-token'])
    expect(readyLine).toContain('merchants: imp_apikey, any key; control API: token; PortOne V2 on')
    expect((await axios.post(`${url}/users/getToken`, { imp_key: 'shard_x', imp_secret: 'secret_x' })).data.code).toBe(0)
    const refused = await createMockControl(url)
      .state()
      .then(
        () => null,
        (e: MockControlError) => e
      )
    expect(refused?.code).toBe('unauthorized')
    const state = await createMockControl(url, { controlToken: 'ci-token' }).state('shard_x')
    expect(state.merchants[0]).toMatchObject({ imp_key: 'shard_x', open: true })
  })

  it('takes the control token from IAMPORT_MOCK_CONTROL_TOKEN', async () => {
    const { url } = await start([], { IAMPORT_MOCK_CONTROL_TOKEN: 'from-env' })
    expect(await createMockControl(url, { controlToken: 'from-env' }).faults.list()).toEqual([])
    expect((await axios.get(`${url}/__mock/faults`, { validateStatus: () => true })).status).toBe(401)
  })

  it('--no-control leaves health only, and serves the OpenAPI document otherwise', async () => {
    const off = await start(['--no-control'])
    expect(off.readyLine).toContain('control API: off')
    expect((await axios.get(`${off.url}/__mock/health`)).data).toEqual({ status: 'ok' })
    expect((await axios.get(`${off.url}/__mock/faults`, { validateStatus: () => true })).data.error.code).toBe('control_disabled')
    off.child.kill('SIGTERM')
    await off.exited

    // The bundled command loads @fastify/swagger (kept outside the bundle) on first request.
    const on = await start([])
    expect((await axios.get(`${on.url}/__mock/docs`)).data.info.title).toBe('iamport-mock control API')
    // So are @fastify/swagger-ui and its files.
    expect((await axios.get(`${on.url}/__mock/docs/ui/static/swagger-ui-bundle.js`)).status).toBe(200)
  })

  it('--no-hints sends no X-Iamport-Mock-Hint', async () => {
    const near = (url: string) => axios.get(`${url}/payments/imp_1/`, { validateStatus: () => true })
    const on = await start([])
    expect((await near(on.url)).headers['x-iamport-mock-hint']).toMatch(/trailing slash/)
    on.child.kill('SIGTERM')
    await on.exited
    const off = await start(['--no-hints'])
    const res = await near(off.url)
    expect(res.status).toBe(404)
    expect(res.headers['x-iamport-mock-hint']).toBeUndefined()
  })

  it('refuses a config file with a bad fault rule, naming it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'iamport-mock-')), 'config.json')
    writeFileSync(file, JSON.stringify({ faults: [{ action: { type: 'http', status: 200 } }] }))
    const { code, stderr } = await runCli(['--port', '0', '--config', file])
    expect(code).toBe(2)
    expect(stderr).toContain('/faults/0: action.status must be >= 400')
  })

  it('--control-allow-host and --control-allow-origin let a named host and a page origin through; others stay refused', async () => {
    const { url } = await start(['--control-allow-host', 'mock', '--control-allow-origin', 'http://localhost:3000'])
    const get = (headers: Record<string, string>) => axios.get(`${url}/__mock/faults`, { headers, validateStatus: () => true })
    expect((await get({ Host: 'mock:4010' })).status).toBe(200)
    expect((await get({ Origin: 'http://localhost:3000' })).status).toBe(200)
    expect((await get({ Host: 'other:4010' })).data.error.code).toBe('forbidden_host')
    expect((await get({ Origin: 'http://localhost:3001' })).data.error.code).toBe('forbidden_origin')
  })

  it('--request-timeout answers 408 to a body that never finishes, and refuses a bad value', async () => {
    const { url } = await start(['--request-timeout', '300'])
    const { hostname, port } = new URL(url)
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), hostname)
      let text = ''
      socket.setEncoding('utf8')
      socket.on('data', (chunk: string) => (text += chunk))
      socket.on('close', () => resolve(text))
      socket.write('POST /users/getToken HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"imp_key":')
    })
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    const bad = await runCli(['--port', '0', '--request-timeout', 'soon'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('invalid --request-timeout "soon"')
  })
})
