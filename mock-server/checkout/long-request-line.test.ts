/**
 * A request line over the limit on the checkout's routes is the window API's 4xx, not a 500: the
 * shared limit raises a RequestLimitError that carries its status, and every wing answers it in its
 * own shape (the fuzzer found the checkout answering 500 when it only knew V1's and control's).
 */
import { afterEach, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../app.js'

let app: MockApp | undefined
afterEach(async () => app?.close())

it('answers a request line over 8 KiB on /__checkout with 414 in the checkout shape', async () => {
  app = await buildApp()
  const url = `/__checkout/sessions?${Array.from({ length: 1500 }, () => 'customer_uid[]=x').join('&')}`
  const res = await app.inject({ method: 'POST', url, payload: '{"amount":1000}' })
  expect(res.statusCode).toBe(414)
  expect(res.json()).toEqual({ error: { code: 'invalid_request', message: 'the request could not be read' } })
})
