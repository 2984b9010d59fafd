// The Python and Java examples, run as their users run them: python3 -m unittest in
// examples/python, javac + java in examples/java. Each starts the single-file server itself on
// port 0 and stops it. Skipped, saying what is missing, where python3 or a JDK is absent.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assertBuilt, CLI_PATH } from '../support/spawn.js'

const examples = fileURLToPath(new URL('../../examples/', import.meta.url))
const env = { ...process.env, IAMPORT_MOCK_BIN: CLI_PATH, NODE: process.execPath, PYTHONDONTWRITEBYTECODE: '1', PORT: '', HOST: '' }

/** The tools from `names` that are not on PATH. */
function missing(...names: string[]): string[] {
  return names.filter((name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).error !== undefined)
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

describe('the examples in other languages', () => {
  it('examples/python: the billing flow, a declined charge, a schedule and its webhook (unittest + urllib)', (ctx) => {
    const absent = missing('python3')
    if (absent.length > 0) ctx.skip(`${absent.join(', ')} is not on PATH`)
    assertBuilt()

    const { status, output } = run('python3', ['-m', 'unittest', '-v'], join(examples, 'python'))

    expect(output).toMatch(/Ran 3 tests in [\d.]+s\s+OK/)
    expect(status).toBe(0)
  }, 130_000)

  it('examples/java: the same flow with the JDK HttpClient, compiled with javac and run with java', (ctx) => {
    const absent = missing('javac', 'java')
    if (absent.length > 0) ctx.skip(`${absent.join(', ')} is not on PATH (a JDK 17 or newer is needed)`)
    assertBuilt()
    const dir = join(examples, 'java')
    const classes = mkdtempSync(join(tmpdir(), 'iamport-mock-java-'))
    try {
      const sources = readdirSync(join(dir, 'src')).map((file) => join('src', file))
      const compiled = run('javac', ['-encoding', 'UTF-8', '-d', classes, ...sources], dir)
      expect(compiled.output).toBe('')
      expect(compiled.status).toBe(0)

      const { status, output } = run('java', ['-cp', classes, 'BillingExample'], dir)

      expect(output).toContain('OK: 3 checks passed')
      expect(status).toBe(0)
    } finally {
      rmSync(classes, { recursive: true, force: true })
    }
  }, 130_000)
})
