/**
 * The browser SDK and the test payment window in Chromium: a merchant's page on another port
 * loads the script from the simulator, calls `IMP.request_pay`, and the window is driven through
 * its automation hooks. Every outcome is then read back over the REST API, as a merchant's server
 * would verify it. Only 127.0.0.1 is reached; the CDN URL is swapped with `page.route`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import axios, { type AxiosInstance } from 'axios'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createMockServer, type MockServer } from '../server.js'
import { ManualClock } from '../shared/clock.js'
import { createMockControl, type MockControl } from '../../client/mock-control.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'
import { T0_MS } from '../../test/support/helpers.js'
import { hasChromium, keepOnLoopback, launchChromium, MOBILE_USER_AGENT } from '../../test/support/chromium.js'

const CDN_SCRIPT = 'https://cdn.iamport.kr/v1/iamport.js'

/** The merchant's shop: a page that loads the SDK from `?script=` and a return page for redirects. */
function startShop(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    response.setHeader('content-type', 'text/html; charset=utf-8')
    if (url.pathname === '/done') {
      response.end('<!doctype html><html lang="ko"><title>결제 결과</title><h1>결제 결과</h1></html>')
      return
    }
    const script = url.searchParams.get('script') ?? ''
    response.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>테스트 상점</title>
<script src="${script.replace(/"/g, '&quot;')}"></script></head><body><h1>테스트 상점</h1>
<script>
  window.pay = (params, code) => new Promise((resolve) => { IMP.init(code === undefined ? 'imp00000000' : code); IMP.request_pay(params, resolve) })
</script></body></html>`)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  )
}

describe.skipIf(!hasChromium)('the browser checkout in Chromium', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let sim: MockServer
  let shop: { server: Server; url: string }
  let control: MockControl
  let api: AxiosInstance
  const offLoopback: string[] = []

  const order = (extra: Record<string, unknown> = {}) => ({
    pg: 'nice',
    pay_method: 'card',
    merchant_uid: 'order_1',
    name: '월간 이용권',
    amount: 9900,
    buyer_name: '홍길동',
    ...extra
  })

  async function restApi(): Promise<AxiosInstance> {
    const token = (await axios.post(`${sim.url}/users/getToken`, DEFAULT_MERCHANT)).data.response.access_token
    return axios.create({ baseURL: sim.url, headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true })
  }

  async function openShop(target: Page = page, script = `${sim.url}/v1/iamport.js`): Promise<void> {
    await target.goto(`${shop.url}/?script=${encodeURIComponent(script)}`)
    await target.waitForFunction(() => typeof (globalThis as { IMP?: unknown }).IMP === 'object')
  }

  const windowFrame = (target: Page = page) => target.frameLocator('iframe[title="테스트 결제창"]')

  /** Calls request_pay, clicks `testId` in the window, and resolves with the callback object. */
  async function payAndClick(params: Record<string, unknown>, testId: string, beforeClick?: () => Promise<void>): Promise<any> {
    const result = page.evaluate((p) => (globalThis as any).pay(p), params)
    await windowFrame().getByTestId(testId).waitFor()
    await beforeClick?.()
    await windowFrame().getByTestId(testId).click()
    return result
  }

  beforeAll(async () => {
    sim = await createMockServer({ clock: new ManualClock(T0_MS), schedulePollMs: 0 })
    shop = await startShop()
    control = createMockControl(sim.url)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await sim?.close()
    await new Promise((resolve) => shop?.server.close(resolve))
  })
  beforeEach(async () => {
    await control.reset()
    api = await restApi()
    context = await browser.newContext()
    await keepOnLoopback(context, offLoopback)
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    expect(offLoopback).toEqual([])
  })

  it('approve: the window is an overlay on the merchant page; the payment is paid and verifiable over REST', async () => {
    await openShop()
    const result = await payAndClick(order({ custom_data: { plan: 'monthly' } }), 'imp-approve', async () => {
      const dialog = page.getByRole('dialog', { name: '결제창' })
      await expect(dialog.isVisible()).resolves.toBe(true)
      const frame = windowFrame()
      await expect(frame.getByRole('button', { name: '결제창 닫기' }).isVisible()).resolves.toBe(true)
      await expect(frame.getByText('9,900원 결제하기').isVisible()).resolves.toBe(true)
      await expect(frame.getByRole('radio', { name: /승인 카드/ }).isChecked()).resolves.toBe(true)
    })
    expect(result).toMatchObject({
      success: true,
      imp_success: true,
      status: 'paid',
      paid_amount: 9900,
      merchant_uid: 'order_1',
      custom_data: { plan: 'monthly' },
      card_number: '42424242****4242'
    })
    expect(await page.locator('#iamport-mock-overlay').count()).toBe(0)
    const rest = (await api.get(`/payments/${result.imp_uid}`)).data.response
    expect(rest).toMatchObject({ status: 'paid', amount: 9900, channel: 'pc', pay_method: 'card', pg_tid: result.pg_tid })
    expect(rest.user_agent).toContain('Chrome')
  })

  it('a billing key through the window, then charged with again over REST', async () => {
    await openShop()
    const result = await payAndClick(order({ amount: 0, customer_uid: 'cust_browser', merchant_uid: 'issue_1' }), 'imp-approve')
    expect(result).toMatchObject({ success: true, status: 'paid', paid_amount: 0, customer_uid: 'cust_browser' })
    expect((await api.get('/subscribe/customers/cust_browser')).data.response).toMatchObject({
      customer_uid: 'cust_browser',
      card_number: '42424242****4242'
    })
    const charge = await api.post('/subscribe/payments/again', {
      customer_uid: 'cust_browser',
      merchant_uid: 'month_1',
      amount: 9900,
      name: '월간 이용권'
    })
    expect(charge.data.response).toMatchObject({ status: 'paid', amount: 9900 })
  })

  it('decline with a magic card picked in the window: a failed payment and the callback error', async () => {
    await openShop()
    const result = await payAndClick(order({ customer_uid: 'cust_no' }), 'imp-approve', async () => {
      await windowFrame()
        .getByRole('radio', { name: /거래거절 카드/ })
        .check()
    })
    expect(result).toMatchObject({ success: false, status: 'failed', error_code: 'F113', error_msg: '[F113]거래거절 카드번호틀림' })
    expect((await api.get(`/payments/${result.imp_uid}`)).data.response).toMatchObject({
      status: 'failed',
      fail_reason: '[F113]거래거절 카드번호틀림'
    })
    expect((await api.get('/subscribe/customers/cust_no')).data.code).toBe(1)
  })

  it('the decline button, and the close button', async () => {
    await openShop()
    const declined = await payAndClick(order(), 'imp-decline')
    expect(declined).toMatchObject({ success: false, status: 'failed', error_msg: '[F113]거래거절 카드번호틀림' })
    const closed = await payAndClick(order({ merchant_uid: 'order_2' }), 'imp-close')
    expect(closed).toMatchObject({ success: false, error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    expect((await api.get(`/payments/${closed.imp_uid}`)).data.response).toMatchObject({ status: 'failed', amount: 9900 })
  })

  it('invalid parameters and an unknown merchant code call back before any window opens', async () => {
    await openShop()
    const noAmount = await page.evaluate((p) => (globalThis as any).pay(p), { merchant_uid: 'x', name: 'n' })
    expect(noAmount).toMatchObject({ success: false, imp_uid: null, merchant_uid: 'x', error_msg: 'amount 파라미터는 필수입니다.' })
    const unknown = await page.evaluate((p) => (globalThis as any).pay(p, 'imp12345678'), order())
    expect(unknown.error_msg).toBe('가맹점 식별코드(imp12345678)에 해당하는 가맹점 정보를 찾을 수 없습니다.')
    const trans = await page.evaluate((p) => (globalThis as any).pay(p), order({ pay_method: 'trans' }))
    expect(trans).toMatchObject({ success: false, error_code: 'NOT_SIMULATED' })
    const cert = await page.evaluate(
      () => new Promise((resolve) => (globalThis as any).IMP.certification({ merchant_uid: 'c1', pg: 'nice' }, resolve))
    )
    expect(cert).toMatchObject({ success: false, error_code: 'F400', merchant_uid: 'c1', error_msg: '등록되지 않은 PG사 정보입니다. (pg: nice)' })
    expect(await page.locator('#iamport-mock-overlay').count()).toBe(0)
    expect((await api.get('/payments/find/x')).data.code).not.toBe(0)
  })

  it("believes only messages from the simulator's window frame", async () => {
    await openShop()
    const result = page.evaluate((p) => (globalThis as any).pay(p), order())
    await windowFrame().getByTestId('imp-approve').waitFor()
    // A message from the page itself (another origin than the simulator's) is ignored.
    // The message task is queued before the timer's, so the SDK has seen it when this resolves.
    await page.evaluate(() => {
      ;(globalThis as any).postMessage(
        { source: 'iamport-mock', type: 'result', window_id: 'win_000001', result: { success: true, imp_uid: 'forged' } },
        '*'
      )
      return new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(await page.locator('#iamport-mock-overlay').count()).toBe(1)
    await windowFrame().getByTestId('imp-approve').click()
    expect((await result).imp_uid).not.toBe('forged')
  })

  it('mobile: a full-page window, then a redirect to m_redirect_url with the result', async () => {
    const mobile = await browser.newContext({ userAgent: MOBILE_USER_AGENT })
    await keepOnLoopback(mobile, offLoopback)
    const phone = await mobile.newPage()
    try {
      await openShop(phone)
      await phone.evaluate(
        (p) => {
          const w = globalThis as any
          w.IMP.init('imp00000000')
          w.IMP.request_pay(p)
        },
        order({ m_redirect_url: `${shop.url}/done` })
      )
      await phone.waitForURL(`${sim.url}/__checkout/window/**`)
      await phone.getByTestId('imp-approve').click()
      await phone.waitForURL(`${shop.url}/done?**`)
      const query = Object.fromEntries(new URL(phone.url()).searchParams)
      expect(query).toMatchObject({ merchant_uid: 'order_1', imp_success: 'true' })
      expect((await api.get(`/payments/${query.imp_uid}`)).data.response).toMatchObject({ status: 'paid', channel: 'mobile' })
    } finally {
      await mobile.close()
    }
  })

  it('the CDN URL swapped with page.route, the legacy script path, and auto-decide', async () => {
    // docs/browser-checkout.md shows these lines (bundled-script.test.ts checks they match).
    const SIMULATOR = sim.url
    await page.route('https://cdn.iamport.kr/v1/iamport.js', async (route) =>
      route.fulfill({ contentType: 'text/javascript', body: await (await fetch(`${SIMULATOR}/v1/iamport.js`)).text() })
    )
    await openShop(page, CDN_SCRIPT)
    await control.checkout.auto({ decision: 'approve', times: 1 })
    expect(await page.evaluate((p) => (globalThis as any).pay(p), order())).toMatchObject({ success: true, status: 'paid' })

    await openShop(page, `${sim.url}/js/iamport.payment-1.2.0.js`)
    await control.checkout.auto({ decision: 'decline', message: '한도초과', times: 1 })
    expect(await page.evaluate((p) => (globalThis as any).pay(p), order({ merchant_uid: 'order_2' }))).toMatchObject({
      success: false,
      error_msg: '한도초과'
    })
    expect((await control.checkout.pending()).pending).toEqual([])
  })
})
