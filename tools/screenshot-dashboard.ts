/**
 * `npm run docs:screenshot`: regenerates docs/images/dashboard-payments.png, the payments view of
 * the dashboard shown in docs/dashboard.md (and the README), from a simulator filled with a few
 * payments of every kind (paid, partly cancelled, declined by a fault), on the fixed clock and ids
 * the tests use, in Debian's Chromium. Never edit the picture by hand: run this.
 */
import { mkdirSync } from 'node:fs'
import { startHttp } from '../test/support/http.js'
import { launchChromium } from '../test/support/chromium.js'

const OUT = new URL('../docs/images/dashboard-payments.png', import.meta.url)

const h = await startHttp({ config: { seed: 'dashboard-docs' } })
const browser = await launchChromium()
try {
  const m = await h.merchant()
  const customers = ['customer_kim', 'customer_lee', 'customer_park']
  for (const c of customers) await m.issueKey(c)
  const plans = [9900, 14_900, 29_000, 4900, 9900, 14_900]
  for (const [i, amount] of plans.entries()) {
    await m.again(`order_2026_03_${String(i + 1).padStart(3, '0')}`, customers[i % customers.length]!, amount)
    h.clock.advance(90)
  }
  await h.control.faults.add({
    match: { path: '/subscribe/payments/again' },
    action: { type: 'decline', fail_reason: '잔액부족' }
  })
  await m.again('order_2026_03_007', 'customer_lee', 29_000)
  await m.http.post('/payments/cancel', { merchant_uid: 'order_2026_03_002', amount: 4900, reason: '부분 환불' })

  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, colorScheme: 'light', timezoneId: 'Asia/Seoul', locale: 'en-US' })
  await page.goto(`${h.url}/__mock/ui#payments`)
  await page.locator('tr[data-imp-uid]').nth(6).waitFor()
  await page.locator('tr[data-imp-uid]', { hasText: 'order_2026_03_002' }).getByRole('button').click()
  await page.getByRole('heading', { name: /^Payment / }).waitFor()
  mkdirSync(new URL('.', OUT), { recursive: true })
  await page.screenshot({ path: OUT.pathname })
  console.log(`wrote ${OUT.pathname}`)
} finally {
  await browser.close()
  await h.close()
}
