/**
 * The dashboard (/__mock/ui) in Chromium: it loads with no console error and no request leaving
 * the simulator, stays live without a reload, steers the simulator (cancel, clock, faults) through
 * the control API, renders hostile data as text, and shows nothing without the control token.
 * Every effect is read back over the REST or control API, as a script would.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { startReceiver, type WebhookReceiver } from '../../test/support/webhook-receiver.js'
import { hasChromium, keepOnLoopback, launchChromium } from '../../test/support/chromium.js'
import { T0 } from '../../test/support/helpers.js'
import type { MockServerOptions } from '../server.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'
import { preloadPayments } from '../preload.js'

/** Long enough for a one-second poll on a busy machine. */
const LIVE_MS = 5000

describe.skipIf(!hasChromium)('the dashboard in Chromium', { timeout: 30_000 }, () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let h: HttpHarness
  let receiver: WebhookReceiver | undefined
  let foreign: string[]
  let offLoopback: string[]
  let consoleErrors: string[]

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => browser?.close())

  async function open(options: MockServerOptions = {}, view = 'overview'): Promise<void> {
    h = await startHttp(options)
    context = await browser.newContext()
    offLoopback = []
    foreign = []
    consoleErrors = []
    await keepOnLoopback(context, offLoopback)
    page = await context.newPage()
    page.on('request', (request) => {
      if (!request.url().startsWith(`${h.url}/`)) foreign.push(request.url())
    })
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    page.on('pageerror', (error) => consoleErrors.push(error.message))
    await page.goto(`${h.url}/__mock/ui#${view}`)
  }

  beforeEach(() => {
    receiver = undefined
  })
  afterEach(async () => {
    expect(foreign, 'requests that left the simulator').toEqual([])
    expect(offLoopback).toEqual([])
    await context?.close()
    await h?.close()
    await receiver?.close()
  })

  it('loads the overview with the merchants and the clock, with no console error', async () => {
    await open()
    await page.getByRole('heading', { name: 'Merchants', exact: true }).waitFor({ timeout: LIVE_MS })
    await page.getByRole('cell', { name: DEFAULT_MERCHANT.imp_key, exact: true }).waitFor({ timeout: LIVE_MS })
    await page.getByText('Server time:').waitFor()
    const when = await page.locator('.clock time').getAttribute('title')
    expect(when).toBe(`${T0} (UNIX seconds)`)
    expect(consoleErrors).toEqual([])
  })

  it('shows a payment made over REST without a reload, with the amount in won', async () => {
    await open({}, 'payments')
    const m = await h.merchant()
    await m.issueKey('customer_1')
    expect((await m.again('order_live', 'customer_1', 12_900)).data.code).toBe(0)
    const row = page.locator('tr', { hasText: 'order_live' })
    await row.waitFor({ timeout: LIVE_MS })
    expect(await row.textContent()).toContain('₩12,900')
    expect(consoleErrors).toEqual([])
  })

  it('cancels part of a payment from the detail view, as GET /payments/{imp_uid} then shows', async () => {
    await open({}, 'payments')
    const m = await h.merchant()
    await m.issueKey('customer_1')
    const paid = (await m.again('order_cancel', 'customer_1', 10_000)).data.response
    await page.getByRole('button', { name: paid.imp_uid }).click({ timeout: LIVE_MS })
    await page.getByRole('heading', { name: `Payment ${paid.imp_uid}` }).waitFor()
    await page.getByLabel('Cancel amount (blank: all)').fill('3000')
    await page.getByRole('button', { name: 'Cancel payment' }).click()
    await page.getByText(/Cancelled ₩3,000/).waitFor({ timeout: LIVE_MS })
    const after = (await m.http.get(`/payments/${paid.imp_uid}`)).data.response
    // The simulator marks a partly cancelled payment `cancelled`, as i'mport's logs show (v1/domain/cancel.ts).
    expect(after).toMatchObject({ amount: 10_000, cancel_amount: 3000 })
    expect(after.cancel_history).toHaveLength(1)
    expect(consoleErrors).toEqual([])
  })

  it('advancing the clock from the overview runs a due schedule, and its webhook shows in the outbox', async () => {
    receiver = await startReceiver()
    await open()
    const m = await h.merchant()
    await m.issueKey('customer_1')
    const scheduled = await m.http.post('/subscribe/payments/schedule', {
      customer_uid: 'customer_1',
      schedules: [{ merchant_uid: 'order_next_month', schedule_at: T0 + 3600, amount: 9900, name: '월간 이용권', notice_url: `${receiver.url}/hook` }]
    })
    expect(scheduled.data.code).toBe(0)
    await page.getByLabel('Advance by').fill('2')
    await page.getByLabel('Unit').selectOption({ label: 'hours' })
    await page.getByRole('button', { name: 'Advance', exact: true }).click()
    await page.getByText(/Clock moved/).waitFor({ timeout: LIVE_MS })
    expect(receiver.received.map((w) => w.body.merchant_uid)).toEqual(['order_next_month'])
    await page.getByRole('tab', { name: 'Webhooks' }).click()
    const delivery = page.locator('tr[data-delivery]', { hasText: 'payment.paid' })
    await delivery.waitFor({ timeout: LIVE_MS })
    expect(await delivery.textContent()).toContain('delivered')
    expect(consoleErrors).toEqual([])
  })

  it('"Run what is due now" moves the merchant clock to the next schedule, which runs', async () => {
    await open({}, 'schedules')
    const m = await h.merchant()
    await m.issueKey('customer_1')
    await m.http.post('/subscribe/payments/schedule', {
      customer_uid: 'customer_1',
      schedules: [{ merchant_uid: 'order_due', schedule_at: T0 + 86_400, amount: 9900, name: '월간 이용권' }]
    })
    const row = page.locator('tr', { hasText: 'order_due' })
    await row.getByText('scheduled').waitFor({ timeout: LIVE_MS })
    await page.getByRole('button', { name: 'Run what is due now' }).click()
    await row.getByText('executed').waitFor({ timeout: LIVE_MS })
    const [state] = (await h.control.state(m.impKey)).merchants
    expect(state!.schedules).toMatchObject([{ merchant_uid: 'order_due', schedule_status: 'executed', payment_status: 'paid' }])
    expect(state!.clock.now).toBeGreaterThanOrEqual(T0 + 86_400)
    expect(consoleErrors).toEqual([])
  })

  it('resets one merchant only after the confirmation is accepted', async () => {
    await open()
    const m = await h.merchant()
    await m.issueKey('customer_1')
    await m.again('order_kept', 'customer_1')
    const reset = page.getByRole('button', { name: `Reset merchant ${m.impKey}` })
    const payments = page.getByRole('row').filter({ hasText: m.impKey }).getByRole('cell').nth(3)
    await payments.getByText('1', { exact: true }).waitFor({ timeout: LIVE_MS })

    page.once('dialog', (dialog) => void dialog.dismiss())
    await reset.click()
    expect((await m.find('order_kept')).data.code).toBe(0)

    page.once('dialog', (dialog) => void dialog.accept())
    await reset.click()
    await page.getByText(`Reset merchant ${m.impKey}.`).waitFor({ timeout: LIVE_MS })
    expect((await h.control.state(m.impKey)).merchants[0]!.counts.payments).toBe(0)
    expect(consoleErrors).toEqual([])
  })

  it('a decline fault added from the presets declines the next again', async () => {
    await open({}, 'faults')
    await page.getByLabel('Preset').selectOption('decline')
    await page.getByLabel('Route').selectOption('/subscribe/payments/again')
    await page.getByRole('button', { name: 'Add fault' }).click()
    await page.locator('tr[data-rule]').waitFor({ timeout: LIVE_MS })
    const m = await h.merchant()
    await m.issueKey('customer_1')
    const declined = (await m.again('order_declined', 'customer_1')).data.response
    expect(declined).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
    expect((await m.again('order_after', 'customer_1')).data.response.status).toBe('paid')
    expect(consoleErrors).toEqual([])
  })

  it('filters and pages the payments table on the server', async () => {
    await open({}, 'payments')
    const merchant = h.server.app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!
    preloadPayments(merchant, 120, h.server.app.mock.config.fidelity)
    const pager = page.locator('.pager span')
    await pager.getByText('1–50 of 120').waitFor({ timeout: LIVE_MS })
    expect(await page.locator('tr[data-imp-uid]').first().textContent()).toContain('preload_order_119')
    await page.getByRole('button', { name: 'Older' }).click()
    await pager.getByText('51–100 of 120').waitFor({ timeout: LIVE_MS })
    const filters = page.getByRole('form', { name: 'Filter payments' })
    await filters.getByLabel('customer_uid').fill('preload_customer_7')
    await filters.getByLabel('customer_uid').press('Enter')
    await pager.getByText('1–1 of 1').waitFor({ timeout: LIVE_MS })
    expect(await page.locator('tr[data-imp-uid]').textContent()).toContain('preload_order_7')
    await filters.getByLabel('Status').selectOption('failed')
    await pager.getByText('No payments.').waitFor({ timeout: LIVE_MS })
    expect(consoleErrors).toEqual([])
  })

  it('redelivers a webhook, removes a fault rule and deletes a billing key', async () => {
    receiver = await startReceiver()
    await open({}, 'webhooks')
    const m = await h.merchant()
    await m.issueKey('customer_1')
    await m.http.post('/subscribe/payments/again', {
      customer_uid: 'customer_1',
      merchant_uid: 'order_hook',
      amount: 9900,
      name: '월간 이용권',
      notice_url: `${receiver.url}/hook`
    })
    const delivery = page.locator('tr[data-delivery]', { hasText: 'payment.paid' })
    await delivery.getByRole('button', { name: /^Redeliver / }).click({ timeout: LIVE_MS })
    await page.getByText(/^Redelivered /).waitFor({ timeout: LIVE_MS })
    expect(receiver.received.map((w) => w.body.merchant_uid)).toEqual(['order_hook', 'order_hook'])

    const rule = await h.control.faults.add({ match: { customer_uid: 'nobody' }, action: { type: 'drop' } })
    await page.getByRole('tab', { name: 'Faults' }).click()
    await page.getByRole('button', { name: `Remove fault ${rule.id}` }).click({ timeout: LIVE_MS })
    await page.locator('tr[data-rule]').waitFor({ state: 'detached', timeout: LIVE_MS })
    expect(await h.control.faults.list()).toEqual([])

    await page.getByRole('tab', { name: 'Billing keys' }).click()
    // The key's payment count opens the payments view filtered to that customer.
    await page.getByRole('button', { name: 'Payments of customer_1: 1' }).click({ timeout: LIVE_MS })
    await page.locator('.pager span').getByText('1–1 of 1').waitFor({ timeout: LIVE_MS })
    expect(await page.getByRole('form', { name: 'Filter payments' }).getByLabel('customer_uid').inputValue()).toBe('customer_1')
    await page.getByRole('tab', { name: 'Billing keys' }).click()
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('button', { name: 'Delete billing key customer_1' }).click({ timeout: LIVE_MS })
    await page.getByText('Deleted the billing key of customer_1.').waitFor({ timeout: LIVE_MS })
    expect((await m.http.get('/subscribe/customers/customer_1')).data.code).not.toBe(0)
    expect(consoleErrors).toEqual([])
  })

  it('renders a hostile merchant_uid and custom_data as text', async () => {
    await open({}, 'payments')
    // merchant_uid is at most 40 characters; custom_data carries the rest.
    const hostile = '"><img src=x onerror=__pwned=1>'
    const m = await h.merchant()
    await m.issueKey('customer_1')
    const paid = await m.http.post('/subscribe/payments/again', {
      customer_uid: 'customer_1',
      merchant_uid: hostile,
      amount: 1000,
      name: '<b>이름</b>',
      custom_data: '<script>window.__pwned=4</script>" onerror="__pwned=5'
    })
    expect(paid.data.code, paid.data.message).toBe(0)
    const cell = page.getByRole('cell', { name: hostile, exact: true })
    await cell.waitFor({ timeout: LIVE_MS })
    await page.getByRole('button', { name: paid.data.response.imp_uid }).click()
    await page.getByText('<script>window.__pwned=4</script>" onerror="__pwned=5').waitFor()
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('main img, main script, main b').count()).toBe(0)
    expect(consoleErrors).toEqual([])
  })

  it('with a control token, asks for it and shows no data until it is given', async () => {
    const dataAnswers: string[] = []
    await open({ config: { control: { token: 's3cret' } } })
    page.on('response', (response) => {
      if (response.url().includes('/__mock/') && !response.url().includes('/__mock/ui') && response.ok()) dataAnswers.push(response.url())
    })
    await page.getByLabel('Control token').waitFor({ timeout: LIVE_MS })
    expect(dataAnswers).toEqual([])
    expect(await page.getByText(DEFAULT_MERCHANT.imp_key).count()).toBe(0)
    await page.getByLabel('Control token').fill('wrong')
    await page.getByRole('button', { name: 'Open the dashboard' }).click()
    await page.getByLabel('Control token').waitFor({ timeout: LIVE_MS })
    expect(dataAnswers).toEqual([])
    await page.getByLabel('Control token').fill('s3cret')
    await page.getByRole('button', { name: 'Open the dashboard' }).click()
    await page.getByRole('cell', { name: DEFAULT_MERCHANT.imp_key, exact: true }).waitFor({ timeout: LIVE_MS })
    expect(dataAnswers.length).toBeGreaterThan(0)
    // A refused call is logged by Chromium as a failed resource load; nothing else may be.
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([])
  })
})
