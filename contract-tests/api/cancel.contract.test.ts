import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Payment } from '../../api/v1/payment.js'
import type { Fixtures } from '../../fixtures/builders.js'
import { catalogued, expectFailure, expectOk, expectUnixSeconds, itOnBoth, type ContractApi } from '../lib/harness.js'
import { divergence } from '../lib/divergences.js'

/** The reason i'mport stores when a cancel gives none (2020 and 2024 captures). */
const DEFAULT_CANCEL_REASON = '취소요청api'

async function paidPayment(api: ContractApi, fx: Fixtures, amount: number): Promise<Payment> {
  return expectOk<Payment>(await api.client.raw.subscribe.onetime(fx.onetimeBody(api.card, { amount })), 'payment')
}

describe('POST /payments/cancel', () => {
  itOnBoth('refunds part, then the rest when amount is omitted, keeping a history entry for each', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 3000)

    const partial = expectOk<Payment>(
      await api.client.raw.payments.cancel(fx.partialCancelBody(made.imp_uid, 1000, { reason: '부분 환불' })),
      'payment'
    )
    const rest = expectOk<Payment>(await api.client.raw.payments.cancel({ imp_uid: made.imp_uid, reason: '잔액 환불' }), 'payment')

    // The status is `cancelled` even after a partial refund (Feb-2024 logs).
    expect(partial).toMatchObject({ status: 'cancelled', amount: 3000, cancel_amount: 1000, cancel_reason: '부분 환불' })
    expect(partial.cancel_history.map((h) => h.amount)).toEqual([1000])
    expectUnixSeconds(partial.cancelled_at)
    expect(rest).toMatchObject({ status: 'cancelled', cancel_amount: 3000, cancel_reason: '잔액 환불' })
    expect(rest.cancel_history.map((h) => [h.amount, h.reason])).toEqual([
      [1000, '부분 환불'],
      [2000, '잔액 환불']
    ])
  })

  itOnBoth('stores 취소요청api as the reason when none is given', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 1000)

    const cancelled = expectOk<Payment>(await api.client.raw.payments.cancel({ imp_uid: made.imp_uid }), 'payment')

    expect(cancelled.cancel_reason).toBe(DEFAULT_CANCEL_REASON)
    expect(cancelled.cancel_history[0]?.reason).toBe(DEFAULT_CANCEL_REASON)
  })

  itOnBoth('finds the payment by merchant_uid when no imp_uid is given', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 1000)

    const res = await api.client.raw.payments.cancel({ merchant_uid: made.merchant_uid })

    expect(expectOk<Payment>(res, 'payment')).toMatchObject({ imp_uid: made.imp_uid, cancel_amount: 1000, status: 'cancelled' })
  })

  itOnBoth('answers code 1 for an unknown imp_uid', async ({ api }) => {
    const res = await api.client.raw.payments.cancel({ imp_uid: 'imp_000000000003' })

    expectFailure(res, catalogued(errors.cancelTargetNotFound()))
  })

  itOnBoth('answers code 1 when the payment is already fully refunded', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 1000)
    expectOk(await api.client.raw.payments.cancel({ imp_uid: made.imp_uid }), 'payment')

    const res = await api.client.raw.payments.cancel({ imp_uid: made.imp_uid })

    expectFailure(res, catalogued(errors.alreadyCancelled()))
  })

  itOnBoth('refuses more than the refundable balance and refunds nothing', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 1000)

    const res = await api.client.raw.payments.cancel({ imp_uid: made.imp_uid, amount: 1500 })

    expectFailure(res, {
      status: 200,
      code: 'non-zero',
      message: /^결제취소에 실패하였습니다\./,
      mockMessage: errors.cancelAmountTooLarge().message,
      divergence: divergence('pg-decline-text')
    })
    const after = expectOk<Payment>(await api.client.raw.payments.get(made.imp_uid, { include_sandbox: true }), 'payment')
    expect(after).toMatchObject({ status: 'paid', cancel_amount: 0 })
  })

  itOnBoth('refuses a checksum that is not the refundable balance and refunds nothing', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 2000)

    const res = await api.client.raw.payments.cancel({ imp_uid: made.imp_uid, amount: 500, checksum: 1999 })

    expectFailure(res, { ...catalogued(errors.checksumMismatch(1999, 2000)), divergence: divergence('inferred-messages') })
    const after = expectOk<Payment>(await api.client.raw.payments.get(made.imp_uid, { include_sandbox: true }), 'payment')
    expect(after.cancel_amount).toBe(0)
  })

  itOnBoth('refunds when the checksum is the refundable balance', async ({ api, fx }) => {
    const made = await paidPayment(api, fx, 2000)

    const res = await api.client.raw.payments.cancel({ imp_uid: made.imp_uid, amount: 500, checksum: 2000 })

    expect(expectOk<Payment>(res, 'payment').cancel_amount).toBe(500)
  })

  itOnBoth('asks for imp_uid or merchant_uid when neither is given', async ({ api }) => {
    const res = await api.client.raw.payments.cancel({ reason: 'no target' })

    expectFailure(res, { status: 200, code: 'non-zero', message: /지정해주셔야합니다\./ })
  })
})
