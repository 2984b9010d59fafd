import { afterEach, describe, expect, it } from 'vitest'
import { PaymentResponseSchema } from '../../../api/v1/payment.js'
import { VbankHolderResponseSchema } from '../../../api/v1/vbank.js'
import { errors } from '../../../api/v1/catalogue.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { createTestApp, expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { deposit, DepositRefused, SIMULATED_HOLDER } from '../domain/vbanks.js'

let t: TestApp
afterEach(async () => t?.app.close())

async function channelKey(): Promise<string> {
  const settings = (await t.get('/users/pg')).json().response as Array<{ type: string; channel_key: string }>
  return settings.find((s) => s.type === 'api_payment')!.channel_key
}

async function issue(fields: Record<string, unknown> = {}) {
  return t.post('/vbanks', {
    channel_key: await channelKey(),
    merchant_uid: 'order-v1',
    amount: 30000,
    vbank_code: '004',
    vbank_due: T0 + 86400,
    vbank_holder: '아임포트',
    buyer_name: '김구매',
    ...fields
  })
}

describe('/vbanks', () => {
  it('issues an account as a ready vbank payment', async () => {
    t = await createTestApp()

    const body = expectEnvelope(await issue(), 200, PaymentResponseSchema)

    expect(body.response).toMatchObject({
      pay_method: 'vbank',
      status: 'ready',
      amount: 30000,
      vbank_code: '004',
      vbank_name: 'KB국민은행',
      vbank_holder: '아임포트',
      vbank_date: T0 + 86400,
      vbank_issued_at: T0,
      paid_at: 0,
      deposit_history: [],
      escrow: false
    })
    expect(body.response.vbank_num).toMatch(/^\d{14}$/)
    expect((await t.get(`/payments/${body.response.imp_uid}`)).json().response.status).toBe('ready')
  })

  it('refuses an unknown channel key, bank code or a past due time, and stores nothing', async () => {
    t = await createTestApp()
    expectError(await issue({ channel_key: 'channel-key-nope' }), errors.unknownChannelKey(200, 'channel-key-nope'))
    expectError(await issue({ vbank_code: '999' }), errors.unknownBankCode('999'))
    expectError(await issue({ vbank_due: T0 - 1 }), errors.vbankDueInPast())
    expectError(await t.get('/payments/find/order-v1'), errors.paymentNotFound())
  })

  it('changes amount and due time of a waiting account, then revokes it', async () => {
    t = await createTestApp()
    const impUid = (await issue()).json().response.imp_uid

    const changed = expectEnvelope(await t.put(`/vbanks/${impUid}`, { amount: 25000, vbank_due: T0 + 7200 }), 200, PaymentResponseSchema)
    expect(changed.response).toMatchObject({ amount: 25000, vbank_date: T0 + 7200 })

    const revoked = expectEnvelope(await t.del(`/vbanks/${impUid}`), 200, PaymentResponseSchema)
    expect(revoked.response).toMatchObject({ status: 'cancelled', cancel_amount: 0, cancelled_at: T0 })
    expectError(await t.del(`/vbanks/${impUid}`), errors.vbankNotReady('cancelled'))
    expectError(await t.put(`/vbanks/${impUid}`, { amount: 1000 }), errors.vbankNotReady('cancelled'))
    expectError(await t.del('/vbanks/imp_000000000000'), errors.paymentNotFound())
  })

  it('answers a card payment as not a vbank', async () => {
    t = await createTestApp()
    await t.issueKey('c1')
    const card = await t.again('c1', 'order-card')
    expectError(await t.del(`/vbanks/${card.response.imp_uid}`), errors.notVbank())
  })

  it('is paid by deposits that reach the amount, and refunds only to a named account', async () => {
    t = await createTestApp()
    const impUid = (await issue()).json().response.imp_uid
    const state = t.app.mock.store.merchantByKey('imp_apikey')!

    expect(deposit(state, impUid, { amount: 10000 }).paid).toBe(false)
    expect(() => deposit(state, impUid, { amount: 30000 })).toThrow(DepositRefused)
    expect(deposit(state, impUid, {}).paid).toBe(true)

    const paid = (await t.get(`/payments/${impUid}`)).json().response
    expect(paid).toMatchObject({ status: 'paid', paid_at: T0 })
    expect(paid.deposit_history.map((d: { amount: number }) => d.amount)).toEqual([10000, 20000])
    expectError(await t.post('/payments/cancel', { imp_uid: impUid }), errors.refundAccountRequired())
    const cancelled = await t.post('/payments/cancel', {
      imp_uid: impUid,
      refund_holder: '김구매',
      refund_bank: '088',
      refund_account: '110123456789'
    })
    expect(cancelled.json().response).toMatchObject({ status: 'cancelled', cancel_amount: 30000 })
  })

  it('refuses a deposit after the due time (the account stays ready)', async () => {
    t = await createTestApp()
    const impUid = (await issue()).json().response.imp_uid
    t.clock.advance(86401)
    const state = t.app.mock.store.merchantByKey('imp_apikey')!
    expect(() => deposit(state, impUid, {})).toThrow(/due/)
    expect(state.payments.get(impUid)!.status).toBe('ready')
  })

  it("checks the fields each PG requires, and shows the merchant's name where the PG ignores the holder", async () => {
    t = await createTestApp({
      config: {
        merchants: [
          {
            ...DEFAULT_MERCHANT,
            name: '아임포트상점',
            channels: [
              { pg_provider: 'html5_inicis', pg_id: 'INIpayTest', channel_key: 'ck-inicis' },
              { pg_provider: 'tosspayments', pg_id: 'tosstest', channel_key: 'ck-toss' }
            ]
          }
        ]
      }
    })
    const body = { merchant_uid: 'order-pg', amount: 1000, vbank_code: '004', vbank_due: T0 + 600 }
    expectError(
      await t.post('/vbanks', { ...body, channel_key: 'ck-inicis' }),
      errors.requiredParams(['vbank_holder', 'buyer_name', 'buyer_email', 'pg_api_key'])
    )
    const inicis = await t.post('/vbanks?pg_api_key=k', { ...body, channel_key: 'ck-inicis', vbank_holder: 'h', buyer_name: 'b', buyer_email: 'e@x' })
    expect(inicis.json().response.vbank_holder).toBe('h')
    const toss = await t.post('/vbanks', { ...body, merchant_uid: 'order-pg2', channel_key: 'ck-toss', vbank_holder: '무시됨', buyer_name: 'b' })
    expect(toss.json().response.vbank_holder).toBe('아임포트상점')
  })

  it('answers the holder check', async () => {
    t = await createTestApp()
    const issued = (await issue()).json().response
    const own = expectEnvelope(await t.get(`/vbanks/holder?bank_code=004&bank_num=${issued.vbank_num}`), 200, VbankHolderResponseSchema)
    expect(own.response).toEqual({ bank_holder: '아임포트' })
    expect((await t.get('/vbanks/holder?bank_code=088&bank_num=110-123-456789')).json().response).toEqual({ bank_holder: SIMULATED_HOLDER })
    expectError(await t.get('/vbanks/holder?bank_code=999&bank_num=110123456789'), errors.holderNotFound())
    expectError(await t.get('/vbanks/holder?bank_code=088'), errors.requiredParamsBadRequest(['bank_num']))
  })
})
