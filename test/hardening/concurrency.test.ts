/**
 * Races through real HTTP: many requests on one socket pool at once, so they really overlap in the
 * server (an http.Agent with a socket per request, keep-alive). Each race checks that the
 * simulator's answer is what one request at a time would have given.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Agent } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import axios, { type AxiosInstance } from 'axios'
import { errors } from '../../api/v1/catalogue.js'
import { APPROVED_CARD } from '../../fixtures/cards/catalogue.js'
import { startHttp, type HttpHarness } from '../support/http.js'
import { T0 } from '../support/helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
let agent: Agent
let dataDir: string | null = null
afterEach(async () => {
  agent?.destroy()
  await h?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  dataDir = null
})

/** The races run on the in-memory store and again with `--data` (whose writes must not open a gap). */
const STORAGES = ['in memory', 'with --data'] as const
function storage(kind: (typeof STORAGES)[number]): Parameters<typeof startHttp>[0] {
  if (kind === 'in memory') return {}
  dataDir = mkdtempSync(join(tmpdir(), 'iamport-mock-race-'))
  return { data: { file: join(dataDir, 'state.jsonl') } }
}

async function setUp(options: Parameters<typeof startHttp>[0] = {}): Promise<{ http: AxiosInstance; token: string }> {
  h = await startHttp(options)
  agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const token = (await h.merchant()).token
  const http = axios.create({ baseURL: h.url, httpAgent: agent, validateStatus: () => true, headers: { Authorization: token } })
  return { http, token }
}

const card = { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

describe.each(STORAGES)('concurrent requests through real HTTP (%s)', (kind) => {
  it('pays one of 200 concurrent again calls with one merchant_uid and refuses the rest as duplicates', async () => {
    const { http } = await setUp(storage(kind))
    await http.post('/subscribe/customers/cust_race', card)
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        http.post('/subscribe/payments/again', { customer_uid: 'cust_race', merchant_uid: 'order_race', amount: 9900, name: '월간 이용권' })
      )
    )
    const paid = answers.filter((a) => a.data.code === 0)
    expect(paid).toHaveLength(1)
    expect(paid[0]!.data.response.status).toBe('paid')
    for (const refused of answers.filter((a) => a.data.code !== 0)) {
      expect(refused.status).toBe(200)
      expect(refused.data).toEqual(errors.alreadyPaid('order_race').toEnvelope())
    }
    const all = await http.get('/payments/findAll/order_race')
    expect(all.data.response.total).toBe(1)
    expect(all.data.response.list[0].imp_uid).toBe(paid[0]!.data.response.imp_uid)
  })

  it('keeps one key under a customer_uid issued 100 times at once, with inserted kept from the first issue', async () => {
    const { http } = await setUp(storage(kind))
    const fresh = await Promise.all(Array.from({ length: 100 }, () => http.post('/subscribe/customers/cust_fresh', card)))
    expect(fresh.every((a) => a.status === 200 && a.data.code === 0)).toBe(true)
    expect(new Set(fresh.map((a) => a.data.response.inserted))).toEqual(new Set([T0]))

    h.clock.advance(100)
    const again = await Promise.all(Array.from({ length: 100 }, () => http.post('/subscribe/customers/cust_fresh', card)))
    expect(again.every((a) => a.data.code === 0 && a.data.response.inserted === T0 && a.data.response.updated === T0 + 100)).toBe(true)
    const { merchants } = await h.control.state(DEFAULT_MERCHANT.imp_key)
    expect(merchants[0]!.billing_keys).toHaveLength(1)
    expect(merchants[0]!.billing_keys[0]).toMatchObject({ customer_uid: 'cust_fresh', inserted: T0, updated: T0 + 100 })
  })

  it('never cancels more than the amount under concurrent partial cancels, and cancel_history sums to cancel_amount', async () => {
    const { http } = await setUp(storage(kind))
    await http.post('/subscribe/customers/cust_c', card)
    const paid = await http.post('/subscribe/payments/again', { customer_uid: 'cust_c', merchant_uid: 'order_c', amount: 10_000, name: 'x' })
    const impUid: string = paid.data.response.imp_uid
    const amounts = Array.from({ length: 40 }, (_, i) => [700, 1300, 2500, 1000][i % 4]!)
    const answers = await Promise.all(amounts.map((amount) => http.post('/payments/cancel', { imp_uid: impUid, amount })))

    const accepted = answers.flatMap((a, i) => (a.data.code === 0 ? [amounts[i]!] : []))
    for (const refused of answers.filter((a) => a.data.code !== 0)) {
      expect([errors.cancelAmountTooLarge().message, errors.alreadyCancelled().message]).toContain(refused.data.message)
    }
    const payment = (await http.get(`/payments/${impUid}`)).data.response
    const acceptedSum = accepted.reduce((a, b) => a + b, 0)
    expect(payment.cancel_amount).toBeLessThanOrEqual(10_000)
    expect(payment.cancel_amount).toBe(acceptedSum)
    expect(payment.cancel_history.reduce((sum: number, c: { amount: number }) => sum + c.amount, 0)).toBe(payment.cancel_amount)
    expect(payment.cancel_history).toHaveLength(accepted.length)
    // Greedy in arrival order, the balance left is smaller than the smallest refused amount.
    expect(10_000 - acceptedSum).toBeLessThan(700)
  })

  it('hands out one token to 100 concurrent getToken calls', async () => {
    await setUp({ ...storage(kind), config: { accept_any_key: true } })
    const api = axios.create({ baseURL: h.url, httpAgent: agent, validateStatus: () => true })
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => api.post('/users/getToken', { imp_key: 'shard_race', imp_secret: 'secret_race' }))
    )
    expect(answers.every((a) => a.status === 200 && a.data.code === 0)).toBe(true)
    expect(new Set(answers.map((a) => a.data.response.access_token)).size).toBe(1)
    const docs = await Promise.all(
      Array.from({ length: 100 }, () => api.post('/users/getToken', { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret }))
    )
    expect(new Set(docs.map((a) => a.data.response.access_token)).size).toBe(1)
  })
})
