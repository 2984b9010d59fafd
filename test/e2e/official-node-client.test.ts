/**
 * The published Node client `iamport-rest-client-nodejs` (i'mport's own, v0.9.12), unmodified but
 * for its base URL, against the simulator on a real port: the seed flow of a billing integration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import iamportClient from 'iamport-rest-client-nodejs'
import { createMockServer, type MockServer } from '../../mock-server/server.js'
import { APPROVED_CARD, MAGIC_CARDS } from '../../fixtures/cards/catalogue.js'
import { errors } from '../../api/v1/catalogue.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

const { Iamport, Request } = iamportClient as unknown as {
  Iamport: new (options: { apiKey: string; apiSecret: string; baseUrl?: string }) => unknown
  Request: Record<string, Record<string, (params: object) => { request(iamport: unknown): Promise<{ status: number; data: any }> }>>
}
const { Customers, Subscribe, Payments } = Request as any

let server: MockServer
let iamport: unknown

beforeAll(async () => {
  server = await createMockServer({ seed: 'official-client' })
  iamport = new Iamport({ apiKey: DEFAULT_MERCHANT.imp_key, apiSecret: DEFAULT_MERCHANT.imp_secret, baseUrl: server.url })
})
afterAll(async () => server?.close())

describe('iamport-rest-client-nodejs against the simulator', () => {
  it('issues a key, charges it, finds the payment, cancels in two steps and deletes the key', async () => {
    const customer_uid = 'official-client-customer'
    const merchant_uid = 'official-client-order-1'

    const issued = await Customers.postBillingKey({
      customer_uid,
      card_number: APPROVED_CARD,
      expiry: '2030-12',
      birth: '900101',
      pwd_2digit: '12',
      customer_name: '홍길동'
    }).request(iamport)
    expect(issued.data.code).toBe(0)
    expect(issued.data.response).toMatchObject({ customer_uid, card_number: '42424242****4242', customer_name: '홍길동' })

    const charged = await Subscribe.again({ customer_uid, merchant_uid, amount: 12000, name: '월간 이용권' }).request(iamport)
    expect(charged.data.response).toMatchObject({ merchant_uid, amount: 12000, status: 'paid' })
    const imp_uid = charged.data.response.imp_uid

    const found = await Payments.getByMerchantUid({ merchant_uid, status: 'paid', sorting: '-started' }).request(iamport)
    expect(found.data.response.imp_uid).toBe(imp_uid)
    const byImpUid = await Payments.getByImpUid({ imp_uid }).request(iamport)
    expect(byImpUid.data.response.amount).toBe(12000)

    const partial = await Payments.cancel({ imp_uid, amount: 2000, reason: '부분 환불' }).request(iamport)
    expect(partial.data.response).toMatchObject({ status: 'cancelled', cancel_amount: 2000 })

    const full = await Payments.cancel({ imp_uid }).request(iamport)
    expect(full.data.response.cancel_amount).toBe(12000)
    expect(full.data.response.cancel_history.map((h: { amount: number }) => h.amount)).toEqual([2000, 10000])

    const history = await Customers.getPayments({ customer_uid }).request(iamport)
    expect(history.data.response.total).toBe(1)

    const deleted = await Customers.deleteBillingKey({ customer_uid }).request(iamport)
    expect(deleted.data.response.customer_uid).toBe(customer_uid)
  })

  it('rejects with the envelope when the card is refused and when the buyer is unknown', async () => {
    const declined = MAGIC_CARDS.find((c) => c.preset === 'card_declined')!

    await expect(
      Customers.postBillingKey({ customer_uid: 'refused', card_number: declined.number, expiry: '2030-12', birth: '900101' }).request(iamport)
    ).rejects.toMatchObject({ response: { data: { code: -1, response: null } } })
    await expect(Subscribe.again({ customer_uid: 'nobody', merchant_uid: 'x-1', amount: 1000, name: 'x' }).request(iamport)).rejects.toMatchObject({
      response: { data: errors.unknownBuyer().toEnvelope() }
    })
  })
})
