/** The CLI's control flags, on the real command (run through tsx, so no build is needed). */
import { afterEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import axios from 'axios'
import { createMockControl, MockControlError } from '../../client/mock-control.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM')
})

function run(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', '--port', '0', '--log-level', 'silent', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  return child
}

/** Resolves with the URL of the ready line, or rejects with stderr if the process exits first. */
function ready(child: ChildProcess): Promise<{ url: string; line: string }> {
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout!.on('data', (chunk) => {
      out += String(chunk)
      const match = /ready on (http:\/\/\S+) .*/.exec(out)
      if (match) resolve({ url: match[1]!, line: match[0] })
    })
    child.stderr!.on('data', (chunk) => (err += String(chunk)))
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)))
  })
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)))
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

describe('iamport-mock command', () => {
  it('--accept-any-key and --control-token', async () => {
    const { url, line } = await ready(run(['--accept-any-key', '--control-token', 'ci-token']))
    expect(line).toContain('any key')
    expect(line).toContain('control API: token')
    const token = await axios.post(`${url}/users/getToken`, { imp_key: 'shard_x', imp_secret: 'secret_x' })
    expect(token.data.code).toBe(0)
    const refused = await createMockControl(url).state().then(() => null, (e: MockControlError) => e)
    expect(refused?.code).toBe('unauthorized')
    const state = await createMockControl(url, { controlToken: 'ci-token' }).state('shard_x')
    expect(state.merchants[0]).toMatchObject({ imp_key: 'shard_x', open: true })
  }, 30_000)

  it('--no-control leaves health only', async () => {
    const { url, line } = await ready(run(['--no-control']))
    expect(line).toContain('control API: off')
    expect((await axios.get(`${url}/__mock/health`)).data).toEqual({ status: 'ok' })
    const faults = await axios.get(`${url}/__mock/faults`, { validateStatus: () => true })
    expect(faults.data.error.code).toBe('control_disabled')
  }, 30_000)

  it('refuses a config file with a bad fault rule, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-'))
    const file = join(dir, 'config.json')
    writeFileSync(file, JSON.stringify({ faults: [{ action: { type: 'http', status: 200 } }] }))
    const { code, stderr } = await exitOf(run(['--config', file]))
    expect(code).toBe(2)
    expect(stderr).toContain('/faults/0: action.status must be >= 400')
  }, 30_000)
})
