/**
 * PortOne V2 payments through the unmodified @portone/server-sdk: billing-key and key-in charges,
 * reads, the list, full and partial cancels, idempotency under concurrency, login tokens, and each
 * error the simulator answers on these routes.
 */
import { describe, expect, it } from 'vitest'
import { APPROVED, INSUFFICIENT_BALANCE_CARD, SECRET, expectConformance, sdkError, useV2Harness } from './harness.js'

const h = useV2Harness()
let serial = 0

async function newKey(number = APPROVED.number): Promise<string> {
  const issued = await h.client.payment.billingKey.issueBillingKey({ method: { card: { credential: { ...APPROVED, number } } } })
  return issued.billingKeyInfo.billingKey
}

function pay(billingKey: string, paymentId = `payment-${++serial}`, total = 10_000, extra: Record<string, unknown> = {}) {
  return h.client.payment.payWithBillingKey({
    paymentId,
    billingKey,
    orderName: '월간 이용권',
    currency: 'KRW',
    customer: { id: 'customer-9' },
    ...extra,
    amount: { total, ...(extra.amount as object) }
  } as Parameters<typeof h.client.payment.payWithBillingKey>[0])
}

describe('V2 payments', () => {
  it('pays with a billing key and reads the payment PAID with its amounts, key and card', async () => {
    const key = await newKey()
    const answer = await pay(key, 'order-paid-1', 8900)
    expect(answer.payment.paidAt).toBe('2030-01-15T03:00:00.000Z')
    expect(answer.payment.pgTxId).toMatch(/^nictest04m/)

    const payment = await h.client.payment.getPayment({ paymentId: 'order-paid-1' })
    expect(payment.status).toBe('PAID')
    if (payment.status !== 'PAID') return
    expect(payment.amount).toMatchObject({ total: 8900, paid: 8900, cancelled: 0 })
    expect(payment.billingKey).toBe(key)
    expect(payment.pgTxId).toBe(answer.payment.pgTxId)
    expect(payment.method).toMatchObject({ type: 'PaymentMethodCard', card: { number: '42424242****4242' } })
  })

  it('makes one payment of two concurrent charges for one paymentId; the other is ALREADY_PAID', async () => {
    const key = await newKey()
    const results = await Promise.allSettled([pay(key, 'order-race'), pay(key, 'order-race')])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((rejected.reason as { data: { type: string } }).data.type).toBe('ALREADY_PAID')
    const list = await h.client.payment.getPayments({ filter: {} })
    expect(list.items.filter((p) => (p as { id: string }).id === 'order-race')).toHaveLength(1)
  })

  it('pays instantly with card credentials (key-in) without keeping the card number', async () => {
    const answer = await h.client.payment.payInstantly({
      paymentId: 'order-keyin',
      method: { card: { credential: APPROVED } },
      orderName: '단건 결제',
      amount: { total: 1000 },
      currency: 'KRW'
    })
    expect(answer.payment.pgTxId).toBeTruthy()
    const payment = await h.client.payment.getPayment({ paymentId: 'order-keyin' })
    expect(payment).toMatchObject({ status: 'PAID', id: 'order-keyin' })
    expect(JSON.stringify(payment)).not.toContain(APPROVED.number)
  })

  it('records a declined charge FAILED and answers PG_PROVIDER; the paymentId can be paid again', async () => {
    const poor = await newKey(INSUFFICIENT_BALANCE_CARD)
    const error = await sdkError(pay(poor, 'order-declined'), 'PG_PROVIDER')
    expect(error.data).toMatchObject({ pgCode: '51', pgMessage: '잔액부족' })
    const failed = await h.client.payment.getPayment({ paymentId: 'order-declined' })
    expect(failed).toMatchObject({ status: 'FAILED', failure: { pgMessage: '잔액부족' } })
    await pay(await newKey(), 'order-declined')
    expect((await h.client.payment.getPayment({ paymentId: 'order-declined' })).status).toBe('PAID')
  })

  it('cancels part, then the rest: PARTIAL_CANCELLED, then CANCELLED with both cancellations', async () => {
    const key = await newKey()
    await pay(key, 'order-cancel', 10_000)
    const part = await h.client.payment.cancelPayment({
      paymentId: 'order-cancel',
      amount: 3000,
      reason: '부분 환불',
      currentCancellableAmount: 10_000
    })
    expect(part.cancellation as object).toMatchObject({ status: 'SUCCEEDED', totalAmount: 3000, reason: '부분 환불' })
    const partial = await h.client.payment.getPayment({ paymentId: 'order-cancel' })
    expect(partial).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { total: 10_000, cancelled: 3000 } })

    await sdkError(
      h.client.payment.cancelPayment({ paymentId: 'order-cancel', amount: 7001, reason: 'x' }),
      'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT'
    )
    await sdkError(
      h.client.payment.cancelPayment({ paymentId: 'order-cancel', reason: 'x', currentCancellableAmount: 10_000 }),
      'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN'
    )
    const rest = await h.client.payment.cancelPayment({ paymentId: 'order-cancel', reason: '전액 환불' })
    expect(rest.cancellation).toMatchObject({ totalAmount: 7000 })
    const cancelled = await h.client.payment.getPayment({ paymentId: 'order-cancel' })
    expect(cancelled.status).toBe('CANCELLED')
    if (cancelled.status !== 'CANCELLED') return
    expect(cancelled.amount.cancelled).toBe(10_000)
    expect(cancelled.cancellations.map((c) => (c as { totalAmount: number }).totalAmount)).toEqual([3000, 7000])
    await sdkError(h.client.payment.cancelPayment({ paymentId: 'order-cancel', reason: 'x' }), 'PAYMENT_ALREADY_CANCELLED')
  })

  it('answers PAYMENT_NOT_FOUND, PAYMENT_NOT_PAID and SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT', async () => {
    await sdkError(h.client.payment.getPayment({ paymentId: 'order-unknown' }), 'PAYMENT_NOT_FOUND')
    await sdkError(h.client.payment.cancelPayment({ paymentId: 'order-unknown', reason: 'x' }), 'PAYMENT_NOT_FOUND')
    await sdkError(pay(await newKey(INSUFFICIENT_BALANCE_CARD), 'order-unpaid'), 'PG_PROVIDER')
    await sdkError(h.client.payment.cancelPayment({ paymentId: 'order-unpaid', reason: 'x' }), 'PAYMENT_NOT_PAID')
    await sdkError(pay(await newKey(), undefined, 1000, { amount: { taxFree: 900, vat: 200 } }), 'SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT')
  })

  it('answers BILLING_KEY_NOT_FOUND, BILLING_KEY_ALREADY_DELETED and INVALID_REQUEST on charges', async () => {
    await sdkError(pay('billing-key-unknown'), 'BILLING_KEY_NOT_FOUND')
    const key = await newKey()
    await h.client.payment.billingKey.deleteBillingKey({ billingKey: key })
    await sdkError(pay(key), 'BILLING_KEY_ALREADY_DELETED')
    await sdkError(pay(await newKey(), undefined, 0), 'INVALID_REQUEST')
    await sdkError(pay(await newKey(), undefined, 1000, { currency: undefined }), 'INVALID_REQUEST')
  })

  it('answers PG_PROVIDER for a key-in card the PG refuses, and keeps no payment', async () => {
    const error = await sdkError(
      h.client.payment.payInstantly({
        paymentId: 'order-keyin-refused',
        method: { card: { credential: { ...APPROVED, number: '4000000000000069' } } },
        orderName: '단건 결제',
        amount: { total: 1000 },
        currency: 'KRW'
      }),
      'PG_PROVIDER'
    )
    expect(error.data.pgMessage).toBe('유효기간오류')
    await sdkError(h.client.payment.getPayment({ paymentId: 'order-keyin-refused' }), 'PAYMENT_NOT_FOUND')
    await sdkError(h.client.payment.getPayments({ page: { number: 6000, size: 10 } }), 'INVALID_REQUEST')
  })

  it('lists payments newest first, filtered by status', async () => {
    const list = await h.client.payment.getPayments({ page: { number: 0, size: 100 }, filter: { status: ['CANCELLED'] } })
    expect(list.items.map((p) => (p as { id: string }).id)).toEqual(['order-cancel'])
    const all = await h.client.payment.getPayments({ page: { size: 2 } })
    expect(all.page.size).toBe(2)
    expect(all.items).toHaveLength(2)
  })

  it('declines a charge a fault rule names: FAILED payment, PG_PROVIDER', async () => {
    const added = await fetch(`${h.server.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ match: { merchant_uid: 'order-faulted' }, action: { type: 'decline', fail_reason: '한도초과' } })
    })
    expect(added.status).toBe(201)
    const error = await sdkError(pay(await newKey(), 'order-faulted'), 'PG_PROVIDER')
    expect(error.data.pgMessage).toBe('한도초과')
    expect((await h.client.payment.getPayment({ paymentId: 'order-faulted' })).status).toBe('FAILED')
  })

  it('logs in with the API secret and serves Bearer access tokens; a refresh token works once', async () => {
    const tokens = await h.client.auth.loginViaApiSecret({ apiSecret: SECRET })
    const read = await fetch(`${h.server.v2Url}/payments/order-paid-1`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
    expect(read.status).toBe(200)
    const renewed = await h.client.auth.refreshToken({ refreshToken: tokens.refreshToken })
    expect(renewed.accessToken).not.toBe(tokens.accessToken)
    await sdkError(h.client.auth.refreshToken({ refreshToken: tokens.refreshToken }), 'UNAUTHORIZED')
    await sdkError(h.client.auth.loginViaApiSecret({ apiSecret: 'not-a-secret' }), 'UNAUTHORIZED')
    const bad = await fetch(`${h.server.v2Url}/payments/order-paid-1`, { headers: { authorization: 'Bearer not-a-token' } })
    expect(bad.status).toBe(401)
    expect(await bad.json()).toMatchObject({ type: 'UNAUTHORIZED' })
  })

  it('every answer conforms to the official OpenAPI document', () => {
    expectConformance(h.exchanges)
  })
})
