/**
 * Card fields in a query string are masked in the log and the journal under any spelling the
 * server would read as that field: percent-encoded characters, case, `+`, and qs nestings.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import qs from 'qs'
import { redactUrl } from './logging.js'
import { QS_OPTIONS } from './body-parsers.js'
import { createTestApp, type TestApp } from '../../../test/support/helpers.js'

const FIELDS = ['card_number', 'pwd_2digit', 'birth', 'cvc', '_token'] as const
const pct = (c: string) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`

/** Every spelling of a field name: each character encoded alone (lower and upper hex), all encoded, upper case. */
function spellingsOf(field: string): string[] {
  const out = new Set<string>([field, field.toUpperCase(), [...field].map(pct).join(''), [...field].map((c) => pct(c).toUpperCase()).join('')])
  for (let i = 0; i < field.length; i++) {
    out.add(field.slice(0, i) + pct(field[i]!) + field.slice(i + 1))
    out.add(field.slice(0, i) + pct(field[i]!).toUpperCase() + field.slice(i + 1))
  }
  return [...out]
}

/** Nestings qs reads with the field as one of the key's segments. */
const NESTINGS: Array<(name: string) => string> = [
  (n) => n,
  (n) => `${n}[]`,
  (n) => `${n}[0]`,
  (n) => `extra[${n}]`,
  (n) => `extra%5B${n}%5D`,
  (n) => `extra%5b${n}%5d`,
  (n) => `a[b][${n}]`,
  (n) => `a[${n}][x]`,
  (n) => `a[b][c][d][${n}]`
]

/** The key path qs gives a name: every segment, at any depth. */
function keyPath(name: string): string[] {
  const path: string[] = []
  let value: unknown = qs.parse(`${name}=v`, QS_OPTIONS)
  while (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 0) break
    path.push(keys[0]!)
    value = (value as Record<string, unknown>)[keys[0]!]
  }
  return path
}

describe('card fields under any spelling', () => {
  it('are masked by redactUrl in every encoding and nesting qs reads as the field', () => {
    let cases = 0
    for (const field of FIELDS) {
      for (const spelling of spellingsOf(field)) {
        for (const nest of NESTINGS) {
          const name = nest(spelling)
          // The spelling is one the server really reads as the field.
          expect(
            keyPath(name).map((k) => k.toLowerCase()),
            name
          ).toContain(field)
          const url = `/payments/imp_1?x=1&${name}=SECRET-4242424242424242&y=2`
          const masked = redactUrl(url)
          expect(masked, name).toBe(`/payments/imp_1?x=1&${name}=[redacted]&y=2`)
          cases++
        }
      }
    }
    expect(cases).toBeGreaterThan(500)
  })

  it("treat a + or PHP's dot and space as the reader would", () => {
    expect(redactUrl('/a?card.number=1&pwd+2digit=2&card%20number=3')).toBe(
      '/a?card.number=[redacted]&pwd+2digit=[redacted]&card%20number=[redacted]'
    )
  })

  it('leave other parameters and broken encodings alone', () => {
    expect(redactUrl('/a?card_numbers=1&birthday=2&name=birth&x=%E0%A4%A')).toBe('/a?card_numbers=1&birthday=2&name=birth&x=%E0%A4%A')
    expect(redactUrl('/a/b')).toBe('/a/b')
  })
})

let t: TestApp
afterEach(async () => t?.app.close())

describe('the log and the journal', () => {
  it('hold no card value sent under an encoded or nested name', async () => {
    const lines: string[] = []
    const logStream = new Writable({
      write: (chunk, _e, done) => {
        lines.push(String(chunk))
        done()
      }
    })
    t = await createTestApp({ logger: 'trace', logStream, config: { journal_size: 10_000 } })
    const values: string[] = []
    let n = 0
    for (const field of FIELDS) {
      for (const spelling of spellingsOf(field)) {
        const params = NESTINGS.map((nest) => {
          const value = `V${String(++n).padStart(6, '0')}Q`
          values.push(value)
          return `${nest(spelling)}=${value}`
        })
        await t.get(`/payments/imp_1?${params.join('&')}`)
      }
    }
    const journal = (await t.app.inject('/__mock/requests')).json() as { entries: Array<{ path: string }> }
    expect(journal.entries.filter((e) => e.path.startsWith('/payments/imp_1?')).length).toBe(FIELDS.flatMap(spellingsOf).length)
    const log = lines.join('')
    expect(log.split('[redacted]').length - 1).toBe(values.length)
    const text = log + JSON.stringify(journal)
    for (const value of values) expect(text).not.toContain(value)
  })
})
