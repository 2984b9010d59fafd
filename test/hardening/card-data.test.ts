/**
 * Card data never leaves the request it came in: a known card is sent to every route (where it
 * belongs and where it does not, in bodies and query strings, accepted and refused), and then
 * every answer, `/__mock/state`, the journal, the webhook outbox and every webhook body as received,
 * the `--data` file and the server log at level trace are searched for
 * the full number (with and without dashes), the password digits, the birth date and the CVC.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Writable } from 'node:stream'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import axios from 'axios'
import qs from 'qs'
import { createMockServer, type MockServer } from '../../mock-server/server.js'
import { ManualClock } from '../../mock-server/shared/clock.js'
import { formatCardNumber, luhnCheckDigit } from '../../fixtures/cards/luhn.js'
import { ROUTES, fixtureFor, urlOf, type Fixture } from '../support/route-catalogue.js'
import { T0_MS } from '../support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

/** A card whose every secret is distinctive, so a match cannot be a random id. */
const DIGITS_15 = '559410873142650'
const CARD_DIGITS = DIGITS_15 + String(luhnCheckDigit(DIGITS_15))
const CARD = {
  card_number: formatCardNumber(CARD_DIGITS),
  expiry: '2031-07',
  birth: '870514',
  pwd_2digit: '37',
  cvc: '913'
} as const

/** Which secrets a text holds. Short ones are searched as a string value (JSON, form or query), not as any substring. */
function leaks(text: string): string[] {
  const found: string[] = []
  if (text.includes(CARD_DIGITS)) found.push('card number')
  if (text.includes(CARD.card_number)) found.push('card number with dashes')
  if (text.includes(CARD.birth)) found.push('birth date')
  for (const [name, value] of [
    ['password digits', CARD.pwd_2digit],
    ['cvc', CARD.cvc]
  ] as const) {
    // As a JSON string, a form or query value, or percent-encoded JSON; a bare number (`"seq":37`) is not the field.
    const asValue = new RegExp(`("${value}"|=${value}(?![0-9])|%22${value}%22)`)
    if (asValue.test(text)) found.push(name)
  }
  return found
}

let server: MockServer
let receiver: Server | null = null
afterEach(async () => {
  await server?.close()
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()))
  receiver = null
})

describe('card data', () => {
  it('appears in no answer, state, journal entry or log line after every route has seen the card', { timeout: 60_000 }, async () => {
    const log: string[] = []
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        log.push(String(chunk))
        done()
      }
    })
    const dataDir = mkdtempSync(join(tmpdir(), 'iamport-mock-card-'))
    const dataFile = join(dataDir, 'state.jsonl')
    server = await createMockServer({ clock: new ManualClock(T0_MS), logger: 'trace', logStream, data: { file: dataFile } })
    // Every webhook the simulator sends comes here, as it is on the wire.
    const webhooks: string[] = []
    receiver = createServer((req, res) => {
      let raw = `${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n`
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => (raw += chunk))
      req.on('end', () => {
        webhooks.push(raw)
        res.end('OK')
      })
    })
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve))
    const noticeUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhook`
    const api = axios.create({ baseURL: server.url, validateStatus: () => true, transformResponse: (d) => d })
    const seen: Array<{ what: string; text: string }> = []
    const send = async (what: string, method: string, url: string, body?: unknown, form = false) => {
      const res = await api.request({
        method,
        url,
        headers: { Authorization: token, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        data: body === undefined ? undefined : form ? qs.stringify(body) : body
      })
      seen.push({ what: `${what}: ${method} ${url.slice(0, 80)} → ${res.status}`, text: `${JSON.stringify(res.headers)}\n${String(res.data)}` })
      return res
    }

    const tokenRes = await api.post('/users/getToken', { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })
    const token: string = JSON.parse(tokenRes.data).response.access_token
    const f: Fixture = fixtureFor(DEFAULT_MERCHANT.imp_key, DEFAULT_MERCHANT.imp_secret, CARD)
    await send('key', 'POST', `/subscribe/customers/${f.customer_uid}`, CARD)
    const paid = await send('charge', 'POST', '/subscribe/payments/again', {
      customer_uid: f.customer_uid,
      merchant_uid: f.merchant_uid,
      amount: 9900,
      name: 'x'
    })
    await send('prepare', 'POST', '/payments/prepare', { merchant_uid: f.prepared_uid, amount: 5000 })
    // A schedule on a customer without a key: its card is presented with the schedule.
    await send('schedule with a card', 'POST', '/subscribe/payments/schedule', {
      ...CARD,
      customer_uid: 'cust_scheduled',
      schedules: [{ merchant_uid: f.scheduled_uid, schedule_at: f.now + 600, amount: 1000, name: 'x', notice_url: noticeUrl }]
    })
    const fixture = { ...f, imp_uid: JSON.parse(String(paid.data)).response.imp_uid as string, webhook_url: noticeUrl }

    // Every route, in JSON and as a form, with the card added where it does not belong too, and
    // notice_url pointing at the receiver, so that every webhook a call causes is seen.
    for (const entry of ROUTES) {
      const request = entry.request(fixture)
      for (const form of [false, true]) {
        const body = entry.method === 'GET' ? undefined : { ...CARD, notice_url: noticeUrl, ...request.body }
        const query = entry.method === 'GET' || entry.method === 'DELETE' ? { ...request.query, ...CARD } : request.query
        await send(entry.route, entry.method, urlOf(entry.route, { ...request, query }), body, form)
      }
    }
    // Refused cards: each check that can fail, and the key-in path.
    for (const bad of [
      { ...CARD, birth: '871399' },
      { ...CARD, pwd_2digit: '3x' },
      { ...CARD, expiry: '2020-01' },
      { ...CARD, card_number: CARD.card_number.slice(0, -1) + ((Number(CARD.card_number.at(-1)) + 1) % 10) }
    ]) {
      await send('refused key', 'POST', '/subscribe/customers/cust_bad', bad)
      await send('refused key-in', 'POST', '/subscribe/payments/onetime', { ...bad, merchant_uid: 'order_bad', amount: 1000 })
    }
    // Malformed bodies that still carry the card.
    await send('malformed', 'POST', '/subscribe/payments/onetime', `{"card_number":"${CARD.card_number}","birth":"${CARD.birth}"`)
    await send('wrong types', 'POST', '/subscribe/customers/cust_x', { ...CARD, expiry: 202607, customer_name: { a: CARD.cvc } })

    // Scheduled charges run (and send their webhooks) once the clock reaches them; cancels notify too.
    await api.post('/__mock/clock', { advance_seconds: 3 * 3600 })
    await send('cancel with webhook', 'POST', '/payments/cancel', { merchant_uid: 'order_again', enable_webhook: true })

    for (const control of ['/__mock/webhooks', '/__mock/state', '/__mock/requests?limit=1000', '/__mock/faults']) {
      const res = await api.get(control)
      seen.push({ what: control, text: String(res.data) })
    }
    seen.push({ what: 'server log', text: log.join('') })
    webhooks.forEach((text, i) => {
      seen.push({ what: `webhook ${i + 1} as received`, text })
    })
    seen.push({ what: 'the --data file', text: readFileSync(dataFile, 'utf8') })

    // The scan can see: the log did record the requests (with their ids), and the state has the masked key.
    expect(log.join('')).toContain('/subscribe/payments/onetime')
    expect(readFileSync(dataFile, 'utf8')).toContain('"t":"payment"')
    expect(webhooks.length).toBeGreaterThanOrEqual(3)
    expect(webhooks.join('\n')).toContain(f.scheduled_uid)
    expect(seen.find((s) => s.what === '/__mock/state')!.text).toContain(`${CARD_DIGITS.slice(0, 8)}****${CARD_DIGITS.slice(-4)}`)
    const found = seen.flatMap((s) => leaks(s.text).map((what) => `${what} in ${s.what}`))
    expect(found).toEqual([])
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('finds each secret when it is there (the scan is not blind)', () => {
    expect(leaks(`{"x":"${CARD_DIGITS}"}`)).toEqual(['card number'])
    expect(leaks(`"birth":"${CARD.birth}"`)).toEqual(['birth date'])
    expect(leaks(`pwd_2digit=${CARD.pwd_2digit}&x=1`)).toEqual(['password digits'])
    expect(leaks(`{"cvc":"${CARD.cvc}"}`)).toEqual(['cvc'])
    expect(leaks('imps_123791300000 nictest04m0116260301')).toEqual([])
  })
})
