/**
 * Copies the figures of bench/results/latest.md into the README's Performance section (between
 * the `bench:figures` markers), so the README quotes the last run exactly. `npm run bench:readme`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const START = '<!-- bench:figures -->'
const END = '<!-- /bench:figures -->'

const report = readFileSync(`${ROOT}bench/results/latest.md`, 'utf8')
const [, stamp = '', ...rest] = report.split('\n').filter((line, i) => i > 0 || !line.startsWith('# '))
// The report's sections are `##`; inside the README's Performance section they become `####`.
const body = [`Latest run: ${stamp.trim()}`, ...rest].join('\n').replace(/^## /gm, '#### ').trim()

const readme = readFileSync(`${ROOT}README.md`, 'utf8')
const from = readme.indexOf(START)
const to = readme.indexOf(END)
if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`)
writeFileSync(`${ROOT}README.md`, `${readme.slice(0, from + START.length)}\n${body}\n${readme.slice(to)}`)
process.stdout.write('README.md Performance figures updated from bench/results/latest.md\n')
