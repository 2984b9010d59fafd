/** The results as a markdown document: absolute figures, ratios to the baseline, the targets. */
import type { LoadResult } from './load.js'
import { count, fixed, int, median, ratio } from './stats.js'

export interface Machine {
  date: string
  commit: string
  node: string
  cpu: string
  cores: number
  loadAverage: string
  /** Filled in when the runs are over. */
  loadAverageEnd?: string
}

export interface Settings {
  connections: number
  rounds: number
  duration: number
  warmup: number
  starts: number
}

export interface ThroughputRow {
  server: string
  route: string
  runs: LoadResult[]
  /** The baseline's runs, round by round, for the ratio columns; absent on the baseline's own row. */
  baseline?: LoadResult[]
}

export interface ScaleRow {
  stored: number
  rssKib: number
  /** From the preload report on stderr (after a full GC); NaN when absent. */
  heapMib: number
  again: LoadResult[]
  lookup: LoadResult[]
}

export interface Target {
  name: string
  measured: string
  pass: boolean
}

export interface Report {
  machine: Machine
  settings: Settings
  throughput: ThroughputRow[]
  startup: { server: string; ms: number[] }[]
  /** Sentences printed under the start-up table. */
  startupNotes: string[]
  scale: ScaleRow[]
  targets: Target[]
}

export const medianOf = (runs: LoadResult[], key: 'rps' | 'p50' | 'p99'): number => median(runs.map((r) => r[key]))

/**
 * The median over the rounds of `runs[i] / reference[i]`: each ratio compares two runs made one
 * right after the other, so load that other work puts on the machine cancels out far better
 * than in a ratio of two medians.
 */
export function pairedRatio(runs: LoadResult[], reference: LoadResult[], key: 'rps' | 'p99'): number {
  const n = Math.min(runs.length, reference.length)
  return median(Array.from({ length: n }, (_, i) => runs[i]![key] / reference[i]![key]))
}

/** Bytes each stored payment (with its key) adds over the empty store. */
export function perPayment(row: ScaleRow, empty: ScaleRow, field: 'rssKib' | 'heapMib'): number {
  const unit = field === 'rssKib' ? 1024 : 2 ** 20
  return ((row[field] - empty[field]) * unit) / row.stored
}

export function renderReport(r: Report): string {
  const { machine: m, settings: s } = r
  const lines: string[] = []
  lines.push('# iamport-mock benchmark', '')
  lines.push(
    `${m.date} · commit ${m.commit} · Node ${m.node} · ${m.cpu}, ${m.cores} cores · ` +
      `load average (1/5/15 min) at start ${m.loadAverage}, at end ${m.loadAverageEnd ?? '?'}`,
    '',
    `${s.connections} connections; per route ${s.rounds} alternating rounds of ${s.duration} s` +
      `${s.warmup > 0 ? ` (after ${s.warmup} s of warm-up)` : ''}. ` +
      'Figures are medians of the rounds; a ratio is the median of the ratios of runs made one after the other in the same round. ' +
      'Both servers log at level warn (no line per request) unless the row says otherwise.',
    ''
  )

  lines.push('## Throughput and latency', '')
  lines.push('| server | route | req/s | p50 ms | p99 ms | req/s ÷ baseline | p99 ÷ baseline |')
  lines.push('|---|---|--:|--:|--:|--:|--:|')
  for (const row of r.throughput) {
    const vs = row.baseline ?? row.runs
    lines.push(
      `| ${row.server} | ${row.route} | ${int(medianOf(row.runs, 'rps'))} | ${fixed(medianOf(row.runs, 'p50'))} | ${fixed(medianOf(row.runs, 'p99'))} | ` +
        `${ratio(pairedRatio(row.runs, vs, 'rps'))} | ${ratio(pairedRatio(row.runs, vs, 'p99'))} |`
    )
  }
  lines.push('')

  lines.push(`## Start-up: spawn to the first 200 from \`GET /__mock/health\` (median of ${s.starts})`, '')
  lines.push('| server | ms | ÷ baseline | every start, ms |')
  lines.push('|---|--:|--:|---|')
  const baseStart = median(r.startup[0]?.ms ?? [])
  for (const row of r.startup) {
    const ms = median(row.ms)
    lines.push(`| ${row.server} | ${fixed(ms, 0)} | ${ratio(ms / baseStart)} | ${row.ms.map((v) => fixed(v, 0)).join(', ')} |`)
  }
  lines.push('', ...r.startupNotes.flatMap((note) => [note, '']))

  const empty = r.scale[0]
  if (empty) {
    lines.push('## Scale: payments stored, each on its own billing key', '')
    lines.push(
      '| preloaded | RSS at ready | heap used | RSS per payment | heap per payment | again req/s | ÷ empty | lookup req/s | ÷ empty | again p99 ms | lookup p99 ms |'
    )
    lines.push('|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
    for (const row of r.scale) {
      const isEmpty = row === empty
      lines.push(
        `| ${row.stored === 0 ? 'none' : count(row.stored)} | ${fixed(row.rssKib / 1024)} MiB | ${fixed(row.heapMib)} MiB | ` +
          `${isEmpty ? '–' : `${int(perPayment(row, empty, 'rssKib'))} B`} | ${isEmpty ? '–' : `${int(perPayment(row, empty, 'heapMib'))} B`} | ` +
          `${int(medianOf(row.again, 'rps'))} | ${ratio(pairedRatio(row.again, empty.again, 'rps'))} | ` +
          `${int(medianOf(row.lookup, 'rps'))} | ${ratio(pairedRatio(row.lookup, empty.lookup, 'rps'))} | ` +
          `${fixed(medianOf(row.again, 'p99'))} | ${fixed(medianOf(row.lookup, 'p99'))} |`
      )
    }
    lines.push('')
  }

  lines.push('## Targets', '')
  lines.push('| target | measured | result |')
  lines.push('|---|---|---|')
  for (const t of r.targets) lines.push(`| ${t.name} | ${t.measured} | ${t.pass ? 'pass' : '**FAIL**'} |`)
  lines.push('')
  return lines.join('\n')
}
