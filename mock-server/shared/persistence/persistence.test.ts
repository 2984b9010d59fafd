import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp, type BuildAppOptions, type MockApp } from '../../app.js'
import { ManualClock } from '../clock.js'
import { APPROVED_CARD } from '../../../fixtures/cards/catalogue.js'
import { T0_MS } from '../../../test/support/helpers.js'
import { DataFileError } from './data-file.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

let dir: string
let file: string
const apps: MockApp[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-data-'))
  file = join(dir, 'state.jsonl')
})
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()))
  rmSync(dir, { recursive: true, force: true })
})

async function start(options: BuildAppOptions = {}): Promise<MockApp> {
  const app = await buildApp({ clock: new ManualClock(T0_MS), data: { file }, ...options })
  apps.push(app)
  return app
}
async function restart(app: MockApp, options: BuildAppOptions = {}): Promise<MockApp> {
  await app.close()
  apps.splice(apps.indexOf(app), 1)
  return start(options)
}

async function token(app: MockApp, key: { imp_key: string; imp_secret: string } = DEFAULT_MERCHANT): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/users/getToken', payload: key })
  expect(res.json().code, res.body).toBe(0)
  return res.json().response.access_token
}
const call = (app: MockApp, tok: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: tok }, ...(payload ? { payload } : {}) }).then((r) => r.json())
const card = { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

describe('--data FILE', () => {
  it('keeps billing keys, payments with their cancels, prepared amounts and the token across a restart', async () => {
    let app = await start()
    const tok = await token(app)
    await call(app, tok, 'POST', '/subscribe/customers/cust_1', card)
    await call(app, tok, 'POST', '/subscribe/customers/cust_gone', card)
    await call(app, tok, 'DELETE', '/subscribe/customers/cust_gone')
    const paid = await call(app, tok, 'POST', '/subscribe/payments/again', { customer_uid: 'cust_1', merchant_uid: 'o1', amount: 9900, name: 'x' })
    await call(app, tok, 'POST', '/payments/cancel', { imp_uid: paid.response.imp_uid, amount: 900, reason: '부분' })
    await call(app, tok, 'POST', '/subscribe/payments/again', { customer_uid: 'cust_1', merchant_uid: 'o2', amount: 500, name: 'x' })
    await call(app, tok, 'POST', '/payments/prepare', { merchant_uid: 'p1', amount: 5000 })
    await call(app, tok, 'PUT', '/payments/prepare', { merchant_uid: 'p1', amount: 6000 })
    const reads = [
      '/subscribe/customers/cust_1',
      '/subscribe/customers/cust_gone',
      `/payments/${paid.response.imp_uid}`,
      '/payments/findAll/o1',
      '/payments/prepare/p1',
      '/subscribe/customers/cust_1/payments'
    ]
    const before = await Promise.all(reads.map((url) => call(app, tok, 'GET', url)))

    app = await restart(app)
    expect(app.dataFile?.loaded).toMatchObject({ merchants: 1, payments: 2, billing_keys: 1, dropped_tail: false })
    // The token from before the restart still works, and every read answers as before.
    expect(await Promise.all(reads.map((url) => call(app, tok, 'GET', url)))).toEqual(before)
    expect(before[2].response).toMatchObject({ cancel_amount: 900, status: 'cancelled' })
    expect(await token(app)).toBe(tok)
    // The duplicate check and the cancel balance hold across the restart.
    const dup = await call(app, tok, 'POST', '/subscribe/payments/again', { customer_uid: 'cust_1', merchant_uid: 'o2', amount: 500, name: 'x' })
    expect(dup.code).toBe(1)
    const rest = await call(app, tok, 'POST', '/payments/cancel', { merchant_uid: 'o1' })
    expect(rest.response.cancel_amount).toBe(9900)
  })

  it('writes each change before it is answered, and compacts the file on start', async () => {
    let app = await start()
    const tok = await token(app)
    await call(app, tok, 'POST', '/subscribe/customers/cust_1', card)
    for (let i = 0; i < 5; i++) await call(app, tok, 'POST', '/subscribe/customers/cust_1', card)
    const linesWhileRunning = readFileSync(file, 'utf8').trim().split('\n')
    expect(linesWhileRunning).toHaveLength(1 + 1 + 6) // header, token, six key writes
    app = await restart(app)
    const compacted = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(compacted.map((l) => l.t)).toEqual(['header', 'token', 'key'])
  })

  it('never reuses an imp_uid after a restart with the same seed', async () => {
    let app = await start({ seed: 'fixed' })
    let tok = await token(app)
    await call(app, tok, 'POST', '/subscribe/customers/c', card)
    const first = await call(app, tok, 'POST', '/subscribe/payments/again', { customer_uid: 'c', merchant_uid: 'o1', amount: 1000, name: 'x' })
    app = await restart(app, { seed: 'fixed' })
    tok = await token(app)
    const second = await call(app, tok, 'POST', '/subscribe/payments/again', { customer_uid: 'c', merchant_uid: 'o2', amount: 1000, name: 'x' })
    expect(second.response.imp_uid).not.toBe(first.response.imp_uid)
    expect((await call(app, tok, 'GET', `/payments/${first.response.imp_uid}`)).response.merchant_uid).toBe('o1')
  })

  it('keeps --accept-any-key merchants, and forgets what a reset removed', async () => {
    const open = { config: { accept_any_key: true } }
    const shard = { imp_key: 'shard_1', imp_secret: 'shard_secret' }
    let app = await start(open)
    let tok = await token(app, shard)
    await call(app, tok, 'POST', '/subscribe/customers/c', card)
    const docsTok = await token(app)
    await call(app, docsTok, 'POST', '/subscribe/customers/docs_c', card)
    app = await restart(app, open)
    expect((await call(app, tok, 'GET', '/subscribe/customers/c')).code).toBe(0)
    // The first secret stays the secret.
    expect((await app.inject({ method: 'POST', url: '/users/getToken', payload: { ...shard, imp_secret: 'other' } })).statusCode).toBe(401)

    await app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
    app = await restart(app, open)
    expect(app.dataFile?.loaded).toMatchObject({ merchants: 1, payments: 0, billing_keys: 0 })
    tok = await token(app, shard)
    expect((await call(app, tok, 'GET', '/subscribe/customers/c')).code).toBe(1)
  })

  it('keeps the data of a merchant this start does not serve, and says so', async () => {
    const shop = { imp_key: 'shop_key', imp_secret: 'shop_secret' }
    let app = await start({ config: { merchants: [shop] } })
    await call(app, await token(app, shop), 'POST', '/subscribe/customers/c', card)
    app = await restart(app)
    expect(app.dataFile?.loaded.unknown_merchants).toEqual(['shop_key'])
    app = await restart(app, { config: { merchants: [shop] } })
    expect((await call(app, await token(app, shop), 'GET', '/subscribe/customers/c')).code).toBe(0)
  })

  it('drops a last line cut short by a kill, which was never answered', async () => {
    let app = await start()
    const tok = await token(app)
    await call(app, tok, 'POST', '/subscribe/customers/c', card)
    await app.close()
    apps.splice(0)
    appendFileSync(file, '{"t":"payment","k":"imp_apikey","r":{"imp_uid":"imps_1')
    app = await start()
    expect(app.dataFile?.loaded).toMatchObject({ billing_keys: 1, dropped_tail: true })
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true)
  })

  it('refuses to start on a damaged file or a file of another kind, naming it', async () => {
    writeFileSync(file, '{"t":"header","format":"iamport-mock-data","version":1}\nnot json\n{"t":"reset","k":"x"}\n')
    await expect(start()).rejects.toThrow(
      new DataFileError(`${file}:2: not a JSON line; the file was left as it is (fix or move it away to start empty)`)
    )
    writeFileSync(file, 'hello\n')
    await expect(start()).rejects.toThrow(DataFileError)
    writeFileSync(file, '{"t":"header","format":"iamport-mock-data","version":99}\n')
    await expect(start()).rejects.toThrow(/version 99/)
  })

  it('refuses a second simulator on the same file while the first runs', async () => {
    await start()
    const lock = `${file}.lock`
    // This process holds the lock; pretend it is another running process (the parent of this one).
    writeFileSync(lock, String(process.ppid))
    await expect(buildApp({ data: { file } })).rejects.toThrow(/in use by another simulator/)
  })

  it('flushes every write with fsync always', async () => {
    let app = await start({ data: { file, fsync: 'always' } })
    const tok = await token(app)
    await call(app, tok, 'POST', '/subscribe/customers/c', card)
    app = await restart(app)
    expect(app.dataFile?.loaded.billing_keys).toBe(1)
  })
})

describe('--data FILE and scheduled payments', () => {
  const schedule = (merchantUid: string, at: number) => ({
    customer_uid: 'cust_s',
    schedules: [{ merchant_uid: merchantUid, schedule_at: at, amount: 1000, name: '정기결제' }]
  })

  it('keeps schedules, revoked and moved ones included, and runs them after the restart', async () => {
    let app = await start({ schedulePollMs: 0 })
    let tok = await token(app)
    const T = T0_MS / 1000
    await call(app, tok, 'POST', '/subscribe/customers/cust_s', card)
    await call(app, tok, 'POST', '/subscribe/payments/schedule', schedule('s1', T + 3600))
    await call(app, tok, 'POST', '/subscribe/payments/schedule', schedule('s2', T + 7200))
    await call(app, tok, 'POST', '/subscribe/payments/schedule', schedule('s3', T + 7200))
    await call(app, tok, 'PUT', '/subscribe/payments/schedule/s2', { schedule_at: T + 5400 })
    await call(app, tok, 'POST', '/subscribe/payments/unschedule', { customer_uid: 'cust_s', merchant_uid: ['s3'] })
    // s3 is free again once revoked: a second record under the same merchant_uid.
    await call(app, tok, 'POST', '/subscribe/payments/schedule', schedule('s3', T + 9000))
    const list = `/subscribe/payments/schedule?schedule_from=${T}&schedule_to=${T + 86400}&limit=100`
    const before = await Promise.all(
      ['/subscribe/payments/schedule/s2', '/subscribe/payments/schedule/s3', list].map((u) => call(app, tok, 'GET', u))
    )
    expect(before[2].response.total).toBe(4)

    app = await restart(app, { schedulePollMs: 0 })
    expect(app.dataFile?.loaded.schedules).toBe(4)
    expect(
      await Promise.all(['/subscribe/payments/schedule/s2', '/subscribe/payments/schedule/s3', list].map((u) => call(app, tok, 'GET', u)))
    ).toEqual(before)

    // A schedule made after the restart is numbered after the loaded ones (runs after them at equal times).
    await call(app, tok, 'POST', '/subscribe/payments/schedule', schedule('s4', T + 3600))
    const moved = await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advance_seconds: 3 * 3600 } })
    expect(moved.statusCode).toBe(200)
    tok = await token(app) // three hours on: the old token has expired
    const listed = await call(app, tok, 'GET', list)
    expect(listed.code, JSON.stringify(listed)).toBe(0)
    const ran = listed.response.list as Array<{ merchant_uid: string; schedule_status: string; imp_uid: string | null }>
    const status = Object.fromEntries(ran.map((r) => [`${r.merchant_uid}:${r.schedule_status}`, r.imp_uid !== null]))
    expect(status).toEqual({ 's1:executed': true, 's2:executed': true, 's3:revoked': false, 's3:executed': true, 's4:executed': true })

    // The runs themselves are kept too.
    app = await restart(app, { schedulePollMs: 0 })
    expect((await call(app, tok, 'GET', '/subscribe/payments/schedule/s1')).response).toMatchObject({
      schedule_status: 'executed',
      payment_status: 'paid'
    })
    expect(app.dataFile?.loaded).toMatchObject({ schedules: 5, payments: 4 })
  })
})
