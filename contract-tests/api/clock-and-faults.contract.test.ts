/**
 * Simulator-only behaviour driven through the control API (`client/mock-control.ts`): the
 * virtual clock and fault rules. Every rule here is scoped to the suite's merchant and to ids
 * this test made, and is removed afterwards even when the test fails. The clock only ever moves
 * forward, as time does: later tests see a consistent, later "now".
 */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Auth } from '../../api/v1/auth.js'
import type { Payment } from '../../api/v1/payment.js'
import { createIamportClient } from '../../client/index.js'
import { createMockControl, type FaultRuleInput, type MockControl } from '../../client/mock-control.js'
import { catalogued, expectFailure, expectOk, itOnMockOnly, target } from '../lib/harness.js'

const TOKEN_LIFETIME_SECONDS = 30 * 60
const EXTENSION_SECONDS = 5 * 60

const control = (): MockControl => createMockControl(target.baseURL)

/**
 * Runs `body` with the suite merchant's clock frozen, so that whole seconds do not tick over
 * between two calls; it ticks on afterwards from wherever the test left it.
 */
async function withFrozenClock(mock: MockControl, body: () => Promise<void>): Promise<void> {
  await mock.clock.freeze(true, { impKey: target.impKey })
  try {
    await body()
  } finally {
    await mock.clock.freeze(false, { impKey: target.impKey })
  }
}

/** Adds rules for the length of `body`, then deletes whatever of them is left. */
async function withRules(mock: MockControl, rules: FaultRuleInput[], body: () => Promise<void>): Promise<void> {
  const ids: string[] = []
  try {
    for (const rule of rules) ids.push((await mock.faults.add({ ...rule, match: { ...rule.match, imp_key: target.impKey } })).id)
    await body()
  } finally {
    const left = new Set((await mock.faults.list(target.impKey)).map((r) => r.id))
    for (const id of ids) if (left.has(id)) await mock.faults.remove(id)
  }
}

describe('simulator clock', () => {
  itOnMockOnly('stops accepting a token 30 minutes after it was issued', 'clock', async ({ api }) => {
    const mock = control()
    await withFrozenClock(mock, async () => {
      const first = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')

      // The suite's merchant may hold a token from an earlier test: move to its expiry, whatever is left.
      await mock.clock.advance(first.expired_at - first.now, { impKey: target.impKey })

      const refused = await api.client.raw.payments.get('imp_000000000000', {}, { accessToken: first.access_token })
      expectFailure(refused, catalogued(errors.unauthorized()))
      const second = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')
      expect(second.access_token).not.toBe(first.access_token)
      expect(second.now).toBe(first.expired_at)
      expect(second.expired_at - second.now).toBe(TOKEN_LIFETIME_SECONDS)
    })
  })

  itOnMockOnly('extends a token asked for within its last minute by five minutes', 'clock', async ({ api }) => {
    const mock = control()
    await withFrozenClock(mock, async () => {
      const first = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')
      await mock.clock.advance(first.expired_at - first.now - 30, { impKey: target.impKey })

      const again = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')

      expect(again.access_token).toBe(first.access_token)
      expect(again.expired_at).toBe(first.expired_at + EXTENSION_SECONDS)
      expect(again.expired_at - again.now).toBe(30 + EXTENSION_SECONDS)
    })
  })
})

describe('injected failures', () => {
  itOnMockOnly('records an injected decline on an approved card as a failed payment', 'fault rule', async ({ api, fx }) => {
    const mock = control()
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const declined = fx.againBody(customerUid)

    await withRules(mock, [{ match: { customer_uid: customerUid }, action: { type: 'decline', fail_reason: '잔액부족' } }], async () => {
      const payment = expectOk<Payment>(await api.client.raw.subscribe.again(declined), 'payment')
      expect(payment).toMatchObject({ status: 'failed', fail_reason: '잔액부족', merchant_uid: declined.merchant_uid, paid_at: 0 })
    })

    // The rule acted once and is gone: the same key is charged normally.
    const paid = expectOk<Payment>(await api.client.raw.subscribe.again(fx.againBody(customerUid)), 'payment')
    expect(paid.status).toBe('paid')
  })

  itOnMockOnly('answers an injected server error, which the client retries only for reads', 'fault rule', async ({ api, fx }) => {
    const mock = control()
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const payment = expectOk<Payment>(await api.client.raw.subscribe.again(fx.againBody(customerUid)), 'payment')
    // A client of its own: retries without waiting, and its gateway pages stay out of the
    // recorded exchanges (they are not envelopes).
    const retrying = createIamportClient({
      baseURL: target.baseURL,
      impKey: target.impKey,
      impSecret: target.impSecret,
      retry: { maxRetries: 2, sleep: async () => {} }
    })
    const path = `/payments/${payment.imp_uid}`
    const calls = async (method: string, url: string) =>
      (await mock.requests({ impKey: target.impKey })).entries.filter((e) => e.method === method && e.path === url)
    const before = { get: (await calls('GET', path)).length, cancel: (await calls('POST', '/payments/cancel')).length }

    await withRules(
      mock,
      [
        { match: { method: 'GET', path }, action: { type: 'http', status: 503 } },
        { match: { path: '/payments/cancel', merchant_uid: payment.merchant_uid }, action: { type: 'http', status: 503 } }
      ],
      async () => {
        const read = await retrying.raw.payments.get(payment.imp_uid)
        expect(read.status).toBe(200)
        expect(read.body.response?.imp_uid).toBe(payment.imp_uid)
        expect((await calls('GET', path)).slice(before.get).map((e) => e.status)).toEqual([503, 200])

        const cancel = await retrying.raw.payments.cancel({ merchant_uid: payment.merchant_uid, reason: 'retry check' })
        expect(cancel.status).toBe(503)
        expect((await calls('POST', '/payments/cancel')).slice(before.cancel).map((e) => e.status)).toEqual([503])
      }
    )

    // The refused cancel changed nothing: the payment is still paid (the harness refunds it after the test).
    const still = expectOk<Payment>(await api.client.raw.payments.get(payment.imp_uid), 'payment')
    expect(still.status).toBe('paid')
  })
})
