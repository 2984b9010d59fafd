/**
 * Test harness for tests through real HTTP: the simulator listening on 127.0.0.1 (a free port) on a
 * manual clock, the control client, and axios clients for i'mport calls as a merchant's code
 * makes them. Close it in afterEach.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import { expect } from 'vitest'
import { createMockServer, type MockServer, type MockServerOptions } from '../../mock-server/server.js'
import { ManualClock } from '../../mock-server/shared/clock.js'
import { createMockControl, type MockControl } from '../../client/mock-control.js'
import { APPROVED_CARD } from '../../fixtures/cards/catalogue.js'
import { T0_MS } from './helpers.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

export interface MerchantClient {
  readonly impKey: string
  readonly token: string
  /** Authorised axios instance; never throws on an HTTP status. */
  readonly http: AxiosInstance
  issueKey(customerUid: string, fields?: Record<string, unknown>, headers?: Record<string, string>): Promise<AxiosResponse>
  again(merchantUid: string, customerUid: string, amount?: number, headers?: Record<string, string>): Promise<AxiosResponse>
  find(merchantUid: string): Promise<AxiosResponse>
}

export interface HttpHarness {
  readonly server: MockServer
  readonly url: string
  readonly clock: ManualClock
  readonly control: MockControl
  /** Unauthenticated i'mport calls; never throws on an HTTP status. */
  readonly api: AxiosInstance
  /** Takes a token for a merchant (the docs merchant by default) and returns a client for it. */
  merchant(impKey?: string, impSecret?: string): Promise<MerchantClient>
  close(): Promise<void>
}

export async function startHttp(options: MockServerOptions = {}): Promise<HttpHarness> {
  const clock = new ManualClock(T0_MS)
  const server = await createMockServer({ clock, host: '127.0.0.1', ...options })
  const api = axios.create({ baseURL: server.url, validateStatus: () => true })
  const control = createMockControl(server.url)

  async function merchant(impKey: string = DEFAULT_MERCHANT.imp_key, impSecret: string = DEFAULT_MERCHANT.imp_secret) {
    const res = await api.post('/users/getToken', { imp_key: impKey, imp_secret: impSecret })
    expect(res.status, JSON.stringify(res.data)).toBe(200)
    const token: string = res.data.response.access_token
    const http = axios.create({ baseURL: server.url, validateStatus: () => true, headers: { Authorization: `Bearer ${token}` } })
    const client: MerchantClient = {
      impKey,
      token,
      http,
      issueKey: (customerUid, fields = {}, headers = {}) =>
        http.post(
          `/subscribe/customers/${encodeURIComponent(customerUid)}`,
          { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12', ...fields },
          { headers }
        ),
      again: (merchantUid, customerUid, amount = 9900, headers = {}) =>
        http.post('/subscribe/payments/again', { customer_uid: customerUid, merchant_uid: merchantUid, amount, name: '월간 이용권' }, { headers }),
      find: (merchantUid) => http.get(`/payments/find/${encodeURIComponent(merchantUid)}`)
    }
    return client
  }

  return { server, url: server.url, clock, control, api, merchant, close: () => server.close() }
}

/** Asserts the call failed at the socket (connection reset or closed before any answer). */
export async function expectSocketError(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    (res) => {
      throw new Error(`expected a socket error, got an answer: ${(res as AxiosResponse).status}`)
    },
    (err: unknown) => err as { code?: string; response?: unknown; message: string }
  )
  expect(error.response, 'no HTTP answer at all').toBeUndefined()
  expect(['ECONNRESET', 'ERR_BAD_RESPONSE', 'EPIPE'], error.message).toContain(error.code)
}

/** A promise with its resolve function, for controlling injected waits. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
