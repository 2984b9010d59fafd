/**
 * `npm run bench`: the simulator next to a bare Fastify baseline, measured in the same run on
 * this machine. Prints a markdown report and writes it to bench/results/latest.md.
 *
 *   1. start-up: spawn to the first 200 from /__mock/health, baseline and simulator alternating
 *      (and the baseline bundled like the bin, for a like-for-like reading);
 *   2. every server started: the baseline, the simulator empty, with its default info logging,
 *      with `--data` (persistence on), and with 100k and 1M payments preloaded (RSS read once
 *      they are ready and settled);
 *   3. rounds: in each, every route once on every server (baseline first); medians reported.
 *
 * Knobs (environment): BENCH_ROUNDS (5), BENCH_DURATION (2 s), BENCH_WARMUP (0 s),
 * BENCH_STARTS (5), BENCH_SCALE (100000,1000000), BENCH_LOOKUPS (500).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { CONNECTIONS, runLoad, type LoadOptions, type LoadResult, type RouteLoad } from './load.js'
import { bundleBaseline, rssKib, startServer, timeToReady, type RunningServer, type ServerSpec } from './processes.js'
import { ROUTE_LABELS, baselineRoute, openSession, openV2Session, simRoute, type SimRoute, type SimSession } from './routes.js'
import { pairedRatio, perPayment, renderReport, type Machine, type Report, type ScaleRow, type Target } from './report.js'
import { count, fixed, int, median } from './stats.js'

const env = (name: string, fallback: string): string => process.env[name] || fallback
const ROUNDS = Number(env('BENCH_ROUNDS', '5'))
const LOAD: LoadOptions = { duration: Number(env('BENCH_DURATION', '2')), warmup: Number(env('BENCH_WARMUP', '0')) }
const STARTS = Number(env('BENCH_STARTS', '5'))
const SCALE = env('BENCH_SCALE', '100000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const LOOKUPS = Number(env('BENCH_LOOKUPS', '500'))
const RESULTS = fileURLToPath(new URL('../results/latest.md', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

const began = performance.now()
/** Progress on stderr, each line with the seconds since the bench began. */
const log = (line: string): void => void process.stderr.write(`${((performance.now() - began) / 1000).toFixed(0).padStart(4)}s ${line}\n`)

function machine(): Machine {
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?'
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    // The bench's own previous report does not make the code under test differ from the commit.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    if (dirty.trim() !== '') commit += ' (with uncommitted changes)'
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    commit,
    node: process.version,
    cpu,
    cores: cpus().length,
    loadAverage: loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')
  }
}

async function measure(label: string, server: RunningServer, route: RouteLoad): Promise<LoadResult> {
  const result = await runLoad(route.v2 === true ? server.v2Url! : server.url, route, LOAD)
  log(
    `  ${label.padEnd(34)} ${int(result.rps).padStart(7)} req/s  p50 ${fixed(result.p50)} ms  p99 ${fixed(result.p99)} ms${result.failures ? `  ${result.failures} FAILED` : ''}`
  )
  return result
}

/** Heap in use after the preload and a full GC, as the simulator reports it on stderr. */
function heapMib(server: RunningServer): number {
  return Number(/heap used ([\d.]+) MiB/.exec(server.stderr())?.[1] ?? Number.NaN)
}

async function main(): Promise<void> {
  const m = machine()
  log(`iamport-mock bench: ${m.cpu}, ${m.cores} cores, Node ${m.node}, load average ${m.loadAverage}`)
  const baselineSpec: ServerSpec = { label: 'baseline', kind: 'baseline' }
  const simSpec: ServerSpec = { label: 'simulator', kind: 'simulator' }
  const bundledSpec: ServerSpec = { label: 'baseline, bundled', kind: 'baseline', bundled: true }
  await bundleBaseline()

  log(`start-up, ${STARTS} starts each, alternating`)
  const startup = { baseline: [] as number[], simulator: [] as number[], bundled: [] as number[] }
  for (let i = 0; i < STARTS; i++) {
    startup.baseline.push(await timeToReady(baselineSpec))
    startup.simulator.push(await timeToReady(simSpec))
    startup.bundled.push(await timeToReady(bundledSpec))
  }
  log(
    `  baseline ${fixed(median(startup.baseline), 0)} ms, simulator ${fixed(median(startup.simulator), 0)} ms, ` +
      `baseline bundled ${fixed(median(startup.bundled), 0)} ms (medians)`
  )

  log(`starting servers (preloading ${SCALE.map(count).join(' and ')} payments)`)
  const gc = ['--expose-gc']
  const dataDir = mkdtempSync(join(tmpdir(), 'iamport-mock-bench-'))
  const [baseline, info, persisted, ...stores] = await Promise.all([
    startServer(baselineSpec),
    startServer({ label: 'simulator, log level info', kind: 'simulator', logLevel: 'info' }),
    startServer({ label: 'simulator, --data FILE', kind: 'simulator', data: join(dataDir, 'bench.jsonl') }),
    startServer({ label: 'simulator', kind: 'simulator', preload: 0, nodeArgs: gc }),
    ...SCALE.map((n) => startServer({ label: `simulator, ${count(n)} stored`, kind: 'simulator', preload: n, nodeArgs: gc }))
  ])
  const servers = [baseline!, info!, persisted!, ...stores]
  try {
    // A second with nothing to do, so that RSS is read on quiet processes.
    await delay(1000)
    const rss = new Map(servers.map((s) => [s, rssKib(s.pid)]))
    for (const s of stores) log(`  ${s.spec.label}: RSS ${fixed(rss.get(s)! / 1024)} MiB, heap ${fixed(heapMib(s))} MiB`)

    // These requests also warm each simulator's charge path up before the first measured run.
    const sims = [info!, persisted!, ...stores]
    const opened = await Promise.all(sims.map((s) => openSession(s.url, LOOKUPS)))
    const sessions = new Map<RunningServer, SimSession>(sims.map((s, i) => [s, opened[i]!]))
    const v2Session = await openV2Session(stores[0]!.v2Url!, LOOKUPS)
    const runs = new Map<string, LoadResult[]>()
    const record = async (server: RunningServer, route: SimRoute | 'baseline'): Promise<void> => {
      const load = route === 'baseline' ? baselineRoute : simRoute(route, sessions.get(server)!, v2Session)
      const key = `${server.spec.label}|${route}`
      const result = await measure(`${server.spec.label}: ${route}`, server, load)
      runs.set(key, [...(runs.get(key) ?? []), result])
    }

    // Runs that are compared with each other come one right after the other (the baseline next
    // to the empty store's `again`; the stores' runs of a route together), and every other round
    // reverses their order, so that neither side of a ratio always goes first.
    const empty = stores[0]!
    for (let round = 1; round <= ROUNDS; round++) {
      log(`round ${round}/${ROUNDS}`)
      const forward = round % 2 === 1
      const inOrder = <T>(list: T[]): T[] => (forward ? list : [...list].reverse())
      for (const [s, route] of inOrder<[RunningServer, SimRoute | 'baseline']>([
        [baseline!, 'baseline'],
        [stores[0]!, 'v2Pay'],
        ...stores.map((s): [RunningServer, SimRoute] => [s, 'again']),
        [persisted!, 'again'],
        [info!, 'again']
      ])) {
        await record(s, route)
      }
      for (const s of inOrder(stores)) await record(s, 'lookup')
      await record(stores[0]!, 'v2Get')
      await record(empty, 'getToken')
      await record(empty, 'issue')
    }

    const get = (s: RunningServer, route: SimRoute | 'baseline'): LoadResult[] => runs.get(`${s.spec.label}|${route}`) ?? []
    const base = get(baseline!, 'baseline')
    const simRow = (s: RunningServer, route: SimRoute) => ({ server: s.spec.label, route: ROUTE_LABELS[route], runs: get(s, route), baseline: base })
    const scale: ScaleRow[] = stores.map((s, i) => ({
      stored: i === 0 ? 0 : SCALE[i - 1]!,
      rssKib: rss.get(s)!,
      heapMib: heapMib(s),
      again: get(s, 'again'),
      lookup: get(s, 'lookup')
    }))

    m.loadAverageEnd = loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')
    const report: Report = {
      machine: m,
      settings: { connections: CONNECTIONS, rounds: ROUNDS, duration: LOAD.duration, warmup: LOAD.warmup, starts: STARTS },
      throughput: [
        { server: 'baseline', route: ROUTE_LABELS.baseline, runs: get(baseline!, 'baseline') },
        simRow(empty, 'again'),
        simRow(empty, 'getToken'),
        simRow(empty, 'lookup'),
        simRow(empty, 'issue'),
        simRow(empty, 'v2Pay'),
        simRow(empty, 'v2Get'),
        simRow(info!, 'again'),
        simRow(persisted!, 'again')
      ],
      startup: [
        { server: 'baseline', ms: startup.baseline },
        { server: 'simulator (the bin: one esbuild bundle)', ms: startup.simulator },
        { server: 'baseline bundled the same way (for reference)', ms: startup.bundled }
      ],
      startupNotes: [
        `Like for like, both bundled: the simulator takes ${(median(startup.simulator) / median(startup.bundled)).toFixed(2)}× ` +
          'the bundled baseline. The target compares with the plain baseline, a Fastify app as usually run.'
      ],
      scale,
      targets: [
        ...targets(base, get(empty, 'again'), startup, scale),
        v2Target(get(empty, 'v2Pay'), get(empty, 'again'), 'V2 `payWithBillingKey` throughput ≥ V1 `again`'),
        v2Target(get(empty, 'v2Get'), get(empty, 'again'), 'V2 `getPayment` throughput ≥ V1 `again`')
      ]
    }
    const markdown = renderReport(report)
    mkdirSync(new URL('../results/', import.meta.url), { recursive: true })
    writeFileSync(RESULTS, markdown)
    process.stdout.write(`\n${markdown}\n`)
    log(`written to ${RESULTS}`)

    const failures = [...runs.values()].flat().reduce((sum, r) => sum + r.failures, 0)
    if (failures > 0) {
      log(`${failures} requests failed: these figures do not measure the routes they name`)
      process.exitCode = 1
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function targets(base: LoadResult[], again: LoadResult[], startup: { baseline: number[]; simulator: number[] }, scale: ScaleRow[]): Target[] {
  const rps = pairedRatio(again, base, 'rps')
  const p99 = pairedRatio(again, base, 'p99')
  const start = median(startup.simulator) / median(startup.baseline)
  const list: Target[] = [
    { name: '`again` throughput ≥ 0.6 × baseline', measured: `${rps.toFixed(2)}×`, pass: rps >= 0.6 },
    { name: '`again` p99 ≤ 2 × baseline p99', measured: `${p99.toFixed(2)}×`, pass: p99 <= 2 },
    { name: 'spawn-to-ready ≤ 1.5 × baseline', measured: `${start.toFixed(2)}×`, pass: start <= 1.5 }
  ]
  const empty = scale[0]
  const largest = scale.at(-1)
  if (empty && largest && largest !== empty) {
    const n = count(largest.stored)
    for (const route of ['again', 'lookup'] as const) {
      const vs = pairedRatio(largest[route], empty[route], 'rps')
      list.push({ name: `${n} stored: \`${route}\` throughput within 15 % of empty`, measured: `${vs.toFixed(2)}×`, pass: vs >= 0.85 })
    }
    const bytes = perPayment(largest, empty, 'rssKib')
    list.push({ name: `${n} stored: RSS per payment ≤ 1.5 KB (1,536 B)`, measured: `${int(bytes)} B`, pass: bytes <= 1536 })
  }
  return list
}

main().catch((err: unknown) => {
  log(`bench failed: ${(err as Error).stack ?? String(err)}`)
  process.exit(1)
})

/** A V2 route against V1's `again` of the same run (paired by round). */
function v2Target(v2: LoadResult[], again: LoadResult[], name: string): { name: string; measured: string; pass: boolean } {
  const ratio = pairedRatio(v2, again, 'rps')
  return { name, measured: `${ratio.toFixed(2)}×`, pass: ratio >= 1 }
}
