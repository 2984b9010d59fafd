/**
 * Property: a valid data file, damaged the ways files are (a line deleted, duplicated, moved, the
 * file cut short, a byte flipped, a field given another type), either loads exactly its whole
 * records (the store, the state API and the rewritten file all agree with them) or refuses the
 * start with one line naming a line number, leaving the file as it was. Never a crash, never a
 * record that answers 500, never a readable line lost.
 *
 * `DATA_FUZZ_RUNS=10000 npx vitest run mock-server/shared/persistence/data-file-mutations.test.ts`
 * is the long run; npm test runs a bounded number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../app.js'
import { ManualClock } from '../clock.js'
import { T0_MS, T0 } from '../../../test/support/helpers.js'
import { DataFileError, type DataLine } from './data-file.js'
import { collapse } from './persistence.js'
import { lineProblem } from './line-schemas.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

const RUNS = Number(process.env.DATA_FUZZ_RUNS ?? 60)
const SEED = Number(process.env.DATA_FUZZ_SEED ?? 20260301)

let dir: string
let base = ''

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-mutations-'))
  const file = join(dir, 'base.jsonl')
  const app = await buildApp({ clock: new ManualClock(T0_MS), data: { file }, schedulePollMs: 0, config: { accept_any_key: true } })
  const tokenOf = async (key: { imp_key: string; imp_secret: string }) =>
    (await app.inject({ method: 'POST', url: '/users/getToken', payload: key })).json().response.access_token as string
  for (const merchant of [DEFAULT_MERCHANT, { imp_key: 'open_shop', imp_secret: 'open_secret' }]) {
    const headers = { authorization: await tokenOf(merchant) }
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers, payload })
    await post('/subscribe/customers/c1', { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' })
    await post('/subscribe/customers/c2', { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' })
    await app.inject({ method: 'DELETE', url: '/subscribe/customers/c2', headers })
    const paid = (await post('/subscribe/payments/again', { customer_uid: 'c1', merchant_uid: 'o1', amount: 9900, name: 'x' })).json()
    await post('/payments/cancel', { imp_uid: paid.response.imp_uid, amount: 900, reason: 'part' })
    await post('/subscribe/payments/again', { customer_uid: 'c1', merchant_uid: 'o2', amount: 500, name: 'y' })
    await post('/payments/prepare', { merchant_uid: 'p1', amount: 5000 })
    await post('/subscribe/payments/schedule', {
      customer_uid: 'c1',
      schedules: [{ merchant_uid: 's1', schedule_at: T0 + 3600, amount: 1000, name: 's' }]
    })
  }
  await app.close()
  base = readFileSync(file, 'latin1')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Mutation =
  | { kind: 'delete' | 'duplicate'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'retype'; at: number; path: number; value: unknown }

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant('retype' as const),
    at: fc.nat(),
    path: fc.nat(),
    value: fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}))
  })
)

/** Every [object, key] pair of a parsed line, depth first. */
function slots(value: unknown, out: Array<[Record<string, unknown>, string]> = []): Array<[Record<string, unknown>, string]> {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      out.push([value as Record<string, unknown>, key])
      slots((value as Record<string, unknown>)[key], out)
    }
  }
  return out
}

/** `text` is the file's bytes as a latin1 string (one character per byte), so a flip is one byte. */
function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n').slice(0, -1)
  const pick = (n: number) => n % lines.length
  // Nothing left to damage line by line (an earlier cut emptied the file).
  if (text === '' || (lines.length === 0 && m.kind !== 'truncate' && m.kind !== 'flip')) return text
  switch (m.kind) {
    case 'delete':
      lines.splice(pick(m.at), 1)
      return lines.map((l) => `${l}\n`).join('')
    case 'duplicate':
      lines.splice(pick(m.at), 0, lines[pick(m.at)]!)
      return lines.map((l) => `${l}\n`).join('')
    case 'move': {
      const [line] = lines.splice(pick(m.from), 1)
      lines.splice(m.to % (lines.length + 1), 0, line!)
      return lines.map((l) => `${l}\n`).join('')
    }
    case 'truncate':
      return text.slice(0, m.at % text.length)
    case 'flip': {
      const at = m.at % text.length
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << m.bit)) + text.slice(at + 1)
    }
    case 'retype': {
      const n = pick(m.at)
      let parsed: unknown
      try {
        parsed = JSON.parse(lines[n]!)
      } catch {
        return text
      }
      const all = slots(parsed)
      if (all.length === 0) return text
      const [owner, key] = all[m.path % all.length]!
      owner[key] = m.value
      lines[n] = JSON.stringify(parsed)
      return lines.map((l) => `${l}\n`).join('')
    }
  }
}

/** What the whole, valid lines of a text say, by an independent reading: null when one is damaged. */
function expectedModel(bytes: string): ReturnType<typeof collapse> | null {
  const complete = Buffer.from(bytes, 'latin1').toString('utf8').split('\n').slice(0, -1)
  const lines: DataLine[] = []
  for (const line of complete) {
    if (line === '') continue
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      return null
    }
    if (lineProblem(parsed) !== null) return null
    lines.push(parsed as DataLine)
  }
  if (lines.length > 0 && (lines[0]!.t !== 'header' || complete[0] === '')) return null
  return collapse(lines)
}

const counts = (model: ReturnType<typeof collapse>, key: string) => {
  const m = model.get(key)
  return m ? { payments: m.payments.size, billing_keys: m.keys.size, prepares: m.prepares.size } : null
}

/** Every merchant that holds anything, with its counts (a merchant with nothing left has no line to keep). */
function summary(model: ReturnType<typeof collapse>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, m] of model) {
    const held = m.secret !== null || m.token !== null || m.keys.size + m.payments.size + m.prepares.size + m.schedules.size > 0
    if (held) out[key] = { ...counts(model, key), schedules: m.schedules.size, secret: m.secret, token: m.token?.r ?? null }
  }
  return out
}

let runNo = 0
async function check(mutations: Mutation[]): Promise<void> {
  const file = join(dir, `case-${runNo++}.jsonl`)
  const text = mutations.reduce(mutate, base)
  writeFileSync(file, Buffer.from(text, 'latin1'))
  const expected = expectedModel(text)
  let app
  try {
    app = await buildApp({ clock: new ManualClock(T0_MS), data: { file }, schedulePollMs: 0, config: { accept_any_key: true } })
  } catch (err) {
    if (!(err instanceof DataFileError)) throw new Error(`crashed instead of refusing: ${(err as Error).stack}`)
    expect((err as Error).message).not.toContain('\n')
    expect((err as Error).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+)?: `))
    expect(readFileSync(file, 'latin1'), 'a refused start leaves the file as it was').toBe(text)
    rmSync(file, { force: true })
    rmSync(`${file}.lock`, { force: true })
    return
  }
  try {
    // A line a reading of its own finds damaged must have refused the start.
    expect(expected, 'loaded a file with a damaged line').not.toBeNull()
    for (const key of [DEFAULT_MERCHANT.imp_key, 'open_shop']) {
      const want = counts(expected!, key)
      const state = app.mock.store.merchantByKey(key)
      if (want === null || !state) continue
      expect({ payments: state.payments.size, billing_keys: state.billingKeys.size, prepares: state.prepares.size }).toEqual(want)
    }
    // Every record renders: the state API answers 200, never 500.
    const res = await app.inject({ method: 'GET', url: '/__mock/state' })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
  } finally {
    await app.close()
  }
  // The rewritten file holds the same records; a torn tail's bytes are kept aside.
  const rewritten = expectedModel(readFileSync(file, 'latin1'))
  expect(rewritten && summary(rewritten)).toEqual(summary(expected!))
  if (!text.endsWith('\n') && text !== '') expect(existsSync(`${file}.torn`)).toBe(true)
  for (const f of [file, `${file}.torn`, `${file}.lock`]) rmSync(f, { force: true })
}

describe('a damaged data file, by property', () => {
  it(`loads exactly its whole records or refuses with a line number (${RUNS} mutations)`, async () => {
    expect(base.split('\n').length).toBeGreaterThan(15)
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => check(mutations)),
      { numRuns: RUNS, seed: SEED }
    )
  }, 600_000)
})
