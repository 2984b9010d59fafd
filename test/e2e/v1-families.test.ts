/**
 * The issue-15 flows a merchant's code runs, end to end over HTTP with the typed client and the
 * typed control client: a virtual account issued (its `ready` webhook), deposited through the
 * control API (`paid`, `deposit_history`, its `paid` webhook), given a cash receipt and looked up;
 * and an identity verification requested, confirmed with the OTP the control API shows, and
 * looked up. Also the Tier header and a named (not simulated) family.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createIamportClient, type IamportClient } from '../../client/index.js'
import { IamportApiError, IamportNotFoundError } from '../../client/errors.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'
import { startHttp, type HttpHarness } from '../support/http.js'
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver.js'
import { T0 } from '../support/helpers.js'

let h: HttpHarness | null = null
let receiver: WebhookReceiver | null = null
afterEach(async () => {
  await h?.close()
  await receiver?.close()
  h = null
  receiver = null
})

function clientFor(harness: HttpHarness, tier?: string): IamportClient {
  return createIamportClient({
    baseURL: harness.url,
    impKey: DEFAULT_MERCHANT.imp_key,
    impSecret: DEFAULT_MERCHANT.imp_secret,
    retry: false,
    ...(tier === undefined ? {} : { tier })
  })
}

describe('V1 families end to end', () => {
  it('vbank issue → deposit → paid webhook → cash receipt → lookup', async () => {
    h = await startHttp()
    receiver = await startReceiver()
    const client = clientFor(h)
    const settings = await client.codes.pgSettings()
    const channelKey = settings.find((s) => s.type === 'api_payment')!.channel_key
    const bank = await client.codes.bank('088')

    const issued = await client.vbanks.create({
      channel_key: channelKey,
      merchant_uid: 'order-vbank-1',
      amount: 45000,
      vbank_code: bank.code,
      vbank_due: T0 + 3 * 86400,
      vbank_holder: '아임포트상점',
      name: '연간 이용권',
      buyer_name: '김구매',
      notice_url: `${receiver.url}/hook`
    })
    expect(issued).toMatchObject({ status: 'ready', pay_method: 'vbank', vbank_name: '신한은행', vbank_holder: '아임포트상점' })
    const ready = await h.control.webhooks.list({ impUid: issued.imp_uid })
    expect(ready.deliveries.map((d) => [d.trigger, d.body.status, d.status])).toEqual([['payment.ready', 'ready', 'delivered']])

    const short = await h.control.vbanks.deposit(issued.imp_uid, { amount: 5000 })
    expect(short).toMatchObject({ paid: false, payment: { status: 'ready' } })
    const full = await h.control.vbanks.deposit(issued.imp_uid, { depositorName: '김구매' })
    expect(full.paid).toBe(true)
    expect(receiver.received.map((w) => [w.path, w.body.status])).toEqual([
      ['/hook', 'ready'],
      ['/hook', 'paid']
    ])

    const receipt = await client.receipts.issue(issued.imp_uid, { identifier: '01012345678', identifier_type: 'phone' })
    expect(receipt).toMatchObject({ imp_uid: issued.imp_uid, type: 'person', amount: 45000, vat: 4090, cancelled_at: 0 })

    const payment = await client.payments.get(issued.imp_uid)
    expect(payment).toMatchObject({ status: 'paid', cash_receipt_issued: true, paid_at: T0 })
    expect(payment.deposit_history.map((d) => [d.amount, d.depositor_name])).toEqual([
      [5000, '김구매'],
      [40000, '김구매']
    ])
    expect(await client.receipts.get(issued.imp_uid)).toEqual(receipt)
  })

  it('certification OTP request → confirm → lookup', async () => {
    h = await startHttp()
    const client = clientFor(h)
    const channelKey = (await client.codes.pgSettings()).find((s) => s.type === 'certification')!.channel_key
    const person = { name: '홍길동', phone: '010-1234-5678', birth: '900101', gender_digit: '1', carrier: 'SKT' as const, channel_key: channelKey }

    const { imp_uid: impUid } = await client.certifications.requestOtp({ ...person, merchant_uid: 'signup-1' })
    const { otp } = await h.control.certifications.otp(impUid)
    expect(otp).toMatch(/^\d{6}$/)
    const wrong = otp === '000000' ? '111111' : '000000'
    await expect(client.certifications.confirmOtp(impUid, wrong)).rejects.toBeInstanceOf(IamportApiError)

    const confirmed = await client.certifications.confirmOtp(impUid, otp!)
    expect(confirmed).toMatchObject({
      imp_uid: impUid,
      merchant_uid: 'signup-1',
      pg_provider: 'danal',
      name: '홍길동',
      gender: 'male',
      birthday: '1990-01-01',
      phone: '01012345678',
      carrier: 'SKT',
      certified: true,
      certified_at: T0
    })
    expect(await client.certifications.get(impUid)).toEqual(confirmed)

    // The same person verified again keeps the same CI and DI.
    const again = await client.certifications.requestOtp(person)
    const second = await client.certifications.confirmOtp(again.imp_uid, (await h.control.certifications.otp(again.imp_uid)).otp!)
    expect([second.unique_key, second.unique_in_site]).toEqual([confirmed.unique_key, confirmed.unique_in_site])

    await client.certifications.delete(impUid)
    await expect(client.certifications.get(impUid)).rejects.toBeInstanceOf(IamportNotFoundError)
  })

  it('honours the Tier header and names an unsimulated family', async () => {
    h = await startHttp({
      config: { merchants: [{ ...DEFAULT_MERCHANT, tiers: [{ tier_code: 'AB1', tier_name: '강남점' }] }] }
    })
    expect(await clientFor(h, 'AB1').codes.tier('AB1')).toEqual({ tier_code: 'AB1', tier_name: '강남점' })
    await expect(clientFor(h, 'ZZ9').codes.banks()).rejects.toMatchObject({ status: 404 })

    const merchant = await h.merchant()
    const res = await merchant.http.post('/payments/imp_1/naver/cancel', {})
    expect(res.status).toBe(400)
    expect(res.headers['x-iamport-mock-hint']).toContain('naverCancelProductOrder')
  })
})
