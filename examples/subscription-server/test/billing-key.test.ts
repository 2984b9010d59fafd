/**
 * `POST /subscriptions/issue-billing`, as i'mport's billing-key guide describes it: token, billing
 * key, then `{status: "success", message: "Billing has successfully issued"}` or
 * `{status: "failed", message}` with i'mport's message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { IMP_KEY, startShop, type Shop } from './shop.js'

let shop: Shop

beforeEach(async () => {
  shop = await startShop()
  await shop.mock.reset()
})
afterEach(() => shop.app.close())

const CARD = { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

const issue = (body: object) => shop.app.inject({ method: 'POST', url: '/subscriptions/issue-billing', payload: body })
const billingKeys = async () => (await shop.mock.state(IMP_KEY)).merchants[0]!.billing_keys

describe('POST /subscriptions/issue-billing', () => {
  it('issues a billing key and answers as the guide does', async () => {
    const res = await issue({ ...CARD, customer_uid: 'gildong_0001_1234' })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'success', message: 'Billing has successfully issued' })
    const keys = await billingKeys()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ customer_uid: 'gildong_0001_1234', card_number: '42424242****4242', card_name: '현대카드' })
    // The shop keeps what it shows the customer, never the card.
    expect(shop.store.subscriber('gildong_0001_1234')).toEqual({ customer_uid: 'gildong_0001_1234', card_name: '현대카드', card_last4: '4242' })
  })

  it('accepts the form as the browser posts it without script (form-encoded)', async () => {
    const res = await shop.app.inject({
      method: 'POST',
      url: '/subscriptions/issue-billing',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...CARD, customer_uid: 'gildong_0002' }).toString()
    })

    expect(res.json()).toEqual({ status: 'success', message: 'Billing has successfully issued' })
    expect((await billingKeys()).map((k) => k.customer_uid)).toEqual(['gildong_0002'])
  })

  it('accepts a corporate card with a 10-digit business number', async () => {
    const res = await issue({ ...CARD, birth: '1234567890', customer_uid: 'corp_0001' })

    expect(res.json()).toEqual({ status: 'success', message: 'Billing has successfully issued' })
  })

  it("answers failed with i'mport's message when the card is rejected at issue", async () => {
    const res = await issue({ ...CARD, card_number: '4000-0000-0000-0002', customer_uid: 'gildong_0003' })

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'failed', message: '카드정보 인증 및 빌키 발급에 실패하였습니다. [F113]거래거절 카드번호틀림' })
    expect(await billingKeys()).toEqual([])
    expect(shop.store.subscriber('gildong_0003')).toBeUndefined()
  })

  it('replaces the card under the same customer_uid', async () => {
    await issue({ ...CARD, customer_uid: 'gildong_0004' })
    const [first] = await billingKeys()
    await shop.mock.clock.advance(24 * 3600) // the customer comes back the next day with another card

    const res = await issue({ ...CARD, card_number: '5272-8927-1234-2302', customer_uid: 'gildong_0004' })

    expect(res.json()).toEqual({ status: 'success', message: 'Billing has successfully issued' })
    const keys = await billingKeys()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({
      customer_uid: 'gildong_0004',
      card_number: '52728927****2302',
      card_name: '국민KB카드',
      inserted: first!.inserted
    })
    expect(keys[0]!.updated).toBeGreaterThanOrEqual(first!.inserted + 24 * 3600)
    expect(shop.store.subscriber('gildong_0004')).toMatchObject({ card_name: '국민KB카드', card_last4: '2302' })

    // The next charge goes to the new card.
    const charge = await shop.app.inject({
      method: 'POST',
      url: '/subscriptions/charge',
      payload: { customer_uid: 'gildong_0004', merchant_uid: 'gildong_0004_2026_05', amount: 9900 }
    })
    expect(charge.json()).toMatchObject({ status: 'paid' })
    const [payment] = (await shop.mock.state(IMP_KEY)).merchants[0]!.payments
    expect(payment).toMatchObject({ customer_uid: 'gildong_0004', card_name: '국민KB카드', card_number: '52728927****2302' })
  })

  it.each([
    ['card_number', { card_number: '4242424242424242' }, '카드 번호를 XXXX-XXXX-XXXX-XXXX 형식으로 입력해주세요.'],
    ['expiry', { expiry: '12/30' }, '카드 유효기간을 YYYY-MM 형식으로 입력해주세요.'],
    ['birth', { birth: '19900101' }, '생년월일 6자리(YYMMDD) 또는 사업자등록번호 10자리를 입력해주세요.'],
    ['pwd_2digit', { pwd_2digit: undefined }, '카드 비밀번호 앞 두자리를 입력해주세요.']
  ])("refuses a %s not in the guide's format without calling i'mport", async (_field, change, message) => {
    const res = await issue({ ...CARD, customer_uid: 'gildong_0005', ...change })

    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ status: 'failed', message })
    expect((await shop.mock.requests()).entries).toEqual([])
  })

  it("answers 502 and keeps nothing when i'mport does not answer", async () => {
    await shop.mock.faults.add({ match: { path: '/subscribe/customers/:customer_uid' }, action: { type: 'drop' } })

    const res = await issue({ ...CARD, customer_uid: 'gildong_0006' })

    expect(res.statusCode).toBe(502)
    expect(res.json()).toEqual({ status: 'failed', message: '카드사와 통신하지 못했습니다. 잠시 후 다시 시도해주세요.' })
    expect(shop.store.subscriber('gildong_0006')).toBeUndefined()
    // Submitting the form again is safe: the same customer_uid just gets its key.
    expect((await issue({ ...CARD, customer_uid: 'gildong_0006' })).json()).toMatchObject({ status: 'success' })
  })
})

describe('GET /', () => {
  it("renders the guide's card form with the customer's uid hidden and escaped", async () => {
    const res = await shop.app.inject({ method: 'GET', url: '/?customer_uid=gildong_0007' })

    expect(res.statusCode).toBe(200)
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['cache-control']).toBe('no-store')
    for (const name of ['card_number', 'expiry', 'birth', 'pwd_2digit']) expect(res.body).toContain(`name="${name}"`)
    expect(res.body).toContain('<input type="hidden" name="customer_uid" value="gildong_0007">')
  })

  it('refuses a customer_uid that could break out of the page', async () => {
    const res = await shop.app.inject({ method: 'GET', url: `/?customer_uid=${encodeURIComponent('"><script>alert(1)</script>')}` })

    expect(res.statusCode).toBe(400)
    expect(res.body).not.toContain('<script>')
  })
})
