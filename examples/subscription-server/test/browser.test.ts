/**
 * The card form in a real browser: Debian's Chromium (`/usr/bin/chromium`), driven headless by
 * playwright-core, talking to the shop and the simulator on 127.0.0.1 only. Skipped, with a
 * message, on a machine without that Chromium; in CI (`CI=true`) its absence is an error, as
 * .ci/run installs it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { IMP_KEY, startShop, type Shop } from './shop.js'

const CHROMIUM = '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) {
  const message = `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the browser test`
  const inCI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!)
  if (inCI) throw new Error(message)
  console.warn(`\nbrowser test skipped: ${message}\n`)
}

// Without the background-networking switches Chromium keeps calling Google's services, which on
// a closed network means a stream of failing connections.
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

const isLoopback = (url: string) => ['127.0.0.1', '[::1]', 'localhost'].includes(new URL(url).hostname)

describe.skipIf(!hasChromium)('the card form in Chromium', () => {
  let profileDir: string
  let browser: BrowserContext
  let shop: Shop
  let shopUrl: string
  let page: Page
  /** Requests the page tried to send off the machine (refused). */
  const offLoopback: string[] = []

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'subscription-server-chromium-'))
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    await browser.route('**/*', (route) => {
      if (isLoopback(route.request().url())) return route.continue()
      offLoopback.push(route.request().url())
      return route.abort()
    })
    shop = await startShop()
    await shop.app.listen({ port: 0, host: '127.0.0.1' })
    shopUrl = `http://127.0.0.1:${(shop.app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await browser?.close()
    await shop?.app.close()
    if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    await shop.mock.reset()
    page = await browser.newPage()
  })
  afterEach(async () => {
    await page.close()
    expect(offLoopback).toEqual([])
  })

  async function submitCard(customerUid: string, cardNumber: string): Promise<{ status: string | null; message: string }> {
    await page.goto(`${shopUrl}/?customer_uid=${customerUid}`)
    await page.getByLabel('카드 번호').pressSequentially(cardNumber)
    await page.getByLabel('카드 유효기간').pressSequentially('2030-12')
    await page.getByLabel('생년월일').pressSequentially('900101')
    await page.getByLabel('카드 비밀번호 앞 두자리').pressSequentially('12')
    await page.getByRole('button', { name: '카드 등록' }).click()
    const result = page.locator('#result:is([data-status="success"], [data-status="failed"])')
    await result.waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node; innerText is the text the buyer sees
    return { status: await result.getAttribute('data-status'), message: await result.innerText() }
  }
  const billingKeys = async () => (await shop.mock.state(IMP_KEY)).merchants[0]!.billing_keys

  it('registers a card typed into the form and shows the success message', async () => {
    const shown = await submitCard('browser_0001', '4242-4242-4242-4242')

    expect(shown).toEqual({ status: 'success', message: 'Billing has successfully issued' })
    const keys = await billingKeys()
    expect(keys).toHaveLength(1)
    expect(keys[0]).toMatchObject({ customer_uid: 'browser_0001', card_number: '42424242****4242' })
    // The page forgets the card once it is registered.
    expect(await page.getByLabel('카드 번호').inputValue()).toBe('')
    expect(await page.getByLabel('카드 비밀번호 앞 두자리').inputValue()).toBe('')
  })

  it("shows i'mport's message when the card is rejected, and registers nothing", async () => {
    const shown = await submitCard('browser_0002', '4000-0000-0000-0002')

    expect(shown).toEqual({ status: 'failed', message: '카드정보 인증 및 빌키 발급에 실패하였습니다. [F113]거래거절 카드번호틀림' })
    expect(await billingKeys()).toEqual([])
    // The customer may correct the number; the password digits are asked again.
    expect(await page.getByLabel('카드 번호').inputValue()).toBe('4000-0000-0000-0002')
    expect(await page.getByLabel('카드 비밀번호 앞 두자리').inputValue()).toBe('')
  })
})
