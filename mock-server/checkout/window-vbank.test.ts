/**
 * Virtual accounts through the payment window (`pay_method: "vbank"`), through `app.inject`: the
 * window shows the bank picker, approving issues the same `ready` account `POST /vbanks` issues
 * (with its `ready` webhook), the callback carries the account, and the control API's deposit
 * pays it. Decline and close fail it as for cards; auto-decide and fault rules apply.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, T0, type TestApp } from '../../test/support/helpers.js'
import { dueSeconds } from './params.js'
import { defaultDue } from './vbank-window.js'

const PAGE = 'http://127.0.0.1:5555'
let t: TestApp

beforeEach(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.app.close()
})

const order = (extra: Record<string, unknown> = {}) => ({
  pg: 'nice',
  pay_method: 'vbank',
  merchant_uid: 'vb_1',
  name: '연간 이용권',
  amount: 50000,
  buyer_name: '홍길동',
  notice_url: 'http://127.0.0.1:1/hook',
  ...extra
})

async function open(params: Record<string, unknown>, mode: 'iframe' | 'redirect' = 'iframe') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/__checkout/sessions',
    headers: { origin: PAGE, 'user-agent': 'Mozilla/5.0 test' },
    payload: { imp_code: 'imp00000000', params, mode, ...(mode === 'redirect' ? { return_url: `${PAGE}/back` } : {}) }
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

async function decide(id: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/__checkout/sessions/${id}/decision`, payload: body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const deposit = (impUid: string, body: Record<string, unknown> = {}) =>
  t.app.inject({ method: 'POST', url: `/__mock/vbanks/${impUid}/deposit`, payload: body })

describe('a virtual account through the window', () => {
  it('shows the bank picker, the holder and the due time, and no test cards', async () => {
    const { window } = await open(order({ vbank_due: '2026-03-05' }))
    const page = (await t.app.inject({ method: 'GET', url: `/__checkout/window/${window.id}` })).body
    for (const text of [
      '가상계좌',
      '입금 은행 선택',
      'KB국민은행',
      '신한은행',
      '예금주',
      'docs test merchant',
      '2026-03-05 23:59',
      '가상계좌 발급받기'
    ]) {
      expect(page).toContain(text)
    }
    expect(page).not.toContain('name="card"')
  })

  it('approve: the same ready payment POST /vbanks issues, its webhook, then paid by the control deposit', async () => {
    const { window } = await open(order({ custom_data: { plan: 'yearly' } }))
    const { result } = await decide(window.id, { decision: 'approve', bank: '088' })
    expect(result).toMatchObject({
      success: true,
      imp_success: true,
      status: 'ready',
      pay_method: 'vbank',
      paid_amount: 50000,
      merchant_uid: 'vb_1',
      vbank_name: '신한은행',
      vbank_holder: 'docs test merchant',
      vbank_date: defaultDue(T0),
      custom_data: { plan: 'yearly' },
      paid_at: 0
    })
    expect(result.vbank_num).toMatch(/^\d{14}$/)
    expect(result.error_code).toBeUndefined()

    const rest = (await t.get(`/payments/${result.imp_uid}`)).json().response
    expect(rest).toMatchObject({
      status: 'ready',
      pay_method: 'vbank',
      channel: 'pc',
      amount: 50000,
      vbank_code: '088',
      vbank_name: '신한은행',
      vbank_num: result.vbank_num,
      vbank_holder: 'docs test merchant',
      vbank_date: result.vbank_date,
      vbank_issued_at: T0,
      user_agent: 'Mozilla/5.0 test'
    })
    // The REST route's own record, field for field, but for where it came from.
    const created = await t.post('/vbanks', {
      channel_key: t.app.mock.store.merchantByKey('imp_apikey')!.merchant.pg_settings[0]!.channel_key,
      merchant_uid: 'vb_rest',
      amount: 50000,
      vbank_code: '088',
      vbank_due: result.vbank_date,
      vbank_holder: '테스트상점',
      name: '연간 이용권',
      buyer_name: '홍길동'
    })
    expect(created.json().code, created.body).toBe(0)
    const viaRest = created.json().response
    const strip = (p: Record<string, unknown>) => Object.keys(p).sort()
    expect(strip(rest)).toEqual(strip(viaRest))

    const hooks = t.app.webhooks.listDeliveries({ imp_uid: result.imp_uid })
    expect(hooks.map((d) => d.trigger)).toEqual(['payment.ready'])

    t.clock.advance(3600)
    const paid = await deposit(result.imp_uid, { depositor_name: '홍길동' })
    expect(paid.statusCode, paid.body).toBe(200)
    expect(paid.json()).toMatchObject({ paid: true, payment: { status: 'paid', paid_at: T0 + 3600 } })
    await t.renewToken()
    expect((await t.get(`/payments/${result.imp_uid}`)).json().response).toMatchObject({
      status: 'paid',
      deposit_history: [{ amount: 50000, depositor_name: '홍길동' }]
    })
    expect(t.app.webhooks.listDeliveries({ imp_uid: result.imp_uid }).map((d) => d.trigger)).toEqual(['payment.ready', 'payment.paid'])
  })

  it("takes the page's vbank_due in each of the SDK's formats, as Korean time", async () => {
    const end = Date.UTC(2026, 2, 5, 23, 59, 59) / 1000 - 9 * 3600
    expect(dueSeconds('2026-03-05')).toBe(end)
    expect(dueSeconds('20260305')).toBe(end)
    expect(dueSeconds('2026-03-05 12:30:00')).toBe(Date.UTC(2026, 2, 5, 3, 30, 0) / 1000)
    expect(dueSeconds('20260305123000')).toBe(Date.UTC(2026, 2, 5, 3, 30, 0) / 1000)
    expect(dueSeconds(20260305)).toBe(end)
    for (const bad of ['2026-02-30', '2026/03/05', 'tomorrow', '2026-03-05 25:00:00', true]) expect(dueSeconds(bad)).toBeUndefined()
    const { window } = await open(order({ vbank_due: '2026-03-05 12:30:00' }))
    expect((await decide(window.id, { decision: 'approve' })).result.vbank_date).toBe(Date.UTC(2026, 2, 5, 3, 30, 0) / 1000)
  })

  it.each([
    ['a vbank_due in no format', { vbank_due: 'next week' }, 'vbank_due 파라미터의 형식이 올바르지 않습니다.'],
    ['a vbank_due already past', { vbank_due: '2026-02-01' }, undefined],
    ['a customer_uid', { customer_uid: 'cust_1' }, 'customer_uid 파라미터는 가상계좌(vbank) 결제에 쓸 수 없습니다.'],
    ['another currency', { currency: 'USD' }, '가상계좌는 원화(KRW)로만 발급할 수 있습니다. (currency: USD)']
  ])('refuses %s before the window opens, creating nothing', async (_what, extra, message) => {
    const answer = await open(order(extra))
    expect(answer.result).toMatchObject({ success: false, imp_uid: null, error_code: 'F400', merchant_uid: 'vb_1' })
    if (message !== undefined) expect(answer.result.error_msg).toBe(message)
    expect(t.app.mock.store.merchantByKey('imp_apikey')!.payments.size).toBe(0)
  })

  it('decline and close fail it as for cards: no account, no ready webhook', async () => {
    const declined = (await decide((await open(order())).window.id, { decision: 'decline' })).result
    expect(declined).toMatchObject({ success: false, status: 'failed', pay_method: 'vbank', error_code: 'F113' })
    expect(declined.vbank_num).toBeUndefined()
    const closed = (await decide((await open(order({ merchant_uid: 'vb_2' }))).window.id, { decision: 'close' })).result
    expect(closed).toMatchObject({ success: false, status: 'failed', error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    const rest = (await t.get(`/payments/${closed.imp_uid}`)).json().response
    expect(rest).toMatchObject({ status: 'failed', pay_method: 'vbank', vbank_num: null })
    expect((await deposit(closed.imp_uid)).statusCode).toBe(409)
    // As for a card the buyer gave up on: a failed window payment sends no webhook.
    expect(t.app.webhooks.listDeliveries()).toEqual([])
  })

  it('refuses a bank the picker does not offer, and ignores a card named with it', async () => {
    const { window } = await open(order())
    expect((await decide(window.id, { decision: 'approve', bank: '999' })).result).toMatchObject({ success: false, imp_uid: null })
    const second = (await open(order({ merchant_uid: 'vb_2' }))).window
    expect((await decide(second.id, { decision: 'approve', card: 'card_declined' })).result).toMatchObject({
      status: 'ready',
      vbank_name: 'KB국민은행'
    })
  })

  it('redirect mode returns with imp_success true; auto-decide and fault rules apply', async () => {
    const redirected = await open(order(), 'redirect')
    const answer = await decide(redirected.window.id, { decision: 'approve' })
    const query = Object.fromEntries(new URL(answer.redirect_url).searchParams)
    expect(query).toMatchObject({ merchant_uid: 'vb_1', imp_success: 'true', imp_uid: answer.result.imp_uid })
    expect((await t.get(`/payments/${answer.result.imp_uid}`)).json().response.channel).toBe('mobile')

    const queued = await t.app.inject({ method: 'POST', url: '/__mock/checkout/auto', payload: { decision: 'close' } })
    expect(queued.statusCode).toBe(200)
    const auto = (await open(order({ merchant_uid: 'vb_2' }))).window
    expect((await t.app.inject({ method: 'GET', url: `/__checkout/window/${auto.id}` })).body).toContain('"decision":"close"')

    t.app.faults.add({ match: { merchant_uid: 'vb_3' }, action: { type: 'decline', fail_reason: '[F999]은행 점검시간' } })
    const faulted = (await decide((await open(order({ merchant_uid: 'vb_3' }))).window.id, { decision: 'approve' })).result
    expect(faulted).toMatchObject({ success: false, status: 'failed', error_code: 'F999', error_msg: '[F999]은행 점검시간' })
  })
})
