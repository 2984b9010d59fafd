#!/usr/bin/env node
/**
 * The `iamport-mock` command: parses flags and environment, starts the simulator, prints one ready
 * line with the base URL, and closes cleanly on SIGINT/SIGTERM. All process concerns live here.
 */
import { parseArgs } from 'node:util'
import { randomBytes } from 'node:crypto'
import closeWithGrace from 'close-with-grace'
import { ConfigError, loadConfigFile, normaliseOrigin, resolveConfig, type ResolvedConfig } from './shared/config/config.js'
import { createMockServer, type MockServer } from './server.js'
import { preloadPayments } from './preload.js'
import { DataFileError } from './shared/persistence/data-file.js'
import { packageVersion } from './cli/version.js'
import { boundNote, busyPortMessage, lockOwner, openControlWarning } from './cli/listen-report.js'

const USAGE = `Usage: iamport-mock [options]

  --port N         port to listen on (default 4010, env PORT; 0 = any free port)
  --v2-port N      PortOne V2 port (default 4011, or any free port when --port is 0; env V2_PORT)
  --host ADDR      address to bind (default 127.0.0.1, env HOST)
  --config FILE    JSON config: merchants, PG channels, seed, fidelity switches
  --seed TEXT      id seed (default: random, printed at start)
  --log-level L    fatal|error|warn|info|debug|trace|silent (default info)
  --accept-any-key any imp_key/imp_secret pair becomes its own merchant at its first getToken
  --no-control     switch the control API off (/__mock/health still answers)
  --no-hints       no X-Iamport-Mock-Hint explanations on refusals (docs/hints.md)
  --control-token T  require X-Mock-Control-Token: T on the control API (env IAMPORT_MOCK_CONTROL_TOKEN)
  --control-allow-origin O  a web origin (http://localhost:3000) whose pages may call the control API
                   (repeatable; the simulator's own origin always may)
  --control-allow-host H    a Host name the control API answers to besides loopback names, IP
                   addresses and --host (repeatable; e.g. a container's service name)
  --request-timeout MS  answer 408 and close a request whose headers and body have not all
                   arrived in MS milliseconds (default 30000; 0 = no limit)
  --data FILE      keep keys, payments, schedules, prepared amounts and tokens in FILE across restarts
                   (default: in memory only)
  --data-fsync P   off (default: written before each answer, survives kill -9) or always
                   (also flushed to disk, survives a power cut; slower)
  -v, --version    print the version and exit
  -h, --help       this text`

/** SIGTERM/SIGINT: how long the close may take before the process exits anyway (with 0). */
const CLOSE_WITHIN_MS = 800

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof LOG_LEVELS)[number]

function fail(message: string): never {
  process.stderr.write(`iamport-mock: ${message}\n`)
  process.exit(2)
}

async function main(): Promise<void> {
  // A dead stdout or stderr (the reader of the pipe died: EPIPE; a closed descriptor: EBADF) drops
  // what is written to it; it never becomes an uncaught error that holds or fails the exit.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {})
  let args
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        'v2-port': { type: 'string' },
        host: { type: 'string' },
        config: { type: 'string' },
        seed: { type: 'string' },
        'log-level': { type: 'string' },
        'accept-any-key': { type: 'boolean' },
        'no-control': { type: 'boolean' },
        'no-hints': { type: 'boolean' },
        'control-token': { type: 'string' },
        'control-allow-origin': { type: 'string', multiple: true },
        'control-allow-host': { type: 'string', multiple: true },
        'request-timeout': { type: 'string' },
        data: { type: 'string' },
        'data-fsync': { type: 'string' },
        // Bench-only, not in USAGE: see preload.ts and bench/README.md.
        'preload-payments': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      },
      strict: true
    }).values
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`)
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (args.version) {
    process.stdout.write(`${packageVersion()}\n`)
    return
  }

  const portText = args.port ?? (process.env.PORT || '4010')
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port "${portText}"`)
  const v2PortText = args['v2-port'] ?? (process.env.V2_PORT || (port === 0 ? '0' : '4011'))
  const v2Port = Number(v2PortText)
  if (!Number.isInteger(v2Port) || v2Port < 0 || v2Port > 65535) fail(`invalid V2 port "${v2PortText}"`)
  if (v2Port !== 0 && v2Port === port) fail(`--v2-port ${v2Port} is the V1 port too`)
  const host = args.host ?? (process.env.HOST || '127.0.0.1')
  const level = (args['log-level'] ?? 'info') as LogLevel
  if (!LOG_LEVELS.includes(level)) fail(`invalid log level "${level}" (one of ${LOG_LEVELS.join(', ')})`)

  const fsync = args['data-fsync'] ?? 'off'
  if (fsync !== 'off' && fsync !== 'always') fail(`invalid --data-fsync "${fsync}" (off or always)`)
  if (args.data === '') fail('--data needs a file name')
  if (args['data-fsync'] !== undefined && args.data === undefined) fail('--data-fsync needs --data FILE')
  const preloadText = args['preload-payments'] ?? '0'
  const preload = Number(preloadText)
  if (!Number.isSafeInteger(preload) || preload < 0) fail(`invalid --preload-payments "${preloadText}"`)

  // Without --seed or a seed in the config file, a random seed keeps ids from repeating across
  // restarts (a developer's database may still hold the last run's imp_uids).
  const seeds = { seed: args.seed, defaultSeed: randomBytes(6).toString('hex') }
  let config: ResolvedConfig
  try {
    config = args.config ? loadConfigFile(args.config, seeds) : resolveConfig({}, seeds)
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message)
    throw err
  }

  // Flags win over the config file; they can only switch things on (or the control API off).
  const controlToken = args['control-token'] ?? (process.env.IAMPORT_MOCK_CONTROL_TOKEN || undefined)
  if (controlToken === '') fail('--control-token needs a value')
  const timeoutText = args['request-timeout']
  const requestTimeout = timeoutText === undefined ? config.request_timeout_ms : Number(timeoutText)
  if (!Number.isSafeInteger(requestTimeout) || requestTimeout < 0) fail(`invalid --request-timeout "${timeoutText}" (milliseconds, 0 = no limit)`)
  config = {
    ...config,
    request_timeout_ms: requestTimeout,
    accept_any_key: args['accept-any-key'] === true || config.accept_any_key,
    hints: args['no-hints'] !== true && config.hints,
    control: {
      enabled: args['no-control'] !== true && config.control.enabled,
      token: controlToken ?? config.control.token,
      allowed_origins: [...config.control.allowed_origins, ...(args['control-allow-origin'] ?? []).map(normaliseOrigin)],
      allowed_hosts: [...config.control.allowed_hosts, ...(args['control-allow-host'] ?? []).map((h) => h.toLowerCase())]
    }
  }

  let server
  try {
    server = await createMockServer({
      config,
      port,
      v2Port,
      host,
      logger: level === 'silent' ? false : level,
      ...(args.data === undefined ? {} : { data: { file: args.data, fsync } })
    })
  } catch (err) {
    if (err instanceof DataFileError) fail(err.message)
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`iamport-mock: ${busyPortMessage(port, host, lockOwner(args.data))}\n`)
      process.exit(1)
    }
    throw err
  }
  closeWithGrace({ delay: 5000 }, async ({ err }) => {
    if (err) process.stderr.write(`iamport-mock: ${err.message}\n`)
    // Ends within a second whatever is in flight (slow webhook receivers, delay faults, waits);
    // what has not finished by then is abandoned, and the exit is still a clean one.
    await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_WITHIN_MS).unref())])
  })
  if (args['preload-payments'] !== undefined) preloadFirstMerchant(server, config, preload)
  const merchants = config.merchants.map((m) => m.imp_key).join(', ') + (config.accept_any_key ? ', any key' : '')
  // The control API is mentioned only when it is not the default (on, no token).
  const control = !config.control.enabled ? '; control API: off' : config.control.token !== null ? '; control API: token' : ''
  const loaded = server.app.dataFile
  const data = loaded
    ? `; data: ${loaded.file} (${loaded.loaded.payments} payments, ${loaded.loaded.billing_keys} billing keys, ${loaded.loaded.schedules} schedules loaded)`
    : ''
  const address = server.app.server.address()
  const bound = boundNote(typeof address === 'object' && address !== null ? address : null)
  process.stdout.write(
    `iamport-mock ready on ${server.url} (${bound === null ? '' : `${bound}; `}seed ${config.seed}; merchants: ${merchants}${control}${data}; PortOne V2 on ${server.v2Url})\n`
  )
  const warning = openControlWarning(host, config.control)
  if (warning !== null) process.stderr.write(`iamport-mock: ${warning}\n`)
  if (loaded?.loaded.dropped_tail) {
    process.stderr.write(
      `iamport-mock: ${loaded.file}: the last line was cut short (a kill mid-write) and was left out; it was never answered (its bytes are kept in ${loaded.loaded.torn_file})\n`
    )
  }
  for (const key of loaded?.loaded.unknown_merchants ?? []) {
    process.stderr.write(`iamport-mock: ${loaded!.file} holds data of merchant "${key}", which this start does not serve (kept in the file)\n`)
  }
}

/**
 * Fills the first merchant before the ready line (the event loop is busy until it is done, so no
 * request is answered earlier) and reports what it cost on stderr for the benchmark to read.
 * Under `node --expose-gc` a full collection runs first, so the heap figure holds only live data.
 */
function preloadFirstMerchant(server: MockServer, config: ResolvedConfig, count: number): void {
  const state = server.app.mock.store.merchantByKey(config.merchants[0]?.imp_key ?? '')
  if (!state) fail('--preload-payments needs a merchant')
  const started = performance.now()
  preloadPayments(state, count, config.fidelity)
  const seconds = (performance.now() - started) / 1000
  ;(globalThis as { gc?: () => void }).gc?.()
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20
  process.stderr.write(`iamport-mock: preloaded ${count} payments and billing keys in ${seconds.toFixed(1)} s; heap used ${heapMb.toFixed(1)} MiB\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`iamport-mock: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
