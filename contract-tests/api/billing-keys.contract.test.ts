import { describe, expect } from 'vitest'
import { errors, ISSUE_FAILED_PREFIX } from '../../api/v1/catalogue.js'
import { magicCardByPreset } from '../../fixtures/cards/catalogue.js'
import type { Customer } from '../../api/v1/customer.js'
import type { Paged } from '../../api/v1/envelope.js'
import type { Payment } from '../../api/v1/payment.js'
import type { RawResponse } from '../../client/index.js'
import {
  catalogued,
  expectFailure,
  expectNoFullCardNumber,
  expectOk,
  expectUnixSeconds,
  FORMATS,
  itOnBoth,
  itOnMockOnly,
  onMock
} from '../lib/harness.js'
import { divergence } from '../lib/divergences.js'

/** A Luhn-invalid number: every PG refuses it before anything is stored. */
const LUHN_INVALID = '4242-4242-4242-4241'

describe('POST /subscribe/customers/{customer_uid}', () => {
  itOnBoth('issues a key, answering the masked card and the customer fields it was given', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    const customer = fx.customer()

    const res = await api.client.raw.billingKeys.issue(customerUid, { ...api.card, ...customer })

    const key = expectOk<Customer>(res, 'customer')
    expect(key).toMatchObject({ customer_uid: customerUid, ...customer })
    expect(key.card_number).toMatch(FORMATS.maskedCard)
    expectNoFullCardNumber(res.body, api.card.card_number)
    expectUnixSeconds(key.inserted)
    expect(key.updated).toBe(key.inserted)
  })

  itOnBoth('keeps `inserted` and moves `updated` on when a key is issued again under the same uid', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    const first = expectOk<Customer>(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    const second = expectOk<Customer>(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    expect(second.inserted).toBe(first.inserted)
    expect(second.updated).toBeGreaterThanOrEqual(first.updated)
  })

  itOnBoth('refuses a card number that fails the Luhn check, storing nothing', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()

    const res = await api.client.raw.billingKeys.issue(customerUid, { ...api.card, card_number: LUHN_INVALID })

    expectFailure(res, { status: 200, code: -1, message: new RegExp(`^${escapeRegExp(ISSUE_FAILED_PREFIX)}`) })
    const lookup = await api.client.raw.billingKeys.get(customerUid)
    expect(lookup.body.code).not.toBe(0)
  })

  itOnBoth('names a missing card_number in a code ≠ 0 answer with HTTP 200', async ({ api, fx }) => {
    const { card_number: _omitted, ...withoutNumber } = api.card

    const res = await api.client.raw.billingKeys.issue(fx.ids.customerUid(), withoutNumber as typeof api.card)

    expectFailure(res, { status: 200, code: 'non-zero', message: errors.requiredParams(['card_number']).message })
  })

  itOnMockOnly('refuses a declined card with the PG detail after the issue prefix', 'magic card', async ({ api, fx }) => {
    const declined = magicCardByPreset('card_declined')!

    const res = await api.client.raw.billingKeys.issue(fx.ids.customerUid(), { ...api.card, card_number: declined.number })

    expect(declined.outcome.kind).toBe('reject')
    expectFailure(res, catalogued(errors.issueFailed((declined.outcome as { pg_detail: string }).pg_detail)))
  })
})

describe('GET /subscribe/customers/{customer_uid}', () => {
  itOnBoth('answers the key stored under the uid, however the uid has to be encoded', async ({ api, fx }) => {
    // Hangul, a space, # and ? must survive the path; a slash is left out (web servers treat %2F apart).
    const customerUid = `${fx.ids.customerUid()}-한글 키#1?`
    const issued = expectOk<Customer>(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    const res = await api.client.raw.billingKeys.get(customerUid)

    const key = expectOk<Customer>(res, 'customer')
    expect(key).toMatchObject({ customer_uid: customerUid, card_number: issued.card_number, inserted: issued.inserted })
  })

  itOnBoth('answers an unknown uid as not found, with the uid in the message', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid('never-issued')

    const res = await api.client.raw.billingKeys.get(customerUid)

    expectCustomerNotFound(res, customerUid)
  })
})

describe('DELETE /subscribe/customers/{customer_uid}', () => {
  itOnBoth('answers the deleted key, which then is gone', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    const res = await api.client.raw.billingKeys.delete(customerUid, { reason: 'contract test' })

    expect(expectOk<Customer>(res, 'customer').customer_uid).toBe(customerUid)
    const after = await api.client.raw.billingKeys.get(customerUid)
    expect(after.body.code).not.toBe(0)
    expect(after.body.response).toBeNull()
  })

  itOnBoth('answers an unknown uid as not found', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid('never-issued')

    const res = await api.client.raw.billingKeys.delete(customerUid)

    expectCustomerNotFound(res, customerUid)
  })
})

describe('GET /subscribe/customers?customer_uid[]=', () => {
  itOnBoth('answers 207 with only the keys that exist', async ({ api, fx }) => {
    const known = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(known, api.card), 'customer')

    const res = await api.client.raw.billingKeys.getMany([known, fx.ids.customerUid('never-issued')])

    const keys = expectOk<Customer[]>(res, 'customers', 207)
    expect(keys.map((k) => k.customer_uid)).toEqual([known])
  })

  itOnBoth('answers 200 with every key when all exist', async ({ api, fx }) => {
    const uids = [fx.ids.customerUid(), fx.ids.customerUid()]
    for (const uid of uids) expectOk(await api.client.raw.billingKeys.issue(uid, api.card), 'customer')

    const res = await api.client.raw.billingKeys.getMany(uids)

    expect(
      expectOk<Customer[]>(res, 'customers')
        .map((k) => k.customer_uid)
        .sort()
    ).toEqual([...uids].sort())
  })

  itOnBoth('answers 404 when none exists', async ({ api, fx }) => {
    const res = await api.client.raw.billingKeys.getMany([fx.ids.customerUid('never-issued')])

    expectFailure(res, { ...catalogued(errors.noCustomersFound()), divergence: divergence('inferred-messages') })
  })
})

describe('GET /subscribe/customers/{customer_uid}/payments', () => {
  itOnBoth('lists the payments made with the key, newest first', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const first = expectOk<Payment>(await api.client.raw.subscribe.again(fx.againBody(customerUid, { amount: 1000 })), 'payment')
    const second = expectOk<Payment>(await api.client.raw.subscribe.again(fx.againBody(customerUid, { amount: 1100 })), 'payment')

    const res = await api.client.raw.billingKeys.payments(customerUid, { page: 1 })

    const page = expectOk<Paged<Payment>>(res, 'paged-payments')
    expect(page).toMatchObject({ total: 2, previous: 0, next: 0 })
    expect(page.list.map((p) => p.imp_uid).sort()).toEqual([first.imp_uid, second.imp_uid].sort())
    // Newest first; two charges in the same second may come in either order.
    expect(page.list[0]!.started_at).toBeGreaterThanOrEqual(page.list[1]!.started_at)
  })

  itOnBoth('answers an empty page for a uid without a key', async ({ api, fx }) => {
    const res = await api.client.raw.billingKeys.payments(fx.ids.customerUid('never-issued'))

    expect(expectOk<Paged<Payment>>(res, 'paged-payments')).toEqual({ total: 0, previous: 0, next: 0, list: [] })
  })
})

/**
 * An unknown customer_uid: HTTP 200 with code 1 and the observed text naming the uid (the
 * simulator's default), or the swagger's 404, whose text no source records.
 */
function expectCustomerNotFound(res: RawResponse<unknown>, customerUid: string): void {
  const unknownStatus = divergence('unknown-customer-status')
  if (res.status === 404 && !onMock) {
    expectFailure(res, { status: 404, code: 'non-zero', divergence: unknownStatus })
    return
  }
  expectFailure(res, { ...catalogued(errors.customerNotFound(customerUid, 200)), divergence: unknownStatus })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
