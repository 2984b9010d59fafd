/**
 * "Subscribe with the payment window" in Chromium: the shop's page loads i'mport's SDK from the CDN
 * URL, which the test swaps for the simulator's copy with one `page.route`; the simulator's test
 * window is driven through its automation hooks (`imp-approve`, `imp-decline`, `imp-close`). The
 * shop's server verifies the result with i'mport and charges the first month with `again`.
 * Debian's Chromium, headless; only 127.0.0.1 is reached.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startShop, type Shop } from './shop.js'

const CHROMIUM = '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]
const CDN_SCRIPT = 'https://cdn.iamport.kr/v1/iamport.js'
const PHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
const isLoopback = (url: string) => ['127.0.0.1', '[::1]', 'localhost'].includes(new URL(url).hostname)

describe.skipIf(!existsSync(CHROMIUM))('subscribing with the payment window, in Chromium', () => {
  const simulatorUrl = inject('iamportBaseUrl')
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let shop: Shop
  let shopUrl: string
  const offLoopback: string[] = []

  /** A browser context where i'mport's CDN script comes from the simulator and nothing leaves the machine. */
  async function newContext(options: { userAgent?: string } = {}): Promise<BrowserContext> {
    const ctx = await browser.newContext(options)
    await ctx.route('**/*', (route) => {
      if (isLoopback(route.request().url())) return route.continue()
      offLoopback.push(route.request().url())
      return route.abort()
    })
    // The one line a merchant's suite needs: i'mport's CDN URL answered with the simulator's SDK.
    await ctx.route(CDN_SCRIPT, async (route) =>
      route.fulfill({ contentType: 'text/javascript', body: await (await fetch(`${simulatorUrl}/v1/iamport.js`)).text() })
    )
    return ctx
  }

  const windowFrame = () => page.frameLocator('iframe[title="테스트 결제창"]')

  async function subscribe(
    customerUid: string,
    hook: 'imp-approve' | 'imp-decline' | 'imp-close'
  ): Promise<{ status: string | undefined; message: string }> {
    await page.goto(`${shopUrl}/subscribe-window?customer_uid=${customerUid}`)
    await page.getByRole('button', { name: '결제창으로 구독하기' }).click()
    await windowFrame().getByTestId(hook).click()
    const result = page.locator('#result:not([data-status="pending"])')
    await result.waitFor()
    return { status: (await result.getAttribute('data-status')) ?? undefined, message: (await result.textContent()) ?? '' }
  }

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    shop = await startShop()
    await shop.app.listen({ port: 0, host: '127.0.0.1' })
    shopUrl = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.app.close()
  })
  beforeEach(async () => {
    await shop.mock.reset()
    context = await newContext()
    page = await context.newPage()
  })
  afterEach(async () => {
    await context.close()
    expect(offLoopback).toEqual([])
  })

  it('approve: the key is issued in the window, verified by the server, and the first month charged with again', async () => {
    expect(await subscribe('cust_window', 'imp-approve')).toEqual({ status: 'success', message: 'Payment completed' })
    expect(shop.store.subscriber('cust_window')).toMatchObject({ card_name: '현대카드', card_last4: '4242' })
    expect(shop.store.order('cust_window_first_month')).toMatchObject({ status: 'paid', amount: 9900 })
    const state = await shop.mock.state()
    const payments = state.merchants[0]!.payments
    expect(payments.map((p) => [p.amount, p.status, p.customer_uid_usage])).toEqual([
      [0, 'paid', 'issue'],
      [9900, 'paid', 'payment']
    ])
  })

  it('decline: the page says so, and nothing is stored or charged', async () => {
    const outcome = await subscribe('cust_declined', 'imp-decline')
    expect(outcome.status).toBe('failed')
    expect(outcome.message).toContain('카드 등록에 실패했습니다')
    expect(shop.store.subscriber('cust_declined')).toBeUndefined()
    expect(shop.store.order('cust_declined_first_month')).toBeUndefined()
  })

  it('close: the user-cancel message, nothing charged', async () => {
    const outcome = await subscribe('cust_closed', 'imp-close')
    expect(outcome).toEqual({ status: 'failed', message: '카드 등록에 실패했습니다: [결제포기] 사용자가 결제를 취소하셨습니다' })
    expect(shop.store.order('cust_closed_first_month')).toBeUndefined()
  })

  it('a phone: the window takes the page and returns to m_redirect_url, where the server verifies and charges', async () => {
    await context.close()
    context = await newContext({ userAgent: PHONE })
    page = await context.newPage()
    await page.goto(`${shopUrl}/subscribe-window?customer_uid=cust_phone`)
    await page.getByRole('button', { name: '결제창으로 구독하기' }).click()
    await page.waitForURL(`${simulatorUrl}/__checkout/window/**`)
    await page.getByTestId('imp-approve').click()
    await page.waitForURL(`${shopUrl}/subscribe-window/complete?**`)
    expect(new URL(page.url()).searchParams.get('imp_success')).toBe('true')
    expect(await page.locator('#result').getAttribute('data-status')).toBe('success')
    expect(shop.store.order('cust_phone_first_month')).toMatchObject({ status: 'paid', amount: 9900 })
  })
})
