// The composite GitHub Action: action.yml runs tools/action/start.sh; this runs the script as the
// runner would (inputs as environment, $GITHUB_OUTPUT a file) against the single-file server.
import { afterAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assertBuilt, CLI_PATH } from '../support/spawn.js'
import { goesAway } from './process.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const script = join(root, 'tools/action/start.sh')

function outputsOf(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string])
  )
}

describe('the GitHub Action', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-action-'))
  const pids: number[] = []
  afterAll(() => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('action.yml is a composite action whose step runs the script with every input', () => {
    const action = readFileSync(join(root, 'action.yml'), 'utf8')
    expect(action).toContain('using: composite')
    expect(action).toContain('run: \'"$GITHUB_ACTION_PATH/tools/action/start.sh"\'')
    for (const input of ['port', 'args', 'version', 'bin', 'timeout']) {
      expect(action).toContain(`IAMPORT_MOCK_${input.toUpperCase()}: \${{ inputs.${input} }}`)
    }
    for (const name of ['url', 'port', 'pid']) expect(action).toContain(`value: \${{ steps.start.outputs.${name} }}`)
  })

  it('starts the server in the background with the flags, waits on health, outputs url, port and pid', async () => {
    assertBuilt()
    const output = join(dir, 'github-output')
    writeFileSync(output, '')
    const run = spawnSync('bash', [script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: dir,
        IAMPORT_MOCK_BIN: CLI_PATH,
        IAMPORT_MOCK_PORT: '0',
        IAMPORT_MOCK_ARGS: '--seed action-test --log-level silent',
        IAMPORT_MOCK_TIMEOUT: '30'
      }
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    const outputs = outputsOf(output)
    pids.push(Number(outputs.pid))

    expect(outputs.url).toBe(`http://127.0.0.1:${outputs.port}`)
    // The step has ended; the server is still there, started with the given flags.
    expect((await fetch(`${outputs.url}/__mock/health`)).status).toBe(200)
    expect(readFileSync(join(dir, 'iamport-mock/iamport-mock.log'), 'utf8')).toContain('(seed action-test;')

    process.kill(Number(outputs.pid), 'SIGTERM')
    expect(await goesAway(outputs.url!)).toBe(true)
  })

  it('fails the step with the server log when the server cannot start', () => {
    const output = join(dir, 'github-output-bad')
    writeFileSync(output, '')
    const run = spawnSync('bash', [script], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GITHUB_OUTPUT: output, RUNNER_TEMP: dir, IAMPORT_MOCK_BIN: CLI_PATH, IAMPORT_MOCK_ARGS: '--no-such-flag' }
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('iamport-mock: exited before it was ready:')
    expect(run.stderr).toContain("Unknown option '--no-such-flag'")
    expect(readFileSync(output, 'utf8')).toBe('')
  })
})
