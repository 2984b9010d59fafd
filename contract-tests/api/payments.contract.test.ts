import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Paged } from '../../api/v1/envelope.js'
import type { Payment } from '../../api/v1/payment.js'
import { catalogued, expectFailure, expectOk, itOnBoth, type ContractApi } from '../lib/harness.js'
import type { Fixtures } from '../../fixtures/builders.js'

/** A paid key-in payment of `amount` won, made for the test. */
async function paidPayment(api: ContractApi, fx: Fixtures, amount = 1000): Promise<Payment> {
  return expectOk<Payment>(await api.client.raw.subscribe.onetime(fx.onetimeBody(api.card, { amount })), 'payment')
}

describe('GET /payments/{imp_uid}', () => {
  itOnBoth('answers the payment, test-channel payments included', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const res = await api.client.raw.payments.get(made.imp_uid, { include_sandbox: true })

    expect(expectOk<Payment>(res, 'payment')).toMatchObject({
      imp_uid: made.imp_uid,
      merchant_uid: made.merchant_uid,
      amount: made.amount,
      status: 'paid',
      paid_at: made.paid_at
    })
  })

  itOnBoth('answers an unknown imp_uid with 404', async ({ api }) => {
    const res = await api.client.raw.payments.get('imp_000000000001', { include_sandbox: true })

    expectFailure(res, catalogued(errors.paymentNotFound()))
  })
})

describe('GET /payments?imp_uid[]=', () => {
  itOnBoth('answers 207 with only the payments that exist', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const res = await api.client.raw.payments.getMany({ imp_uid: [made.imp_uid, 'imp_000000000002'] })

    expect(expectOk<Payment[]>(res, 'payments', 207).map((p) => p.imp_uid)).toEqual([made.imp_uid])
  })
})

describe('GET /payments/find/{merchant_uid}', () => {
  itOnBoth('answers the payment made for a merchant_uid', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const res = await api.client.raw.payments.find(made.merchant_uid)

    expect(expectOk<Payment>(res, 'payment')).toMatchObject({ imp_uid: made.imp_uid, merchant_uid: made.merchant_uid })
  })

  itOnBoth('filters by status: found as paid, not found as cancelled', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const paid = await api.client.raw.payments.find(made.merchant_uid, { payment_status: 'paid' })
    const cancelled = await api.client.raw.payments.find(made.merchant_uid, { payment_status: 'cancelled' })

    expect(expectOk<Payment>(paid, 'payment').imp_uid).toBe(made.imp_uid)
    expectFailure(cancelled, catalogued(errors.paymentNotFound()))
  })

  itOnBoth('answers an unknown merchant_uid with 404', async ({ api, fx }) => {
    const res = await api.client.raw.payments.find(fx.ids.merchantUid('never-paid'))

    expectFailure(res, catalogued(errors.paymentNotFound()))
  })
})

describe('GET /payments/findAll/{merchant_uid}', () => {
  itOnBoth('lists every attempt for a merchant_uid', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const res = await api.client.raw.payments.findAll(made.merchant_uid)

    const page = expectOk<Paged<Payment>>(res, 'paged-payments')
    expect(page).toMatchObject({ total: 1, previous: 0, next: 0 })
    expect(page.list.map((p) => p.imp_uid)).toEqual([made.imp_uid])
  })

  itOnBoth('answers an unknown merchant_uid with 404', async ({ api, fx }) => {
    const res = await api.client.raw.payments.findAll(fx.ids.merchantUid('never-paid'))

    expectFailure(res, catalogued(errors.paymentNotFound()))
  })
})

describe('GET /payments/status/{payment_status}', () => {
  itOnBoth('includes the payment in a window that starts and ends at its paid_at (both ends inclusive)', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)

    const res = await api.client.raw.payments.byStatus('paid', { from: made.paid_at, to: made.paid_at, limit: 1000 })

    // Other payments of the merchant may share that second: only "ours is there" is asserted.
    const page = expectOk<Paged<Payment>>(res, 'paged-payments')
    expect(page.list.map((p) => p.imp_uid)).toContain(made.imp_uid)
    expect(page.list.every((p) => p.status === 'paid' && p.paid_at === made.paid_at)).toBe(true)
  })

  itOnBoth('lists a cancelled payment by the time it was cancelled', async ({ api, fx }) => {
    const made = await paidPayment(api, fx)
    const cancelled = expectOk<Payment>(await api.client.raw.payments.cancel({ imp_uid: made.imp_uid }), 'payment')

    const res = await api.client.raw.payments.byStatus('cancelled', { from: cancelled.cancelled_at, to: cancelled.cancelled_at, limit: 1000 })

    expect(expectOk<Paged<Payment>>(res, 'paged-payments').list.map((p) => p.imp_uid)).toContain(made.imp_uid)
  })

  itOnBoth('refuses an unsupported status with 400', async ({ api }) => {
    const res = await api.client.raw.payments.byStatus('refunded' as 'paid')

    expectFailure(res, catalogued(errors.unsupportedStatus()))
  })
})
