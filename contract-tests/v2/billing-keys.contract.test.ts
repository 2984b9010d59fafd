/**
 * PortOne V2 billing keys through the unmodified @portone/server-sdk: issue, read, list, delete,
 * and each error the simulator answers on these routes, as the SDK's typed errors.
 */
import { describe, expect, it } from 'vitest'
import { APPROVED, DECLINED_CARD, SECRET, STORE_A, STORE_B, expectConformance, sdkError, useV2Harness } from './harness.js'
import { PortOneClient } from '@portone/server-sdk'

const h = useV2Harness()

function issue(overrides: Record<string, unknown> = {}, credential: Record<string, string> = APPROVED) {
  return h.client.payment.billingKey.issueBillingKey({
    method: { card: { credential: credential as typeof APPROVED } },
    customer: { id: 'customer-1', name: { full: '홍길동' }, email: 'buyer@example.com' },
    customData: '{"plan":"monthly"}',
    ...overrides
  })
}

describe('V2 billing keys', () => {
  it('issues a key from card credentials and reads it back ISSUED, masked, with its channel and customer', async () => {
    const issued = await issue()
    expect(issued.billingKeyInfo.billingKey).toMatch(/^billing-key-[0-9a-f-]{36}$/)
    expect(issued.billingKeyInfo.issuedAt).toBe('2030-01-15T03:00:00.000Z')

    const info = await h.client.payment.billingKey.getBillingKeyInfo({ billingKey: issued.billingKeyInfo.billingKey })
    expect(info.status).toBe('ISSUED')
    expect(info).toMatchObject({ storeId: STORE_A, merchantId: 'merchant-contract', customer: { id: 'customer-1', name: '홍길동' } })
    const method = (info as { methods?: unknown[] }).methods?.[0] as { type: string; card?: { number?: string } }
    expect(method.type).toBe('BillingKeyPaymentMethodCard')
    expect(method.card?.number).toBe('42424242****4242')
    expect(JSON.stringify(info)).not.toContain('4242424242424242')
  })

  it('lists keys paged and filtered by customer and status, newest first', async () => {
    const a = await issue({ customer: { id: 'list-customer' } })
    const b = await issue({ customer: { id: 'list-customer' } })
    const page = await h.client.payment.billingKey.getBillingKeyInfos({
      page: { number: 0, size: 1 },
      filter: { customerId: 'list-customer', status: ['ISSUED'] }
    })
    expect(page.page).toEqual({ number: 0, size: 1, totalCount: 2 })
    expect(page.items.map((k) => (k as { billingKey: string }).billingKey)).toEqual([b.billingKeyInfo.billingKey])
    const second = await h.client.payment.billingKey.getBillingKeyInfos({ page: { number: 1, size: 1 }, filter: { customerId: 'list-customer' } })
    expect(second.items.map((k) => (k as { billingKey: string }).billingKey)).toEqual([a.billingKeyInfo.billingKey])
  })

  it('deletes a key: it reads DELETED with deletedAt, and a second delete is BILLING_KEY_ALREADY_DELETED', async () => {
    const { billingKeyInfo } = await issue()
    const deleted = await h.client.payment.billingKey.deleteBillingKey({ billingKey: billingKeyInfo.billingKey })
    expect(deleted.deletedAt).toBe('2030-01-15T03:00:00.000Z')
    const info = await h.client.payment.billingKey.getBillingKeyInfo({ billingKey: billingKeyInfo.billingKey })
    expect(info).toMatchObject({ status: 'DELETED', deletedAt: deleted.deletedAt })
    await sdkError(h.client.payment.billingKey.deleteBillingKey({ billingKey: billingKeyInfo.billingKey }), 'BILLING_KEY_ALREADY_DELETED')
  })

  it('answers PG_PROVIDER with the PG code and Korean message for a declined card, and keeps no key', async () => {
    const before = await h.client.payment.billingKey.getBillingKeyInfos({ page: { size: 100 } })
    const error = await sdkError(issue({}, { ...APPROVED, number: DECLINED_CARD }), 'PG_PROVIDER')
    expect(error.data).toMatchObject({ pgCode: 'F113', pgMessage: '거래거절 카드번호틀림' })
    const after = await h.client.payment.billingKey.getBillingKeyInfos({ page: { size: 100 } })
    expect(after.page.totalCount).toBe(before.page.totalCount)
  })

  it('answers PG_PROVIDER for a number failing Luhn, an expired card and bad password digits', async () => {
    expect((await sdkError(issue({}, { ...APPROVED, number: '4242424242424241' }), 'PG_PROVIDER')).data.pgCode).toBe('F112')
    expect((await sdkError(issue({}, { ...APPROVED, expiryYear: '29', expiryMonth: '12' }), 'PG_PROVIDER')).data.pgMessage).toBe('유효기간오류')
    expect((await sdkError(issue({}, { ...APPROVED, passwordTwoDigits: '1' }), 'PG_PROVIDER')).data.pgMessage).toBe('비밀번호틀림')
  })

  it('answers INVALID_REQUEST without card credentials, CHANNEL_NOT_FOUND for an unknown channel, FORBIDDEN for another store', async () => {
    await sdkError(h.client.payment.billingKey.issueBillingKey({ method: {} }), 'INVALID_REQUEST')
    await sdkError(issue({ channelKey: 'channel-key-unknown' }), 'CHANNEL_NOT_FOUND')
    await sdkError(issue({ storeId: 'store-of-someone-else' }), 'FORBIDDEN')
  })

  it('keeps stores apart: a key of store B is BILLING_KEY_NOT_FOUND when read in store A', async () => {
    const { billingKeyInfo } = await issue({ storeId: STORE_B })
    await sdkError(
      h.client.payment.billingKey.getBillingKeyInfo({ billingKey: billingKeyInfo.billingKey, storeId: STORE_A }),
      'BILLING_KEY_NOT_FOUND'
    )
    const info = await h.client.payment.billingKey.getBillingKeyInfo({ billingKey: billingKeyInfo.billingKey, storeId: STORE_B })
    expect(info).toMatchObject({ storeId: STORE_B })
  })

  it('answers BILLING_KEY_NOT_FOUND for an unknown key and UNAUTHORIZED for an unknown secret', async () => {
    await sdkError(h.client.payment.billingKey.getBillingKeyInfo({ billingKey: 'billing-key-unknown' }), 'BILLING_KEY_NOT_FOUND')
    await sdkError(h.client.payment.billingKey.deleteBillingKey({ billingKey: 'billing-key-unknown' }), 'BILLING_KEY_NOT_FOUND')
    const stranger = PortOneClient({ secret: `${SECRET}-wrong`, baseUrl: h.server.v2Url })
    await sdkError(stranger.payment.billingKey.getBillingKeyInfos(), 'UNAUTHORIZED')
  })

  it('every answer conforms to the official OpenAPI document', () => {
    expectConformance(h.exchanges)
  })
})
