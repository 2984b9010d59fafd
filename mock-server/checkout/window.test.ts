/**
 * The payment window's state changes through `app.inject`: opening a window (and every refusal
 * before one opens), each decision and what it leaves in the REST API's state, webhooks, fault
 * rules, the virtual clock, the auto-decide queue and reset. The browser half is in
 * checkout.browser.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../app.js'
import { ManualClock } from '../shared/clock.js'
import { createTestApp, getToken, T0, T0_MS, type TestApp } from '../../test/support/helpers.js'
import { FAIL_REASON, PG_DETAIL } from '../../fixtures/cards/catalogue.js'
import type { PaymentRecord } from '../shared/store/records.js'

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
  pay_method: 'card',
  merchant_uid: 'order_1',
  name: '월간 이용권',
  amount: 9900,
  buyer_name: '홍길동',
  buyer_tel: '010-1234-5678',
  ...extra
})

async function open(params: Record<string, unknown>, options: { code?: string | null; mode?: 'iframe' | 'redirect'; return_url?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/__checkout/sessions',
    headers: { origin: PAGE, 'user-agent': 'Mozilla/5.0 test' },
    payload: {
      imp_code: options.code === undefined ? 'imp00000000' : options.code,
      params,
      mode: options.mode ?? 'iframe',
      ...(options.return_url === undefined ? {} : { return_url: options.return_url })
    }
  })
  expect(res.statusCode, res.body).toBe(200)
  expect(res.headers['access-control-allow-origin']).toBe('*')
  return res.json()
}

async function decide(id: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: `/__checkout/sessions/${id}/decision`, payload: body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

const paymentCount = () => [...t.app.mock.store.merchantByKey('imp_apikey')!.payments.values()].length

describe('opening a window', () => {
  it('answers a window URL on this server and shows the order in it', async () => {
    const answer = await open(order())
    expect(answer).toEqual({ window: { id: 'win_000001', url: 'http://localhost:80/__checkout/window/win_000001', mode: 'iframe' } })
    const page = await t.app.inject({ method: 'GET', url: '/__checkout/window/win_000001' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    for (const text of [
      'docs test merchant',
      '월간 이용권',
      '9,900원',
      'nice (nictest04m)',
      '신용카드',
      'data-testid="imp-approve"',
      'data-testid="imp-decline"',
      'data-testid="imp-close"',
      '4000 •••• •••• 0002'
    ]) {
      expect(page.body).toContain(text)
    }
    expect(page.body).not.toContain('4000000000000002')
    expect(paymentCount()).toBe(0)
  })

  it.each([
    ['no IMP.init', order(), null, 'F400', 'IMP.init()으로 가맹점 식별코드를 먼저 설정해주세요.'],
    ['an unknown merchant code', order(), 'imp99999999', 'F400', '가맹점 식별코드(imp99999999)에 해당하는 가맹점 정보를 찾을 수 없습니다.'],
    ['no merchant_uid', order({ merchant_uid: undefined }), undefined, 'F400', 'merchant_uid 파라미터는 필수입니다.'],
    ['no amount', order({ amount: undefined }), undefined, 'F400', 'amount 파라미터는 필수입니다.'],
    ['a string amount', order({ amount: '9900' }), undefined, 'F400', 'amount 파라미터는 숫자(number)여야 합니다.'],
    ['an unknown pg', order({ pg: 'kcp' }), undefined, 'F400', '등록되지 않은 PG사 정보입니다. (pg: kcp)'],
    ['an unknown MID', order({ pg: 'nice.other' }), undefined, 'F400', '등록되지 않은 PG사 정보입니다. (pg: nice.other)'],
    [
      'a pay method not simulated (trans)',
      order({ pay_method: 'trans' }),
      undefined,
      'NOT_SIMULATED',
      'iamport-mock: pay_method "trans" 결제창은(는) 아직 시뮬레이션되지 않습니다 (not simulated yet).'
    ],
    ['a zero amount without customer_uid', order({ amount: 0 }), undefined, 'F400', undefined]
  ])('calls back at once for %s, and creates nothing', async (_what, params, code, errorCode, message) => {
    const answer = await open(params, { code })
    expect(answer.window).toBeUndefined()
    expect(answer.result).toMatchObject({ success: false, imp_success: false, imp_uid: null, error_code: errorCode })
    if (message !== undefined) expect(answer.result.error_msg).toBe(message)
    else expect(answer.result.error_msg).toEqual(expect.any(String))
    expect(paymentCount()).toBe(0)
  })

  it('refuses a merchant_uid that is already paid, with the V1 message', async () => {
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order_1')
    const answer = await open(order())
    expect(answer.result).toMatchObject({ merchant_uid: 'order_1', error_msg: '이미 결제가 완료된 주문번호(merchant_uid: order_1)입니다.' })
  })

  it('needs somewhere to return to in redirect mode', async () => {
    const answer = await open(order(), { mode: 'redirect' })
    expect(answer.result.error_msg).toBe('m_redirect_url 파라미터는 필수입니다.')
    expect((await open(order(), { mode: 'redirect', return_url: `${PAGE}/checkout` })).window.mode).toBe('redirect')
  })

  it("takes the SDK's text/plain JSON (a cross-origin request without preflight), and refuses a body that is not JSON", async () => {
    const send = (payload: string) =>
      t.app.inject({ method: 'POST', url: '/__checkout/sessions', headers: { 'content-type': 'text/plain;charset=UTF-8' }, payload })
    const ok = await send(JSON.stringify({ imp_code: 'imp00000000', params: order(), mode: 'iframe' }))
    expect(ok.json().window.id).toBe('win_000001')
    const bad = await send('{"imp_code":')
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toEqual({ error: { code: 'invalid_request', message: 'the request could not be read' } })
  })

  it("is no i'mport REST route: no token needed, and unknown window paths answer outside the envelope", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/__checkout/nothing' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'no checkout route GET /__checkout/nothing' } })
    // (The dashboard's script, /__mock/ui/app.js, is the control API's.)
    expect(
      t.app.routeList
        .filter((r) => r.url.startsWith('/__checkout') || (r.url.endsWith('.js') && !r.url.startsWith('/__mock/')))
        .every((r) => r.api === 'checkout')
    ).toBe(true)
  })
})

describe('deciding', () => {
  it('approve: a paid pc payment readable over REST, with the callback fields', async () => {
    const { window } = await open(order({ custom_data: { plan: 'monthly' }, notice_url: 'http://127.0.0.1:1/hook' }))
    t.clock.advance(60)
    const { result, redirect_url } = await decide(window.id, { decision: 'approve', card: 'approved' })
    expect(redirect_url).toBeNull()
    expect(result).toMatchObject({
      success: true,
      imp_success: true,
      merchant_uid: 'order_1',
      pay_method: 'card',
      paid_amount: 9900,
      status: 'paid',
      name: '월간 이용권',
      pg_provider: 'nice',
      buyer_name: '홍길동',
      custom_data: { plan: 'monthly' },
      paid_at: T0 + 60,
      card_name: '현대카드',
      card_number: '42424242****4242',
      currency: 'KRW'
    })
    expect(result.imp_uid).toMatch(/^imp_/)
    expect(result.error_code).toBeUndefined()
    expect(result.pg_tid).toEqual(expect.any(String))
    expect(result.apply_num).toEqual(expect.any(String))
    const rest = (await t.get(`/payments/${result.imp_uid}`)).json().response
    expect(rest).toMatchObject({
      status: 'paid',
      channel: 'pc',
      pay_method: 'card',
      amount: 9900,
      user_agent: 'Mozilla/5.0 test',
      custom_data: '{"plan":"monthly"}',
      pg_tid: result.pg_tid,
      apply_num: result.apply_num
    })
    expect((await t.get('/payments/find/order_1')).json().response.imp_uid).toBe(result.imp_uid)
    expect(t.app.webhooks.listDeliveries({ imp_uid: result.imp_uid })).toHaveLength(1)
  })

  it('a window decides once: asking again answers the first outcome', async () => {
    const { window } = await open(order())
    const first = await decide(window.id, { decision: 'approve' })
    expect(await decide(window.id, { decision: 'decline' })).toEqual(first)
    expect(paymentCount()).toBe(1)
  })

  it('with customer_uid and amount 0: the key is stored and chargeable, nothing is charged', async () => {
    const { window } = await open(order({ amount: 0, customer_uid: 'cust_w', merchant_uid: 'issue_1' }))
    const { result } = await decide(window.id, { decision: 'approve' })
    expect(result).toMatchObject({ success: true, status: 'paid', paid_amount: 0, customer_uid: 'cust_w' })
    const payment = (await t.get(`/payments/${result.imp_uid}`)).json().response
    expect(payment).toMatchObject({ amount: 0, customer_uid: 'cust_w', customer_uid_usage: 'issue' })
    expect((await t.get('/subscribe/customers/cust_w')).json().response).toMatchObject({
      customer_uid: 'cust_w',
      card_number: '42424242****4242',
      customer_name: '홍길동'
    })
    expect((await t.again('cust_w', 'month_1', 9900)).response).toMatchObject({ status: 'paid', amount: 9900 })
  })

  it('with customer_uid and an amount: stores the key and charges the first payment', async () => {
    const { window } = await open(order({ customer_uid: 'cust_x' }))
    const { result } = await decide(window.id, { decision: 'approve' })
    expect(result).toMatchObject({ status: 'paid', paid_amount: 9900 })
    expect((await t.get(`/payments/${result.imp_uid}`)).json().response.customer_uid_usage).toBe('issue')
    expect((await t.get('/subscribe/customers/cust_x')).json().code).toBe(0)
  })

  it('decline: a failed payment with fail_reason, the callback error, no key', async () => {
    const { window } = await open(order({ customer_uid: 'cust_d' }))
    const { result } = await decide(window.id, { decision: 'decline', message: '[F113]한도초과' })
    expect(result).toMatchObject({ success: false, imp_success: false, status: 'failed', error_code: 'F113', error_msg: '[F113]한도초과' })
    expect((await t.get(`/payments/${result.imp_uid}`)).json().response).toMatchObject({
      status: 'failed',
      fail_reason: '[F113]한도초과',
      channel: 'pc'
    })
    expect((await t.get('/subscribe/customers/cust_d')).json().code).toBe(1)
  })

  it('a magic card picked in the window: refused cards fail, decline-charge cards issue their key', async () => {
    const refused = await decide((await open(order({ merchant_uid: 'o_a' }))).window.id, { decision: 'approve', card: 'card_declined' })
    expect(refused.result).toMatchObject({ status: 'failed', error_msg: PG_DETAIL.declined })
    const poor = await decide((await open(order({ merchant_uid: 'o_b', customer_uid: 'cust_p' }))).window.id, {
      decision: 'approve',
      card: 'insufficient_balance'
    })
    expect(poor.result).toMatchObject({ status: 'failed', error_msg: FAIL_REASON.insufficientBalance, error_code: 'F500' })
    expect((await t.get('/subscribe/customers/cust_p')).json().code).toBe(0)
  })

  it('close: nothing paid, the user-cancel error', async () => {
    const { window } = await open(order({ customer_uid: 'cust_c', amount: 0 }))
    const { result } = await decide(window.id, { decision: 'close' })
    expect(result).toMatchObject({ success: false, status: 'failed', error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    const payments = [...t.app.mock.store.merchantByKey('imp_apikey')!.payments.values()] as PaymentRecord[]
    expect(payments.map((p) => p.status)).toEqual(['failed'])
    expect((await t.get('/subscribe/customers/cust_c')).json().code).toBe(1)
  })

  it('redirect mode: a mobile payment, and the return URL carries the result', async () => {
    const ok = await open(order({ m_redirect_url: `${PAGE}/done?step=2` }), { mode: 'redirect' })
    const approved = await decide(ok.window.id, { decision: 'approve' })
    const url = new URL(approved.redirect_url)
    expect(url.origin + url.pathname).toBe(`${PAGE}/done`)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      step: '2',
      imp_uid: approved.result.imp_uid,
      merchant_uid: 'order_1',
      imp_success: 'true'
    })
    expect((await t.get(`/payments/${approved.result.imp_uid}`)).json().response.channel).toBe('mobile')

    const no = await open(order({ merchant_uid: 'order_2' }), { mode: 'redirect', return_url: `${PAGE}/cart` })
    const closed = await decide(no.window.id, { decision: 'close' })
    expect(Object.fromEntries(new URL(closed.redirect_url).searchParams)).toEqual({
      imp_uid: closed.result.imp_uid,
      merchant_uid: 'order_2',
      imp_success: 'false',
      error_code: 'F400',
      error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다'
    })
  })

  it('fault rules apply: a decline rule fails the approval, an error rule calls back with nothing recorded', async () => {
    t.app.faults.add({ match: { merchant_uid: 'order_1' }, action: { type: 'decline', fail_reason: '한도초과' } })
    const declined = await decide((await open(order())).window.id, { decision: 'approve' })
    expect(declined.result).toMatchObject({ status: 'failed', error_msg: '한도초과' })
    t.app.faults.add({ match: { merchant_uid: 'order_2' }, action: { type: 'error', message: 'PG 점검 중' } })
    const errored = await decide((await open(order({ merchant_uid: 'order_2' }))).window.id, { decision: 'approve' })
    expect(errored.result).toMatchObject({ success: false, imp_uid: null, error_msg: 'PG 점검 중' })
    expect(paymentCount()).toBe(1)
  })
})

describe('the auto-decide queue', () => {
  const control = (method: 'GET' | 'POST' | 'DELETE', payload?: object) =>
    t.app.inject({ method, url: '/__mock/checkout/auto', ...(payload ? { payload } : {}) })

  it('hands the next N windows a decision, which their page takes on opening', async () => {
    const queued = await control('POST', { decision: 'decline', message: '한도초과', times: 2 })
    expect(queued.json()).toEqual({ pending: [{ decision: 'decline', card: null, message: '한도초과', remaining: 2, imp_key: null }] })
    await open(order({ merchant_uid: 'a' }))
    await open(order({ merchant_uid: 'b' }))
    await open(order({ merchant_uid: 'c' }))
    const pages = await Promise.all(
      ['win_000001', 'win_000002', 'win_000003'].map((id) => t.app.inject({ method: 'GET', url: `/__checkout/window/${id}` }))
    )
    expect(pages.map((p) => p.body.includes('"auto":{"decision":"decline","card":null,"message":"한도초과"}'))).toEqual([true, true, false])
    expect((await control('GET')).json()).toEqual({ pending: [] })
  })

  it('refuses an unknown card, and forgets the queue on reset', async () => {
    const bad = await control('POST', { decision: 'approve', card: 'nope' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('invalid_request')
    await control('POST', { decision: 'close', times: 3 })
    await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
    expect((await control('GET')).json()).toEqual({ pending: [] })
  })
})

describe('beside the REST API', () => {
  it('keeps the window traffic out of the request journal', async () => {
    const { window } = await open(order())
    await decide(window.id, { decision: 'approve' })
    await t.app.inject({ method: 'GET', url: '/v1/iamport.js' })
    const journal = (await t.app.inject({ method: 'GET', url: '/__mock/requests' })).json()
    expect(journal.entries.map((e: { path: string }) => e.path)).toEqual(['/users/getToken'])
  })

  it('keeps a window payment, with its browser channel, across a restart (--data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-window-'))
    const file = join(dir, 'data.jsonl')
    try {
      const first = await buildApp({ clock: new ManualClock(T0_MS), data: { file } })
      const opened = await first.inject({
        method: 'POST',
        url: '/__checkout/sessions',
        headers: { 'user-agent': 'UA/1' },
        payload: { imp_code: 'imp00000000', params: order({ customer_uid: 'cust_kept' }), mode: 'redirect', return_url: `${PAGE}/back` }
      })
      const decided = await first.inject({
        method: 'POST',
        url: `/__checkout/sessions/${opened.json().window.id}/decision`,
        payload: { decision: 'approve' }
      })
      const impUid = decided.json().result.imp_uid
      await first.close()
      const second = await buildApp({ clock: new ManualClock(T0_MS), data: { file } })
      const token = await getToken(second)
      const payment = await second.inject({ method: 'GET', url: `/payments/${impUid}`, headers: { authorization: token } })
      expect(payment.json().response).toMatchObject({
        status: 'paid',
        channel: 'mobile',
        pay_method: 'card',
        user_agent: 'UA/1',
        customer_uid_usage: 'issue'
      })
      await second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
