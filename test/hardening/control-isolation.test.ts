/** Parallel CI shards on one simulator: --accept-any-key merchants, scoped rules, per-merchant reset. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../support/http.js'
import { errors } from '../../api/v1/catalogue.js'
import type { MockControlError } from '../../client/mock-control.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('--accept-any-key', () => {
  it('makes each unknown key pair its own merchant, with its own data', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    const a = await h.merchant('shard_a_7f3', 'secret_a')
    const b = await h.merchant('shard_b_91c', 'secret_b')
    expect(a.token).not.toBe(b.token)

    // The same customer_uid and merchant_uid in both shards: no collision.
    await a.issueKey('customer_1')
    await b.issueKey('customer_1', { card_number: '5555-5555-5555-4444' })
    const paidA = (await a.again('order_1', 'customer_1', 1000)).data.response
    const paidB = (await b.again('order_1', 'customer_1', 2000)).data.response
    expect(paidA.status).toBe('paid')
    expect(paidB.status).toBe('paid')
    expect((await a.find('order_1')).data.response.amount).toBe(1000)
    expect((await b.find('order_1')).data.response.amount).toBe(2000)
    expect((await b.http.get(`/payments/${paidA.imp_uid}`)).status).toBe(404)
    expect((await a.http.get('/subscribe/customers/customer_1')).data.response.card_number).not.toBe(
      (await b.http.get('/subscribe/customers/customer_1')).data.response.card_number
    )

    const state = await h.control.state()
    expect(state.merchants.map((m) => [m.imp_key, m.open])).toEqual([
      [DEFAULT_MERCHANT.imp_key, false],
      ['shard_a_7f3', true],
      ['shard_b_91c', true]
    ])
  })

  it('keeps the secret seen first as the merchant secret', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    await h.merchant('shard_c', 'first_secret')
    const wrong = await h.api.post('/users/getToken', { imp_key: 'shard_c', imp_secret: 'other_secret' })
    expect(wrong.data).toEqual(errors.authFailed().toEnvelope())
    expect(wrong.status).toBe(401)
  })

  it('refuses unknown keys without it', async () => {
    h = await startHttp()
    const res = await h.api.post('/users/getToken', { imp_key: 'shard_a', imp_secret: 'secret_a' })
    expect(res.data).toEqual(errors.authFailed().toEnvelope())
    expect((await h.control.state()).merchants).toHaveLength(1)
  })

  it('lets a rule scoped to one merchant touch that merchant only', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    const a = await h.merchant('shard_a', 'secret_a')
    const b = await h.merchant('shard_b', 'secret_b')
    await a.issueKey('customer_1')
    await b.issueKey('customer_1')
    await h.control.faults.add({
      match: { imp_key: 'shard_a', customer_uid: 'customer_1' },
      action: { type: 'decline', fail_reason: '잔액부족' },
      times: null
    })

    expect((await b.again('order_b', 'customer_1')).data.response.status).toBe('paid')
    expect((await a.again('order_a', 'customer_1')).data.response.status).toBe('failed')
    expect((await b.again('order_b2', 'customer_1')).data.response.status).toBe('paid')
  })

  it('matches a rule scoped to a merchant on its getToken too', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    await h.control.faults.add({ match: { imp_key: 'shard_a', path: '/users/getToken' }, action: { type: 'http', status: 503 } })
    const blocked = await h.api.post('/users/getToken', { imp_key: 'shard_a', imp_secret: 'secret_a' })
    expect(blocked.status).toBe(503)
    // Nothing was done: the key was not registered by the refused call.
    expect((await h.control.state()).merchants.map((m) => m.imp_key)).toEqual([DEFAULT_MERCHANT.imp_key])
    expect((await h.api.post('/users/getToken', { imp_key: 'shard_b', imp_secret: 'secret_b' })).status).toBe(200)
  })
})

describe('reset', () => {
  it('resets one merchant and leaves the other intact', async () => {
    h = await startHttp({ config: { accept_any_key: true } })
    const a = await h.merchant('shard_a', 'secret_a')
    const b = await h.merchant('shard_b', 'secret_b')
    for (const m of [a, b]) {
      await m.issueKey('customer_1')
      await m.again('order_1', 'customer_1')
      await m.http.post('/payments/prepare', { merchant_uid: 'order_2', amount: 5000 })
    }
    const ruleA = await h.control.faults.add({ match: { imp_key: 'shard_a' }, action: { type: 'pass' }, times: null })
    const ruleB = await h.control.faults.add({ match: { imp_key: 'shard_b' }, action: { type: 'pass' }, times: null })
    const global = await h.control.faults.add({ action: { type: 'pass' }, times: null })
    await h.control.clock.advance(600, { impKey: 'shard_a' })

    expect(await h.control.reset('shard_a')).toEqual({ reset: 'merchant', imp_key: 'shard_a' })

    // shard_a: empty, its token gone, its clock and rules reset, its journal entries dropped.
    expect((await a.http.get('/payments/imp_1')).status).toBe(401)
    const [stateA] = (await h.control.state('shard_a')).merchants
    expect(stateA).toMatchObject({ billing_keys: [], payments: [], prepares: [], token: null })
    expect(stateA!.clock.now).toBe((await h.control.clock.get()).now)
    expect((await h.control.faults.list()).map((r) => r.id)).toEqual([ruleB.id, global.id])
    expect(ruleA.id).not.toBe(ruleB.id)
    expect((await h.control.requests({ impKey: 'shard_a' })).entries).toEqual([])

    // shard_b: untouched.
    expect((await b.find('order_1')).data.response.status).toBe('paid')
    expect((await b.http.get('/subscribe/customers/customer_1')).data.code).toBe(0)
    expect((await b.http.get('/payments/prepare/order_2')).data.response.amount).toBe(5000)
    expect((await h.control.requests({ impKey: 'shard_b' })).entries.length).toBeGreaterThan(0)

    // shard_a starts again from scratch with the same key pair.
    const again = await h.merchant('shard_a', 'secret_a')
    expect((await again.find('order_1')).status).toBe(404)
  })

  it('resets everything: data, open merchants, clock, rules back to the config file, journal', async () => {
    h = await startHttp({
      config: { accept_any_key: true, faults: [{ match: { path: '/payments/imp_9' }, action: { type: 'http', status: 503 }, times: null }] }
    })
    const a = await h.merchant('shard_a', 'secret_a')
    const docs = await h.merchant()
    await docs.issueKey('customer_1')
    await h.control.faults.add({ action: { type: 'pass' }, times: null })
    await h.control.clock.advance(5000)

    expect(await h.control.reset()).toEqual({ reset: 'all', imp_key: null })
    const state = await h.control.state()
    expect(state.merchants.map((m) => m.imp_key)).toEqual([DEFAULT_MERCHANT.imp_key])
    expect(state.merchants[0]!.billing_keys).toEqual([])
    expect((await h.control.clock.get()).now_ms).toBe(h.clock.nowMs())
    expect(await h.control.faults.list()).toEqual([expect.objectContaining({ origin: 'config', hits: 0 })])
    expect((await h.control.requests()).entries).toEqual([])
    expect((await a.http.get('/payments/imp_1')).status).toBe(401)

    const fresh = await h.merchant()
    expect((await fresh.http.get('/payments/imp_9')).status).toBe(503)
  })

  it('answers unknown_merchant for a key it does not know', async () => {
    h = await startHttp()
    const error = await h.control.reset('nobody').then(
      () => null,
      (e: MockControlError) => e
    )
    expect(error).toMatchObject({ status: 404, code: 'unknown_merchant' })
  })

  it('restarts a merchant id stream when a seed was given, so the same calls give the same ids again', async () => {
    // Without a seed a reset keeps the stream going instead (docs/ids.md, ids-after-reset.test.ts).
    h = await startHttp({ seed: 'replay' })
    const run = async () => {
      const m = await h.merchant()
      await m.issueKey('customer_1')
      return (await m.again('order_1', 'customer_1')).data.response.imp_uid as string
    }
    const first = await run()
    await h.control.reset(DEFAULT_MERCHANT.imp_key)
    expect(await run()).toBe(first)
  })
})
