/**
 * Proves the real-target path of the contract suite without the internet: starts a second
 * simulator as its own process (the built CLI, the way `npm start` runs it) on a free port, runs
 * the suite with IAMPORT_TARGET=real against it with the docs key pair and an approved Luhn-valid
 * card, stops the simulator, and fails unless at least MIN_TESTS contract tests ran and passed.
 *
 *   npm run test:contract:real-sim
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { SIMULATOR_CARD } from './lib/target.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'

/** The bar for the real-mode run. */
const MIN_TESTS = 15
const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The built `iamport-mock` command, as package.json's `bin` names it (what `npm start` runs). */
function binPath(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }
  return pkg.bin['iamport-mock']!
}

/** Starts `iamport-mock --port 0` as its own process and resolves with its URL from the ready line. */
function startSimulator(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [binPath(), '--port', '0', '--log-level', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const match = /ready on (http:\/\/\S+)/.exec(line)
      if (match) resolve({ child, url: match[1]! })
    })
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}) before it was ready`)))
    child.once('error', reject)
  })
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.once('exit', (code) => resolve(code ?? 1))
    child.once('error', reject)
  })
}

async function main(): Promise<number> {
  const { child, url } = await startSimulator()
  const reportDir = mkdtempSync(join(tmpdir(), 'iamport-contract-report-'))
  const report = join(reportDir, 'report.json')
  try {
    console.info(`real-mode contract run against a second simulator at ${url}`)
    const status = await run(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--project', 'contract', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      {
        ...process.env,
        IAMPORT_TARGET: 'real',
        IAMPORT_BASE_URL: url,
        IMP_KEY: DEFAULT_MERCHANT.imp_key,
        IMP_SECRET: DEFAULT_MERCHANT.imp_secret,
        IAMPORT_TEST_CARD_NUMBER: SIMULATOR_CARD.card_number,
        IAMPORT_TEST_CARD_EXPIRY: SIMULATOR_CARD.expiry,
        IAMPORT_TEST_CARD_BIRTH: SIMULATOR_CARD.birth,
        IAMPORT_TEST_CARD_PWD_2DIGIT: SIMULATOR_CARD.pwd_2digit
      }
    )
    const results = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number }
    console.info(
      `real-mode contract run: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped (mock only)`
    )
    if (status !== 0) return status
    if (results.numPassedTests < MIN_TESTS) {
      console.error(`real-mode contract run: only ${results.numPassedTests} tests ran; at least ${MIN_TESTS} must`)
      return 1
    }
    return 0
  } finally {
    child.kill('SIGTERM')
    rmSync(reportDir, { recursive: true, force: true })
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  }
)
