/**
 * The vitest example of docs/testing-your-integration.md, run as written (imports aside: the page
 * imports from the package; the last test checks the rest). "Merchant code" here is a renewal job that must mark a subscription past_due when
 * the charge is declined, and must not charge twice after a timeout.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import axios from 'axios'
import { readFileSync } from 'node:fs'
import { createMockServer, type MockServer } from '../server.js'
import { createMockControl, type MockControl } from '../../client/mock-control.js'

// --- the merchant's code under test -------------------------------------------------------
async function renewSubscription(baseURL: string, customerUid: string, orderId: string): Promise<'active' | 'past_due'> {
  const { data: auth } = await axios.post(`${baseURL}/users/getToken`, {
    imp_key: 'imp_apikey',
    imp_secret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f'
  })
  const headers = { Authorization: auth.response.access_token }
  try {
    const { data } = await axios.post(
      `${baseURL}/subscribe/payments/again`,
      { customer_uid: customerUid, merchant_uid: orderId, amount: 9900, name: '월간 이용권' },
      { headers }
    )
    return data.code === 0 && data.response.status === 'paid' ? 'active' : 'past_due'
  } catch {
    // No answer: the charge may or may not have gone through. Ask before retrying.
    const { data } = await axios.get(`${baseURL}/payments/find/${orderId}`, { headers, validateStatus: () => true })
    return data.response?.status === 'paid' ? 'active' : 'past_due'
  }
}
// -------------------------------------------------------------------------------------------

let server: MockServer
let mock: MockControl

beforeAll(async () => {
  server = await createMockServer() // or point at `npm start`'s http://127.0.0.1:4010
  mock = createMockControl(server.url)
})
afterAll(() => server.close())
beforeEach(async () => {
  await mock.reset()
  const { data: auth } = await axios.post(`${server.url}/users/getToken`, {
    imp_key: 'imp_apikey',
    imp_secret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f'
  })
  await axios.post(
    `${server.url}/subscribe/customers/customer_1`,
    { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' },
    { headers: { Authorization: auth.response.access_token } }
  )
})

it('marks the subscription past_due when the renewal is declined', async () => {
  await mock.faults.add({
    match: { path: '/subscribe/payments/again', customer_uid: 'customer_1' },
    action: { type: 'decline', fail_reason: '잔액부족' }
  })
  expect(await renewSubscription(server.url, 'customer_1', 'renewal_2026_03')).toBe('past_due')
  const [payment] = (await mock.state()).merchants[0]!.payments
  expect(payment).toMatchObject({ status: 'failed', fail_reason: '잔액부족' })
})

it('keeps the subscription active when the charge went through but the answer was lost', async () => {
  await mock.faults.add({ match: { merchant_uid: 'renewal_2026_04' }, action: { type: 'commit_then_drop' } })
  expect(await renewSubscription(server.url, 'customer_1', 'renewal_2026_04')).toBe('active')
  // One charge only: the job asked instead of charging again.
  expect((await mock.state()).merchants[0]!.payments).toHaveLength(1)
})

it('is the code docs/testing-your-integration.md shows', () => {
  const page = readFileSync(new URL('../../docs/testing-your-integration.md', import.meta.url), 'utf8')
  const start = page.indexOf('## Forcing a failure in a vitest suite')
  expect(start).toBeGreaterThan(-1)
  const block = /```ts\n([\s\S]*?)```/.exec(page.slice(start))![1]!
  const self = readFileSync(new URL(import.meta.url), 'utf8')
  // Imports differ (the page imports from the package) and `// …` lines stand for the reader's own code.
  const lines = block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('import ') && !line.trim().startsWith('// …'))
  expect(lines.length).toBeGreaterThan(15)
  for (const line of lines) expect(self, line).toContain(line)
})
