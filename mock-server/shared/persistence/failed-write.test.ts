/**
 * A data file append that fails (ENOSPC, EIO, EBADF through an injected writer) changes nothing:
 * the request answers the transient error, memory is as it was (a retry is not refused as already
 * done), stderr says it once, and health reports the store degraded until a write succeeds. One
 * case per record kind the file holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type MockApp } from '../../app.js'
import { ManualClock } from '../clock.js'
import { T0, T0_MS } from '../../../test/support/helpers.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { errors } from '../../../api/v1/catalogue.js'

let dir: string
let file: string
let app: MockApp | null = null
let failWith: string | null = null
let warnings: string[] = []

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-failed-write-'))
  file = join(dir, 'state.jsonl')
  failWith = null
  succeedFirst = 0
  failOnce = false
  warnings = []
})
afterEach(async () => {
  await app?.close()
  app = null
  rmSync(dir, { recursive: true, force: true })
})

/** When set, this many more appends succeed before `failWith` applies. */
let succeedFirst = 0
/** When set, `failWith` fails one append only (an I/O blip rather than a full disk). */
let failOnce = false

const failingWrite = (fd: number, buffer: Buffer, offset: number): number => {
  if (failWith !== null && offset === 0 && succeedFirst > 0) {
    succeedFirst--
    return writeSync(fd, buffer, offset)
  }
  if (failWith !== null) {
    // Half the line reaches the file first, as a disk filling up mid-write does.
    if (offset === 0 && buffer.length > 2) return writeSync(fd, buffer, 0, buffer.length >> 1)
    const code = failWith
    if (failOnce) failWith = null
    throw Object.assign(new Error(`${code}: simulated`), { code })
  }
  return writeSync(fd, buffer, offset)
}

async function start(): Promise<MockApp> {
  await app?.close()
  app = await buildApp({
    clock: new ManualClock(T0_MS),
    schedulePollMs: 0,
    config: { accept_any_key: true },
    data: { file, write: failingWrite, warn: (line) => warnings.push(line) }
  })
  return app
}

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, token?: string) =>
  app!.inject({ method, url, ...(token ? { headers: { authorization: token } } : {}), ...(payload ? { payload } : {}) })
const tokenOf = async (key: { imp_key: string; imp_secret: string } = DEFAULT_MERCHANT) =>
  (await inject('POST', '/users/getToken', key)).json().response.access_token as string
const card = { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' }
const state = async () => (await inject('GET', '/__mock/state')).body
const health = async () => (await inject('GET', '/__mock/health')).json()

function expectTransient(res: LightMyRequestResponse): void {
  if (res.json().error) {
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('data_file_unwritable')
  } else {
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(errors.internal().toEnvelope())
  }
}

interface Case {
  kind: string
  /** Builds what the change needs; returns the token to use. */
  setup: () => Promise<string>
  change: (token: string) => Promise<LightMyRequestResponse>
}

const issue = (tok: string, uid = 'c1') => inject('POST', `/subscribe/customers/${uid}`, card, tok)
const again = (tok: string, merchantUid = 'o1') =>
  inject('POST', '/subscribe/payments/again', { customer_uid: 'c1', merchant_uid: merchantUid, amount: 1000, name: 'x' }, tok)
const schedule = (tok: string) =>
  inject(
    'POST',
    '/subscribe/payments/schedule',
    { customer_uid: 'c1', schedules: [{ merchant_uid: 's1', schedule_at: T0 + 3600, amount: 1000, name: 's' }] },
    tok
  )

const CASES: Case[] = [
  { kind: 'token', setup: async () => '', change: () => inject('POST', '/users/getToken', DEFAULT_MERCHANT) },
  {
    kind: 'merchant (open mode)',
    setup: async () => '',
    change: () => inject('POST', '/users/getToken', { imp_key: 'new_shop', imp_secret: 'new_secret' })
  },
  { kind: 'billing key', setup: () => tokenOf(), change: (tok) => issue(tok) },
  {
    kind: 'billing key deleted',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      return tok
    },
    change: (tok) => inject('DELETE', '/subscribe/customers/c1', undefined, tok)
  },
  {
    kind: 'payment',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      return tok
    },
    change: (tok) => again(tok)
  },
  {
    kind: 'payment cancelled in place',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      await again(tok)
      return tok
    },
    change: (tok) => inject('POST', '/payments/cancel', { merchant_uid: 'o1', amount: 400, reason: 'part' }, tok)
  },
  {
    kind: 'prepared amount',
    setup: () => tokenOf(),
    change: (tok) => inject('POST', '/payments/prepare', { merchant_uid: 'p1', amount: 5000 }, tok)
  },
  {
    kind: 'schedule',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      return tok
    },
    change: (tok) => schedule(tok)
  },
  {
    kind: 'schedule revoked in place',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      await schedule(tok)
      return tok
    },
    change: (tok) => inject('POST', '/subscribe/payments/unschedule', { customer_uid: 'c1', merchant_uid: ['s1'] }, tok)
  },
  {
    kind: 'reset',
    setup: async () => {
      const tok = await tokenOf()
      await issue(tok)
      return tok
    },
    change: () => inject('POST', '/__mock/reset', { imp_key: DEFAULT_MERCHANT.imp_key })
  }
]

const CODES = ['ENOSPC', 'EIO', 'EBADF']

describe('a failed data file write changes nothing', () => {
  CASES.forEach((c, i) => {
    it(`${c.kind}: answers the transient error, memory unchanged, health degraded until a write succeeds`, async () => {
      await start()
      const tok = await c.setup()
      const before = await state()
      expect(await health()).toEqual({ status: 'ok' })

      failWith = CODES[i % CODES.length]!
      expectTransient(await c.change(tok))
      expectTransient(await c.change(tok))
      expect(await state()).toBe(before)
      expect(await health()).toEqual({ status: 'degraded', data_file: expect.stringContaining(failWith) })
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(`cannot write to ${file}`)

      failWith = null
      const retried = await c.change(tok)
      expect(retried.statusCode, retried.body).toBe(200)
      expect(await health()).toEqual({ status: 'ok' })
      const after = await state()
      expect(after).not.toBe(before)

      // The file holds exactly what memory holds: no half line, nothing lost.
      await start()
      expect(await state()).toBe(after)
    })
  })

  it('a refused charge can be retried: it is not answered as already paid', async () => {
    await start()
    const tok = await tokenOf()
    await issue(tok)
    failWith = 'ENOSPC'
    expectTransient(await again(tok))
    failWith = null
    const res = (await again(tok)).json()
    expect(res.code).toBe(0)
    expect(res.response.status).toBe('paid')
  })

  it('a key-in charge that stores a key takes the key back when its payment cannot be written', async () => {
    await start()
    const tok = await tokenOf()
    const before = await state()
    // The key's line is written, the payment's fails once, and the key's removal is written.
    failWith = 'EIO'
    succeedFirst = 1
    failOnce = true
    const res = await inject('POST', '/subscribe/payments/onetime', { merchant_uid: 'o1', amount: 1000, customer_uid: 'c9', ...card }, tok)
    expectTransient(res)
    expect(await state()).toBe(before)
    await start()
    expect(await state()).toBe(before)
  })
})
