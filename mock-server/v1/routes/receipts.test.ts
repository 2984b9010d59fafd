import { afterEach, describe, expect, it } from 'vitest'
import { ExternalReceiptResponseSchema, ReceiptResponseSchema } from '../../../api/v1/receipt.js'
import { errors } from '../../../api/v1/catalogue.js'
import { createTestApp, expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { deposit } from '../domain/vbanks.js'

let t: TestApp
afterEach(async () => t?.app.close())

const state = () => t.app.mock.store.merchantByKey('imp_apikey')!
const payKey = () => state().merchant.pg_settings.find((s) => s.type === 'api_payment')!.channel_key

async function paidVbank(merchantUid = 'order-r1', amount = 11000): Promise<string> {
  const res = await t.post('/vbanks', {
    channel_key: payKey(),
    merchant_uid: merchantUid,
    amount,
    vbank_code: '020',
    vbank_holder: '아임포트',
    vbank_due: T0 + 3600
  })
  const impUid = res.json().response.imp_uid
  deposit(state(), impUid, {})
  return impUid
}

describe('/receipts/{imp_uid}', () => {
  it('issues, looks up and cancels a receipt on a paid vbank payment', async () => {
    t = await createTestApp()
    const impUid = await paidVbank()

    const issued = expectEnvelope(
      await t.post(`/receipts/${impUid}`, { identifier: '1234567890', identifier_type: 'business' }),
      200,
      ReceiptResponseSchema
    )
    expect(issued.response).toMatchObject({ imp_uid: impUid, type: 'company', amount: 11000, vat: 1000, applied_at: T0, cancelled_at: 0 })
    expect(issued.response.apply_num).toMatch(/^\d{9}$/)
    expect((await t.get(`/payments/${impUid}`)).json().response.cash_receipt_issued).toBe(true)
    expectError(await t.post(`/receipts/${impUid}`, { identifier: '01012345678' }), errors.receiptAlreadyIssued())
    expect((await t.get(`/receipts/${impUid}`)).json().response).toEqual(issued.response)

    const cancelled = expectEnvelope(await t.del(`/receipts/${impUid}`), 200, ReceiptResponseSchema)
    expect(cancelled.response.cancelled_at).toBe(T0)
    expect((await t.get(`/payments/${impUid}`)).json().response.cash_receipt_issued).toBe(false)
    expectError(await t.del(`/receipts/${impUid}`), errors.receiptNeverIssued())
  })

  it('refuses a card payment, an unpaid account, a missing identifier and an unknown payment', async () => {
    t = await createTestApp()
    await t.issueKey('c1')
    const card = (await t.again('c1', 'order-card')).response.imp_uid
    expectError(await t.post(`/receipts/${card}`, { identifier: '01012345678' }), errors.receiptNotApplicable('card'))
    const ready = (
      await t.post('/vbanks', {
        channel_key: payKey(),
        merchant_uid: 'order-ready',
        amount: 5000,
        vbank_code: '020',
        vbank_holder: '아임포트',
        vbank_due: T0 + 3600
      })
    ).json().response.imp_uid
    expectError(await t.post(`/receipts/${ready}`, { identifier: '01012345678' }), errors.receiptPaymentNotPaid('ready'))
    expectError(await t.post(`/receipts/${ready}`, {}), errors.requiredParamsBadRequest(['identifier']))
    expectError(await t.get(`/receipts/${ready}`), errors.receiptNotFound())
    expectError(await t.get('/receipts/imp_000000000000'), errors.paymentNotFound())
  })
})

describe('/receipts/external/{merchant_uid}', () => {
  it('issues, looks up and cancels a receipt for an outside sale', async () => {
    t = await createTestApp()
    const body = { channel_key: payKey(), name: '현장 판매', amount: 22000, identifier: '01012345678' }
    const issued = expectEnvelope(await t.post('/receipts/external/shop-1', body), 200, ExternalReceiptResponseSchema)
    expect(issued.response).toMatchObject({ merchant_uid: 'shop-1', amount: 22000, vat: 2000, type: 'person' })
    expectError(await t.post('/receipts/external/shop-1', body), errors.receiptAlreadyIssued())
    expect((await t.get('/receipts/external/shop-1')).json().response).toEqual(issued.response)
    expect((await t.del('/receipts/external/shop-1')).json().response.cancelled_at).toBe(T0)
    expectError(await t.del('/receipts/external/shop-1'), errors.receiptNotFound())
    expectError(await t.get('/receipts/external/none'), errors.receiptNotFound())
    expectError(await t.post('/receipts/external/shop-2', { ...body, channel_key: 'x' }), errors.unknownChannelKey(400, 'x'))
  })
})
