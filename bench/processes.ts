/**
 * The servers under test, each in its own child process: start one and wait until it answers,
 * time a cold start to the first 200 from `/__mock/health`, read a child's resident memory.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { get } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The `iamport-mock` bin as package.json declares it: what `npx iamport-mock` runs. */
export const SIMULATOR_BIN = ROOT + (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: Record<string, string> }).bin['iamport-mock']
export const BASELINE_BIN = `${ROOT}bench/build/baseline-server.js`
/** The same baseline bundled into one file the way the bin is (see bundleBaseline). */
export const BASELINE_BUNDLE = `${ROOT}bench/build/baseline-server.bundle.mjs`

export interface ServerSpec {
  /** Shown in the table. */
  label: string
  kind: 'baseline' | 'simulator'
  /** Baseline only: run the esbuild bundle instead of the tsc output. */
  bundled?: boolean
  /**
   * Simulator only; `warn` unless said. The baseline always runs at warn: a pino logger and a
   * child logger per request, no line written per request. The simulator's default (`info`, a
   * line per request) gets its own row.
   */
  logLevel?: 'warn' | 'info'
  /** Simulator only: `--preload-payments N`. */
  preload?: number
  /** Simulator only: `--data FILE` (persistence on). */
  data?: string
  /** Flags for node itself (`--expose-gc` for the memory runs). */
  nodeArgs?: string[]
}

export interface RunningServer {
  readonly spec: ServerSpec
  readonly url: string
  /** The simulator's PortOne V2 base URL (its own port); null for the baseline. */
  readonly v2Url: string | null
  readonly pid: number
  /** What the child wrote to stderr so far (the preload report). */
  stderr(): string
  stop(): Promise<void>
}

function argv(spec: ServerSpec, port: number, v2Port = 0): string[] {
  const bin = spec.kind === 'simulator' ? SIMULATOR_BIN : spec.bundled ? BASELINE_BUNDLE : BASELINE_BIN
  const own =
    spec.kind === 'baseline'
      ? []
      : [
          '--seed',
          'bench',
          '--v2-port',
          String(v2Port),
          '--log-level',
          spec.logLevel ?? 'warn',
          ...(spec.preload === undefined ? [] : ['--preload-payments', String(spec.preload)]),
          ...(spec.data === undefined ? [] : ['--data', spec.data])
        ]
  return [...(spec.nodeArgs ?? []), bin, '--port', String(port), ...own]
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

/**
 * Starts a server on a free port and resolves once `/__mock/health` answers 200 (for a preloading
 * simulator that is after the preload: its event loop is busy until then). Its stdout goes to
 * /dev/null, so the info-level run's line per request costs the child, not this process.
 */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await freePort()
  const v2Port = spec.kind === 'simulator' ? await freePort() : 0
  const child = spawn(process.execPath, argv(spec, port, v2Port), { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  await waitForHealth(child, port, spec.label)
  const v2Url = spec.kind === 'simulator' ? `http://127.0.0.1:${v2Port}` : null
  return { spec, url: `http://127.0.0.1:${port}`, v2Url, pid: child.pid!, stderr: () => stderr, stop: () => stopChild(child) }
}

async function freePort(): Promise<number> {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as { port: number }
  server.close()
  await once(server, 'close')
  return port
}

function healthOk(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/__mock/health', agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('error', () => resolve(false))
  })
}

async function waitForHealth(child: ChildProcess, port: number, label: string): Promise<void> {
  while (!(await healthOk(port))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${label} exited before answering /__mock/health`)
    }
    await delay(2)
  }
}

/**
 * Milliseconds from spawn to the first 200 from `GET /__mock/health`, polled every 2 ms the way
 * a CI wait loop does (the port is picked beforehand, so no ready line is needed).
 */
export async function timeToReady(spec: ServerSpec): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, argv(spec, port), { stdio: 'ignore' })
  try {
    await waitForHealth(child, port, spec.label)
    return performance.now() - started
  } finally {
    await stopChild(child)
  }
}

/**
 * The bin is one esbuild bundle (mock-server/bundle-bin.mjs), which spares Node resolving and
 * loading hundreds of module files at start. Bundling the baseline the same way shows what
 * that is worth on its own, so the start-up comparison can be read like for like too.
 */
export async function bundleBaseline(): Promise<void> {
  const { build } = await import('esbuild')
  await build({
    entryPoints: [`${ROOT}bench/baseline-server.ts`],
    outfile: BASELINE_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning'
  })
}

/** Resident set size of a child in KiB, from /proc/<pid>/status (Linux). */
export function rssKib(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  if (!match) throw new Error(`no VmRSS for pid ${pid}`)
  return Number(match[1])
}
