/**
 * Virtual accounts and identity verification through the browser SDK in Chromium: a merchant's
 * page on another port calls `IMP.request_pay({ pay_method: 'vbank' })` and `IMP.certification`,
 * the windows are driven through their automation hooks, and the outcome is read back over the
 * REST API (and, for the account, paid through the control API's deposit). Only 127.0.0.1 is reached.
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

/** The merchant's page: loads the SDK from the simulator and offers `pay` and `certify` as promises. */
function startShop(simulator: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8')
    if ((request.url ?? '/').startsWith('/done')) {
      response.end('<!doctype html><html lang="ko"><title>완료</title><h1>완료</h1></html>')
      return
    }
    response.end(`<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>테스트 상점</title>
<script src="${simulator}/v1/iamport.js"></script></head><body><h1>테스트 상점</h1>
<script>
  IMP.init('imp00000000')
  window.pay = (params) => new Promise((resolve) => IMP.request_pay(params, resolve))
  window.certify = (params) => new Promise((resolve) => IMP.certification(params, resolve))
</script></body></html>`)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }))
  )
}

describe.skipIf(!hasChromium)('virtual accounts and certification in Chromium', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let sim: MockServer
  let shop: { server: Server; url: string }
  let control: MockControl
  let api: AxiosInstance
  const offLoopback: string[] = []

  const vbankOrder = (extra: Record<string, unknown> = {}) => ({
    pg: 'nice',
    pay_method: 'vbank',
    merchant_uid: 'vb_browser',
    name: '연간 이용권',
    amount: 50000,
    buyer_name: '홍길동',
    vbank_due: '2026-03-08',
    notice_url: `${shop.url}/hook`,
    ...extra
  })

  /** Calls `call` on the page, clicks `testId` in the window titled `frameTitle`, and resolves with the callback object. */
  async function runAndClick(
    call: 'pay' | 'certify',
    params: Record<string, unknown>,
    frameTitle: string,
    testId: string,
    beforeClick?: () => Promise<void>
  ) {
    const result = page.evaluate(([name, p]) => (globalThis as any)[name as string](p), [call, params] as const)
    const frame = page.frameLocator(`iframe[title="${frameTitle}"]`)
    await frame.getByTestId(testId).waitFor()
    await beforeClick?.()
    await frame.getByTestId(testId).click()
    return result as Promise<any>
  }

  beforeAll(async () => {
    sim = await createMockServer({ clock: new ManualClock(T0_MS), schedulePollMs: 0 })
    shop = await startShop(sim.url)
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
    const token = (await axios.post(`${sim.url}/users/getToken`, DEFAULT_MERCHANT)).data.response.access_token
    api = axios.create({ baseURL: sim.url, headers: { Authorization: `Bearer ${token}` }, validateStatus: () => true })
    context = await browser.newContext()
    await keepOnLoopback(context, offLoopback)
    page = await context.newPage()
    await page.goto(shop.url)
    await page.waitForFunction(() => typeof (globalThis as { pay?: unknown }).pay === 'function')
  })
  afterEach(async () => {
    await context.close()
    expect(offLoopback).toEqual([])
  })

  it('vbank: approve issues a ready account, the callback carries it, the control deposit pays it', async () => {
    const result = await runAndClick('pay', vbankOrder(), '테스트 결제창', 'imp-approve', async () => {
      const frame = page.frameLocator('iframe[title="테스트 결제창"]')
      await expect(frame.getByText('가상계좌 발급받기').isVisible()).resolves.toBe(true)
      await expect(frame.getByText('2026-03-08 23:59 (한국시간)').isVisible()).resolves.toBe(true)
      await frame.getByRole('radio', { name: /신한은행/ }).check()
    })
    expect(result).toMatchObject({
      success: true,
      imp_success: true,
      status: 'ready',
      pay_method: 'vbank',
      merchant_uid: 'vb_browser',
      vbank_name: '신한은행',
      vbank_holder: 'docs test merchant',
      vbank_date: Date.UTC(2026, 2, 8, 14, 59, 59) / 1000
    })
    expect(result.vbank_num).toMatch(/^\d{14}$/)
    expect(await page.locator('#iamport-mock-overlay').count()).toBe(0)
    expect((await api.get(`/payments/${result.imp_uid}`)).data.response).toMatchObject({
      status: 'ready',
      channel: 'pc',
      vbank_code: '088',
      vbank_num: result.vbank_num
    })

    const deposited = await control.vbanks.deposit(result.imp_uid, { depositorName: '홍길동' })
    expect(deposited).toMatchObject({ paid: true })
    expect((await api.get(`/payments/${result.imp_uid}`)).data.response).toMatchObject({
      status: 'paid',
      amount: 50000,
      deposit_history: [{ amount: 50000, depositor_name: '홍길동' }]
    })
    const hooks = await control.webhooks.list({ impUid: result.imp_uid })
    expect(hooks.deliveries.map((d) => d.trigger)).toEqual(['payment.ready', 'payment.paid'])
  })

  it('vbank: the close button fails it, nothing to deposit into', async () => {
    const result = await runAndClick('pay', vbankOrder(), '테스트 결제창', 'imp-close')
    expect(result).toMatchObject({ success: false, status: 'failed', error_code: 'F400', error_msg: '[결제포기] 사용자가 결제를 취소하셨습니다' })
    expect(result.vbank_num).toBeUndefined()
    expect((await api.get(`/payments/${result.imp_uid}`)).data.response).toMatchObject({ status: 'failed', pay_method: 'vbank' })
  })

  it('certification: approve in an overlay, then GET /certifications/{imp_uid} answers it certified', async () => {
    const result = await runAndClick('certify', { merchant_uid: 'cert_browser', name: '김인증' }, '테스트 본인인증창', 'imp-approve', async () => {
      await expect(page.getByRole('dialog', { name: '본인인증창' }).isVisible()).resolves.toBe(true)
      const frame = page.frameLocator('iframe[title="테스트 본인인증창"]')
      await expect(frame.getByLabel('이름').inputValue()).resolves.toBe('김인증')
      await frame.getByLabel('생년월일 (6자리)').fill('050317')
      await frame.getByLabel('주민번호 뒷자리 첫 숫자').fill('4')
    })
    expect(result).toEqual({ success: true, imp_uid: expect.stringMatching(/^imp_/), merchant_uid: 'cert_browser' })
    expect(await page.locator('#iamport-mock-overlay').count()).toBe(0)
    expect((await api.get(`/certifications/${result.imp_uid}`)).data.response).toMatchObject({
      certified: true,
      merchant_uid: 'cert_browser',
      name: '김인증',
      birthday: '2005-03-17',
      gender: 'female',
      pg_provider: 'danal'
    })
  })

  it('certification: a refused field is shown in the window, then decline calls back with the error', async () => {
    const result = await runAndClick('certify', { merchant_uid: 'cert_no' }, '테스트 본인인증창', 'imp-decline', async () => {
      const frame = page.frameLocator('iframe[title="테스트 본인인증창"]')
      await frame.getByLabel('휴대폰 번호').fill('12345')
      await frame.getByTestId('imp-approve').click()
      await frame.getByText('["phone"] 파라메터의 형식이 올바르지 않습니다.').waitFor()
    })
    expect(result).toMatchObject({ success: false, merchant_uid: 'cert_no', error_code: 'F500', error_msg: '본인인증에 실패하였습니다.' })
    expect((await api.get(`/certifications/${result.imp_uid}`)).status).toBe(404)
  })

  it('certification on a phone: a full-page window, back to m_redirect_url with success', async () => {
    const mobile = await browser.newContext({ userAgent: MOBILE_USER_AGENT })
    await keepOnLoopback(mobile, offLoopback)
    const phone = await mobile.newPage()
    try {
      await phone.goto(shop.url)
      await control.checkout.auto({ decision: 'approve', times: 1 })
      await phone.evaluate((url) => (globalThis as any).IMP.certification({ merchant_uid: 'cert_m', m_redirect_url: url }), `${shop.url}/done`)
      await phone.waitForURL(`${shop.url}/done?**`)
      const query = Object.fromEntries(new URL(phone.url()).searchParams)
      expect(query).toMatchObject({ merchant_uid: 'cert_m', success: 'true' })
      expect((await api.get(`/certifications/${query.imp_uid}`)).data.response).toMatchObject({ certified: true, name: '홍길동' })
    } finally {
      await mobile.close()
    }
  })
})
