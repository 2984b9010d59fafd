/**
 * What the V2 contract tests share: a simulator of their own (V1 + V2 ports, a fixed virtual
 * start time, no wall-time poll) with a V2 merchant of two stores, the first sending webhooks to
 * a receiver; the unmodified `@portone/server-sdk` client pointed at it with only `baseUrl`
 * changed; and a recorder of every V2 answer (the SDK's own requests, read through `fetch`), which
 * `expectConformance` checks against the official OpenAPI document.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect } from 'vitest'
import { PortOneClient, RestError } from '@portone/server-sdk'
import { createMockServer, ManualClock, type MockServer } from 'iamport-mock'
import { Conformance } from './openapi.js'

export const SECRET = 'contract-v2-api-secret'
export const STORE_A = 'store-contract-a'
export const STORE_B = 'store-contract-b'
/** base64 of "contract-webhook-secret". */
export const WEBHOOK_SECRET = 'whsec_Y29udHJhY3Qtd2ViaG9vay1zZWNyZXQ='
/** The virtual start: 2030-01-15T03:00:00Z (the wall clock signs webhooks; the body follows this). */
export const START_MS = Date.UTC(2030, 0, 15, 3, 0, 0)
export const APPROVED = {
  number: '4242424242424242',
  expiryYear: '35',
  expiryMonth: '12',
  birthOrBusinessRegistrationNumber: '900101',
  passwordTwoDigits: '00'
}
/** Card numbers of the magic-card catalogue (fixtures/cards). */
export const DECLINED_CARD = '4000000000000002'
export const INSUFFICIENT_BALANCE_CARD = '4000000000009995'

export interface ReceivedWebhook {
  readonly headers: http.IncomingHttpHeaders
  readonly raw: string
}

export interface Exchange {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly body: unknown
}

export interface V2Harness {
  server: MockServer
  client: ReturnType<typeof PortOneClient>
  webhooks: ReceivedWebhook[]
  webhookUrl: string
  exchanges: Exchange[]
  /** Moves the server clock through the control API (due schedules run before it answers). */
  advance(seconds: number): Promise<void>
  /** The control API's view of the V2 outbox deliveries. */
  deliveries(): Promise<Array<{ trigger: string; status: string; body: Record<string, string> }>>
}

async function startReceiver(received: ReceivedWebhook[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (raw += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, raw })
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/portone-webhook`, close: () => new Promise((r) => server.close(() => r())) }
}

/** Starts the harness for one test file (beforeAll) and stops it (afterAll). */
export function useV2Harness(): V2Harness {
  const h = { webhooks: [] as ReceivedWebhook[], exchanges: [] as Exchange[] } as V2Harness
  let receiver: { url: string; close: () => Promise<void> }
  const realFetch = globalThis.fetch
  beforeAll(async () => {
    receiver = await startReceiver(h.webhooks)
    h.webhookUrl = receiver.url
    h.server = await createMockServer({
      seed: 'contract-v2',
      clock: new ManualClock(START_MS),
      schedulePollMs: 0,
      config: {
        v2_merchants: [
          {
            api_secret: SECRET,
            merchant_id: 'merchant-contract',
            stores: [
              { store_id: STORE_A, webhook_secret: WEBHOOK_SECRET, webhook_url: receiver.url },
              { store_id: STORE_B, webhook_secret: WEBHOOK_SECRET }
            ]
          }
        ]
      }
    })
    const v2Url = h.server.v2Url
    // Records the SDK's V2 answers as it reads them; everything else passes by untouched.
    globalThis.fetch = async (input, init) => {
      const response = await realFetch(input, init)
      const url = new URL(input instanceof Request ? input.url : String(input))
      if (url.origin === v2Url) {
        const text = await response.clone().text()
        h.exchanges.push({
          method: (init?.method ?? 'GET').toUpperCase(),
          path: url.pathname,
          status: response.status,
          body: JSON.parse(text) as unknown
        })
      }
      return response
    }
    h.client = PortOneClient({ secret: SECRET, baseUrl: v2Url })
    h.advance = async (seconds) => {
      const res = await realFetch(`${h.server.url}/__mock/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advance_seconds: seconds })
      })
      expect(res.status).toBe(200)
    }
    h.deliveries = async () => {
      const res = await realFetch(`${h.server.url}/__mock/webhooks`)
      const { deliveries } = (await res.json()) as {
        deliveries: Array<{ imp_key: string | null; trigger: string; status: string; body: Record<string, string> }>
      }
      return deliveries.filter((d) => d.imp_key === 'merchant-contract')
    }
  })
  afterAll(async () => {
    globalThis.fetch = realFetch
    await h.server?.close()
    await receiver?.close()
  })
  return h
}

/** The SDK's error for a V2 error answer: the body is its `data`. */
export type SdkError = RestError & { data: { type: string; message?: string; pgCode?: string; pgMessage?: string } }

/** Awaits an SDK call that must fail, and returns the typed error (`RestError` with the V2 body as `data`). */
export async function sdkError(call: Promise<unknown>, type: string): Promise<SdkError> {
  const error = await call.then(
    () => {
      throw new Error(`expected the SDK to throw ${type}`)
    },
    (err: unknown) => err
  )
  expect(error).toBeInstanceOf(RestError)
  const rest = error as SdkError
  expect(rest.data.type).toBe(type)
  expect(typeof rest.data.message).toBe('string')
  return rest
}

const conformance = new Conformance()

/** Every recorded answer has a status the document lists for its operation and a body that fits its schema. */
export function expectConformance(exchanges: readonly Exchange[]): void {
  expect(exchanges.length).toBeGreaterThan(0)
  const problems = exchanges.flatMap((e) => conformance.check(e.method, e.path, e.status, e.body))
  expect(problems).toEqual([])
}
