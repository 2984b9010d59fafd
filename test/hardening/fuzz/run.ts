/**
 * `npm run fuzz -- [--runs N] [--seed S] [--stats] [--accept-any-key]`: the long fuzz run (the last
 * flag fuzzes a simulator in open merchant mode, where getToken can create merchants). Prints the seed first, so a failing
 * run can be repeated exactly with the same `--runs` and `--seed`; exits 1 on a failure, with
 * fast-check's shrunk counterexample.
 */
import { parseArgs } from 'node:util'
import { runFuzz } from './property.js'

const { values } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' }, stats: { type: 'boolean' }, 'accept-any-key': { type: 'boolean' } }
})
const runs = Number(values.runs ?? 20_000)
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S] [--stats] [--accept-any-key] (integers)\n')
  process.exit(2)
}
process.stdout.write(`fuzz: ${runs} cases, seed ${seed} (repeat with: npm run fuzz -- --runs ${runs} --seed ${seed})\n`)
const started = Date.now()
const result = await runFuzz({
  runs,
  seed,
  ...(values['accept-any-key'] ? { config: { accept_any_key: true } } : {}),
  progress: { every: 1000, report: (done) => process.stdout.write(`  ${done} cases, ${((Date.now() - started) / 1000).toFixed(1)} s\n`) }
})
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (values.stats) {
  for (const [route, counts] of [...result.outcomes].sort()) {
    const parts = [...counts].sort().map(([label, n]) => `${label}: ${n}`)
    process.stdout.write(`  ${route.padEnd(52)} ${parts.join(', ')}\n`)
  }
}
if (result.failure !== null) {
  process.stdout.write(`${result.failure}\n\nfuzz: FAILED (seed ${seed}, ${seconds} s)\n`)
  process.exit(1)
}
process.stdout.write(`fuzz: ${runs} cases passed, seed ${seed}, ${seconds} s\n`)
