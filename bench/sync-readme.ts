/**
 * Copies the figures of bench/results/latest.md into the docs, so they quote the last run exactly
 * and are never typed by hand. `npm run bench:readme`.
 *   - docs/performance.md: the whole report, between the `bench:figures` markers;
 *   - README.md: a one-line summary (the `again` row and start-up against bare Fastify), between
 *     the `bench:summary` markers.
 * A file without its markers is an error: the figures would otherwise go stale without a sound.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** Replaces what lies between `<!-- name -->` and `<!-- /name -->` in a file under the root. */
function fill(path: string, name: string, body: string): void {
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const text = readFileSync(`${ROOT}${path}`, 'utf8')
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} block`)
  writeFileSync(`${ROOT}${path}`, `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`)
}

/** The cells of the first table row whose cells start with `prefix`. */
function row(report: string, ...prefix: string[]): string[] {
  for (const line of report.split('\n')) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
    if (prefix.every((p, i) => cells[i] === p)) return cells
  }
  throw new Error(`bench/results/latest.md has no row starting ${prefix.join(' | ')}`)
}

const report = readFileSync(`${ROOT}bench/results/latest.md`, 'utf8')
const [, stamp = '', ...rest] = report.split('\n').filter((line, i) => i > 0 || !line.startsWith('# '))
// The report's sections are `##`; inside the Performance page's figures they become `###`.
const figures = [`Latest run: ${stamp.trim()}`, ...rest].join('\n').replace(/^## /gm, '### ').trim()
fill('docs/performance.md', 'bench:figures', figures)

const again = row(report, 'simulator', 'POST /subscribe/payments/again')
const startup = row(report, 'simulator (the bin: one esbuild bundle)')
const summary =
  `\`POST /subscribe/payments/again\` at ${again[2]} req/s (${again[5]} a bare Fastify server's rate), ` +
  `p99 ${again[4]} ms; spawn to ready in ${startup[1]} ms (${startup[2]} bare Fastify's); ` +
  `run of ${stamp.trim().split(' · ')[0]}.`
fill('README.md', 'bench:summary', summary)

process.stdout.write('docs/performance.md and README.md figures updated from bench/results/latest.md\n')
