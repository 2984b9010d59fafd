import { describe, expect } from 'vitest'
import { errors, KEYIN_FAILED_PREFIX } from '../../api/v1/catalogue.js'
import { FAIL_REASON, magicCardByPreset } from '../../fixtures/cards/catalogue.js'
import { CUSTOMER_UID_USAGES, type Payment } from '../../api/v1/payment.js'
import type { Customer } from '../../api/v1/customer.js'
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

const LUHN_INVALID = '4242-4242-4242-4241'

/** What every approved charge answers, whatever the target. */
function expectPaid(payment: Payment): void {
  expect(payment.status).toBe('paid')
  expect(payment.imp_uid, divergence('billing-imp-uid-prefix').real).toMatch(FORMATS.impUid)
  if (onMock) expect(payment.imp_uid).toMatch(/^imps_\d{12}$/)
  expectUnixSeconds(payment.paid_at)
  expect(payment.failed_at).toBe(0)
  expect(payment.cancelled_at).toBe(0)
  expect(payment.cancel_amount).toBe(0)
  expect(payment.fail_reason).toBeNull()
  expect(payment.receipt_url ?? '').toMatch(FORMATS.url)
  expect(typeof payment.sandbox, divergence('sandbox-flag').real).toBe('boolean')
}

describe('POST /subscribe/payments/again', () => {
  itOnBoth('charges the stored key with the amount, order and buyer it was given', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const body = fx.againBody(customerUid, { amount: fx.amount({ min: 1000, max: 5000 }), custom_data: '{"plan":"monthly"}' })

    const res = await api.client.raw.subscribe.again(body)

    const payment = expectOk<Payment>(res, 'payment')
    expectPaid(payment)
    expect(payment).toMatchObject({
      merchant_uid: body.merchant_uid,
      amount: body.amount,
      name: body.name,
      currency: 'KRW',
      customer_uid: customerUid,
      buyer_name: body.buyer_name,
      buyer_email: body.buyer_email,
      buyer_tel: body.buyer_tel,
      custom_data: '{"plan":"monthly"}',
      channel: 'api',
      pay_method: 'card'
    })
    expect(CUSTOMER_UID_USAGES).toContain(payment.customer_uid_usage)
    if (onMock) expect(payment.customer_uid_usage).toBe('payment')
  })

  itOnBoth('refuses an unknown customer_uid with code 1 and charges nothing', async ({ api, fx }) => {
    const body = fx.againBody(fx.ids.customerUid('never-issued'))

    const res = await api.client.raw.subscribe.again(body)

    expectFailure(res, catalogued(errors.unknownBuyer()))
    const lookup = await api.client.raw.payments.find(body.merchant_uid)
    expect(lookup.status).toBe(404)
  })

  itOnBoth('names a missing order name in a code ≠ 0 answer', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const { name: _omitted, ...body } = fx.againBody(customerUid)

    const res = await api.client.raw.subscribe.again(body as typeof body & { name: string })

    expectFailure(res, { status: 200, code: 'non-zero', mockMessage: errors.requiredParams(['name']).message })
  })

  for (const preset of ['insufficient_balance', 'limit_exceeded'] as const) {
    itOnMockOnly(`records a ${preset} decline as a failed payment with code 0`, 'magic card', async ({ api, fx }) => {
      const card = magicCardByPreset(preset)!
      const customerUid = fx.ids.customerUid()
      expectOk(await api.client.raw.billingKeys.issue(customerUid, { ...api.card, card_number: card.number }), 'customer')
      const body = fx.againBody(customerUid)

      const payment = expectOk<Payment>(await api.client.raw.subscribe.again(body), 'payment')

      const reason = preset === 'insufficient_balance' ? FAIL_REASON.insufficientBalance : FAIL_REASON.limitExceeded
      expect(payment).toMatchObject({ status: 'failed', fail_reason: reason, paid_at: 0, merchant_uid: body.merchant_uid })
      expectUnixSeconds(payment.failed_at)
      const stored = expectOk<Payment>(await api.client.raw.payments.get(payment.imp_uid, { include_sandbox: true }), 'payment')
      expect(stored.status).toBe('failed')
    })
  }

  itOnMockOnly('refuses a second charge of a paid merchant_uid', 'the real answer to a duplicate is not published', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const body = fx.againBody(customerUid)
    expectOk(await api.client.raw.subscribe.again(body), 'payment')

    const res = await api.client.raw.subscribe.again(body)

    expectFailure(res, { ...catalogued(errors.alreadyPaid(body.merchant_uid)), divergence: divergence('inferred-messages') })
  })

  itOnMockOnly('refuses installments under 50,000 won', 'the real text is not published', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')

    const res = await api.client.raw.subscribe.again(fx.againBody(customerUid, { amount: 10_000, card_quota: 3 }))

    expectFailure(res, catalogued(errors.installmentsNotAllowed()))
  })
})

describe('POST /subscribe/payments/onetime', () => {
  itOnBoth('charges a card given by number without storing a key, echoing the order', async ({ api, fx }) => {
    const body = fx.onetimeBody(api.card, { amount: fx.amount({ min: 1000, max: 5000 }) })

    const res = await api.client.raw.subscribe.onetime(body)

    const payment = expectOk<Payment>(res, 'payment')
    expectPaid(payment)
    expect(payment).toMatchObject({ merchant_uid: body.merchant_uid, amount: body.amount, name: body.name, customer_uid: null })
    expect(payment.card_number ?? '', divergence('card-details-by-pg').real).toMatch(FORMATS.maskedCard)
    expectNoFullCardNumber(res.body, api.card.card_number)
  })

  itOnBoth('stores the card as a billing key when customer_uid is given', async ({ api, fx }) => {
    const customerUid = fx.ids.customerUid()
    const body = fx.onetimeBody(api.card, { amount: 1000, customer_uid: customerUid })

    const payment = expectOk<Payment>(await api.client.raw.subscribe.onetime(body), 'payment')

    expectPaid(payment)
    expect(payment.customer_uid).toBe(customerUid)
    expect(CUSTOMER_UID_USAGES).toContain(payment.customer_uid_usage)
    if (onMock) expect(payment.customer_uid_usage, divergence('customer-uid-usage-onetime').mock).toBe('issue')
    const key = expectOk<Customer>(await api.client.raw.billingKeys.get(customerUid), 'customer')
    expect(key).toMatchObject({ customer_uid: customerUid, customer_name: body.buyer_name, customer_email: body.buyer_email })
  })

  itOnBoth('refuses a card number that fails the Luhn check with the key-in prefix', async ({ api, fx }) => {
    const body = fx.onetimeBody({ ...api.card, card_number: LUHN_INVALID })

    const res = await api.client.raw.subscribe.onetime(body)

    expectFailure(res, { status: 200, code: -1, message: new RegExp(`^${KEYIN_FAILED_PREFIX.replace('.', '\\.')}`) })
    expect((await api.client.raw.payments.find(body.merchant_uid)).status).toBe(404)
  })

  itOnMockOnly('refuses a declined card at key-in with the PG detail', 'magic card', async ({ api, fx }) => {
    const declined = magicCardByPreset('card_declined')!

    const res = await api.client.raw.subscribe.onetime(fx.onetimeBody({ ...api.card, card_number: declined.number }))

    expectFailure(res, catalogued(errors.keyInFailed((declined.outcome as { pg_detail: string }).pg_detail)))
  })

  itOnMockOnly('answers a PG communication failure with code -1 and stores nothing', 'magic card', async ({ api, fx }) => {
    const failing = magicCardByPreset('pg_error')!
    const body = fx.onetimeBody({ ...api.card, card_number: failing.number }, { customer_uid: fx.ids.customerUid() })

    const res = await api.client.raw.subscribe.onetime(body)

    expectFailure(res, {
      status: 200,
      code: -1,
      message: new RegExp((failing.outcome as { pg_detail: string }).pg_detail.replace(/[[\]().]/g, '\\$&'))
    })
    expect((await api.client.raw.billingKeys.get(body.customer_uid!)).body.code).not.toBe(0)
  })
})
