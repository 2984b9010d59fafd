/**
 * Every route the simulator serves, each with a well-formed request on a small set of fixture
 * data. The hardening tests are table-driven over it: the fuzzer mutates these requests, the
 * card-data scan sends them with a known card, the isolation test sends them as another merchant.
 * `listRoutes(app)` reads what the app really registered, so a test can insist the table is
 * complete (a new route without an entry here fails the suite).
 */
import type { FastifyInstance } from 'fastify'
import qs from 'qs'
import { FAMILY_ROUTES, NOT_SIMULATED_ROUTES } from './route-catalogue-families.js'

/** The data one merchant holds before a hardening test sends a route's request. */
export interface Fixture {
  /** A customer with a billing key. */
  readonly customer_uid: string
  /** An order paid with that key. */
  readonly merchant_uid: string
  /** Its imp_uid. */
  readonly imp_uid: string
  /** A prepared amount under this merchant_uid. */
  readonly prepared_uid: string
  /** A schedule of the customer's key, due an hour after `now`. */
  readonly scheduled_uid: string
  /** The fixture's time (UNIX seconds); schedules are placed after it. */
  readonly now: number
  /** Where webhooks a request asks for go: a closed local port, so nothing leaves the machine. */
  readonly webhook_url: string
  /** The merchant's key pair (getToken, control API scoping). */
  readonly imp_key: string
  readonly imp_secret: string
  /** A virtual account (issue 15) waiting for its deposit, when the test made one. */
  readonly vbank_uid?: string
  /** A certification request (issue 15) waiting for its OTP, when the test made one. */
  readonly certification_uid?: string
  /** Card fields sent wherever a card is presented. */
  readonly card: Readonly<Record<'card_number' | 'expiry' | 'birth' | 'pwd_2digit' | 'cvc', string>>
}

/** `checkout`: the browser SDK script, the payment window and its own API (no token, no envelope). */
export type Area = 'iamport' | 'control' | 'checkout'

/** What a route entry produces: path parameters, query and body, before encoding. */
export interface RouteRequest {
  params?: Record<string, string>
  query?: Record<string, unknown>
  body?: Record<string, unknown>
}

export interface RouteEntry {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The pattern as Fastify registered it, e.g. `/subscribe/customers/:customer_uid`. */
  readonly route: string
  readonly area: Area
  /** Whether the request changes state when accepted (the isolation test checks those most closely). */
  readonly writes: boolean
  /** A well-formed request on the fixture data (accepted, or refused for a reason of the domain). */
  request(f: Fixture): RouteRequest
}

/** The approved test card with distinctive secrets (see the card-data test). */
export const FIXTURE_CARD = {
  card_number: '4242-4242-4242-4242',
  expiry: '2030-12',
  birth: '870514',
  pwd_2digit: '37',
  cvc: '913'
} as const

/** 2026-03-01T00:00:00Z, the manual clock's start in every hardening test. */
export const FIXTURE_NOW = Date.UTC(2026, 2, 1) / 1000

export const fixtureFor = (impKey: string, impSecret: string, card: Fixture['card'] = FIXTURE_CARD): Fixture => ({
  customer_uid: 'cust_fixture',
  merchant_uid: 'order_fixture',
  imp_uid: '', // filled in once the payment exists
  prepared_uid: 'prep_fixture',
  scheduled_uid: 'sched_fixture',
  now: FIXTURE_NOW,
  webhook_url: 'http://127.0.0.1:9/webhook',
  imp_key: impKey,
  imp_secret: impSecret,
  card
})

const buyer = { buyer_name: '홍길동', buyer_email: 'hong@example.com', buyer_tel: '010-1234-5678' }

export const ROUTES: readonly RouteEntry[] = [
  {
    method: 'POST',
    route: '/users/getToken',
    area: 'iamport',
    writes: true,
    request: (f) => ({ body: { imp_key: f.imp_key, imp_secret: f.imp_secret } })
  },
  {
    method: 'POST',
    route: '/subscribe/customers/:customer_uid',
    area: 'iamport',
    writes: true,
    request: (f) => ({ params: { customer_uid: f.customer_uid }, body: { ...f.card, customer_name: '홍길동' } })
  },
  {
    method: 'GET',
    route: '/subscribe/customers/:customer_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { customer_uid: f.customer_uid } })
  },
  {
    method: 'DELETE',
    route: '/subscribe/customers/:customer_uid',
    area: 'iamport',
    writes: true,
    request: (f) => ({ params: { customer_uid: f.customer_uid }, query: { reason: 'test', extra: { requester: 'admin' } } })
  },
  {
    method: 'GET',
    route: '/subscribe/customers',
    area: 'iamport',
    writes: false,
    request: (f) => ({ query: { customer_uid: [f.customer_uid, 'cust_other'] } })
  },
  {
    method: 'GET',
    route: '/subscribe/customers/:customer_uid/payments',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { customer_uid: f.customer_uid }, query: { page: 1 } })
  },
  {
    method: 'POST',
    route: '/subscribe/payments/onetime',
    area: 'iamport',
    writes: true,
    request: (f) => ({
      body: { ...f.card, merchant_uid: 'order_onetime', amount: 15000, name: '단건', customer_uid: 'cust_onetime', ...buyer }
    })
  },
  {
    method: 'POST',
    route: '/subscribe/payments/again',
    area: 'iamport',
    writes: true,
    request: (f) => ({
      body: { customer_uid: f.customer_uid, merchant_uid: 'order_again', amount: 9900, name: '월간 이용권', ...buyer }
    })
  },
  {
    method: 'GET',
    route: '/payments/:imp_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { imp_uid: f.imp_uid }, query: { include_sandbox: true } })
  },
  {
    method: 'GET',
    route: '/payments',
    area: 'iamport',
    writes: false,
    request: (f) => ({ query: { imp_uid: [f.imp_uid], merchant_uid: [f.merchant_uid] } })
  },
  {
    method: 'GET',
    route: '/payments/find/:merchant_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.merchant_uid }, query: { sorting: '-started' } })
  },
  {
    method: 'GET',
    route: '/payments/find/:merchant_uid/:payment_status',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.merchant_uid, payment_status: 'paid' } })
  },
  {
    method: 'GET',
    route: '/payments/findAll/:merchant_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.merchant_uid }, query: { page: 1, limit: 20, sorting: 'paid' } })
  },
  {
    method: 'GET',
    route: '/payments/findAll/:merchant_uid/:payment_status',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.merchant_uid, payment_status: 'paid' } })
  },
  {
    method: 'GET',
    route: '/payments/status/:payment_status',
    area: 'iamport',
    writes: false,
    request: () => ({ params: { payment_status: 'all' }, query: { page: 1, limit: 100 } })
  },
  {
    method: 'POST',
    route: '/payments/cancel',
    area: 'iamport',
    writes: true,
    request: (f) => ({ body: { merchant_uid: f.merchant_uid, amount: 1000, reason: '부분 환불', checksum: 9900 } })
  },
  {
    method: 'POST',
    route: '/payments/prepare',
    area: 'iamport',
    writes: true,
    request: () => ({ body: { merchant_uid: 'prep_new', amount: 5000 } })
  },
  {
    method: 'PUT',
    route: '/payments/prepare',
    area: 'iamport',
    writes: true,
    request: (f) => ({ body: { merchant_uid: f.prepared_uid, amount: 7000 } })
  },
  {
    method: 'GET',
    route: '/payments/prepare/:merchant_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.prepared_uid } })
  },
  // --- scheduled payments ----------------------------------------------------------------------
  {
    method: 'POST',
    route: '/subscribe/payments/schedule',
    area: 'iamport',
    writes: true,
    request: (f) => ({
      body: {
        customer_uid: f.customer_uid,
        schedules: [{ merchant_uid: 'sched_new', schedule_at: f.now + 7200, amount: 9900, name: '정기결제', notice_url: f.webhook_url }]
      }
    })
  },
  {
    method: 'POST',
    route: '/subscribe/payments/unschedule',
    area: 'iamport',
    writes: true,
    request: (f) => ({ body: { customer_uid: f.customer_uid, merchant_uid: [f.scheduled_uid] } })
  },
  {
    method: 'GET',
    route: '/subscribe/payments/schedule',
    area: 'iamport',
    writes: false,
    request: (f) => ({ query: { schedule_from: f.now, schedule_to: f.now + 86_400, schedule_status: 'scheduled', page: 1, limit: 20 } })
  },
  {
    method: 'GET',
    route: '/subscribe/payments/schedule/customers/:customer_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { customer_uid: f.customer_uid }, query: { from: f.now, to: f.now + 86_400, page: 1 } })
  },
  {
    method: 'GET',
    route: '/subscribe/customers/:customer_uid/schedules',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { customer_uid: f.customer_uid }, query: { from: f.now, to: f.now + 86_400, 'schedule-status': 'scheduled' } })
  },
  {
    method: 'GET',
    route: '/subscribe/payments/schedule/:merchant_uid',
    area: 'iamport',
    writes: false,
    request: (f) => ({ params: { merchant_uid: f.scheduled_uid } })
  },
  {
    method: 'PUT',
    route: '/subscribe/payments/schedule/:merchant_uid',
    area: 'iamport',
    writes: true,
    request: (f) => ({ params: { merchant_uid: f.scheduled_uid }, body: { schedule_at: f.now + 5400 } })
  },
  {
    method: 'POST',
    route: '/subscribe/payments/schedule/:merchant_uid/reschedule',
    area: 'iamport',
    writes: true,
    request: (f) => ({ params: { merchant_uid: f.scheduled_uid }, body: { schedule_at: f.now + 5400 } })
  },
  {
    method: 'POST',
    route: '/subscribe/payments/schedule/:merchant_uid/retry',
    area: 'iamport',
    writes: true,
    request: (f) => ({ params: { merchant_uid: f.scheduled_uid } })
  },
  // --- control API ---------------------------------------------------------------------------
  { method: 'GET', route: '/__mock/health', area: 'control', writes: false, request: () => ({}) },
  { method: 'GET', route: '/__mock/docs', area: 'control', writes: false, request: () => ({}) },
  { method: 'GET', route: '/__mock/docs/v1', area: 'control', writes: false, request: () => ({}) },
  { method: 'GET', route: '/__mock/docs/ui', area: 'control', writes: false, request: () => ({}) },
  // Swagger UI's files: Fastify's route tree prints `/__mock/docs/ui/*` as `ui*`.
  { method: 'GET', route: '/__mock/docs/ui*', area: 'control', writes: false, request: () => ({}) },
  // The dashboard's page and its two files (docs/dashboard.md).
  { method: 'GET', route: '/__mock/ui', area: 'control', writes: false, request: () => ({}) },
  { method: 'GET', route: '/__mock/ui/app.js', area: 'control', writes: false, request: () => ({}) },
  { method: 'GET', route: '/__mock/ui/app.css', area: 'control', writes: false, request: () => ({}) },
  // The home page (what is running, links to the docs).
  { method: 'GET', route: '/', area: 'control', writes: false, request: () => ({}) },
  {
    method: 'POST',
    route: '/__mock/reset',
    area: 'control',
    writes: true,
    request: (f) => ({ body: { imp_key: f.imp_key } })
  },
  {
    method: 'GET',
    route: '/__mock/state',
    area: 'control',
    writes: false,
    request: (f) => ({ query: { imp_key: f.imp_key } })
  },
  {
    method: 'GET',
    route: '/__mock/state/:family',
    area: 'control',
    writes: false,
    request: (f) => ({ params: { family: 'payments' }, query: { imp_key: f.imp_key } })
  },
  {
    method: 'POST',
    route: '/__mock/faults',
    area: 'control',
    writes: true,
    request: (f) => ({
      body: { match: { imp_key: f.imp_key, path: '/subscribe/payments/again' }, action: { type: 'decline', fail_reason: '잔액부족' } }
    })
  },
  { method: 'GET', route: '/__mock/faults', area: 'control', writes: false, request: (f) => ({ query: { imp_key: f.imp_key } }) },
  { method: 'DELETE', route: '/__mock/faults', area: 'control', writes: true, request: (f) => ({ query: { imp_key: f.imp_key } }) },
  { method: 'DELETE', route: '/__mock/faults/:id', area: 'control', writes: true, request: () => ({ params: { id: 'flt_1' } }) },
  { method: 'GET', route: '/__mock/clock', area: 'control', writes: false, request: (f) => ({ query: { imp_key: f.imp_key } }) },
  {
    method: 'POST',
    route: '/__mock/clock',
    area: 'control',
    writes: true,
    request: (f) => ({ body: { imp_key: f.imp_key, advance_seconds: 60 } })
  },
  {
    method: 'GET',
    route: '/__mock/webhooks',
    area: 'control',
    writes: false,
    request: (f) => ({ query: { imp_key: f.imp_key, wait: false } })
  },
  {
    method: 'POST',
    route: '/__mock/webhooks/send',
    area: 'control',
    writes: true,
    request: (f) => ({ body: { url: f.webhook_url, imp_key: f.imp_key, body: { imp_uid: f.imp_uid, merchant_uid: f.merchant_uid, status: 'paid' } } })
  },
  { method: 'GET', route: '/__mock/webhooks/faults', area: 'control', writes: false, request: () => ({}) },
  {
    method: 'POST',
    route: '/__mock/webhooks/faults',
    area: 'control',
    writes: true,
    request: (f) => ({ body: { match: { imp_key: f.imp_key, status: 'paid' }, action: 'delay', delay_seconds: 60 } })
  },
  { method: 'DELETE', route: '/__mock/webhooks/faults', area: 'control', writes: true, request: (f) => ({ query: { imp_key: f.imp_key } }) },
  { method: 'DELETE', route: '/__mock/webhooks/faults/:id', area: 'control', writes: true, request: () => ({ params: { id: 'whf_1' } }) },
  { method: 'GET', route: '/__mock/webhooks/:id', area: 'control', writes: false, request: () => ({ params: { id: 'whd_1' } }) },
  { method: 'POST', route: '/__mock/webhooks/:id/redeliver', area: 'control', writes: true, request: () => ({ params: { id: 'whd_1' } }) },
  {
    method: 'GET',
    route: '/__mock/requests',
    area: 'control',
    writes: false,
    request: (f) => ({ query: { imp_key: f.imp_key, limit: 50 } })
  },
  { method: 'GET', route: '/__mock/merchants', area: 'control', writes: false, request: () => ({}) },
  { method: 'POST', route: '/__mock/merchants', area: 'control', writes: true, request: () => ({ body: { name: 'another shop' } }) },
  { method: 'GET', route: '/__mock/merchants/:imp_key', area: 'control', writes: false, request: (f) => ({ params: { imp_key: f.imp_key } }) },
  {
    method: 'PATCH',
    route: '/__mock/merchants/:imp_key',
    area: 'control',
    writes: true,
    request: (f) => ({ params: { imp_key: f.imp_key }, body: { webhook_url: f.webhook_url } })
  },
  // An unknown merchant: deleting the fixture's own would leave the other tables nothing to act on.
  { method: 'DELETE', route: '/__mock/merchants/:imp_key', area: 'control', writes: true, request: () => ({ params: { imp_key: 'no_such_shop' } }) },
  // --- issue 15: the other V1 families, and the official routes named as not simulated -------
  ...FAMILY_ROUTES,
  ...NOT_SIMULATED_ROUTES,
  {
    method: 'POST',
    route: '/__mock/checkout/auto',
    area: 'control',
    writes: true,
    request: (f) => ({ body: { decision: 'decline', message: '한도초과', times: 1, imp_key: f.imp_key } })
  },
  { method: 'GET', route: '/__mock/checkout/auto', area: 'control', writes: false, request: () => ({}) },
  { method: 'DELETE', route: '/__mock/checkout/auto', area: 'control', writes: true, request: (f) => ({ query: { imp_key: f.imp_key } }) },
  // --- browser checkout ----------------------------------------------------------------------
  { method: 'GET', route: '/v1/iamport.js', area: 'checkout', writes: false, request: () => ({}) },
  { method: 'GET', route: '/js/iamport.payment-1.2.0.js', area: 'checkout', writes: false, request: () => ({}) },
  {
    method: 'POST',
    route: '/__checkout/sessions',
    area: 'checkout',
    writes: false,
    request: (f) => ({
      body: {
        imp_code: 'imp00000000',
        mode: 'iframe',
        params: { merchant_uid: `${f.merchant_uid}_window`, amount: 1000, name: '월간 이용권', ...buyer }
      }
    })
  },
  {
    method: 'POST',
    route: '/__checkout/certifications',
    area: 'checkout',
    writes: false,
    request: (f) => ({ body: { imp_code: 'imp00000000', mode: 'iframe', params: { merchant_uid: `${f.merchant_uid}_cert`, name: '홍길동' } } })
  },
  { method: 'GET', route: '/__checkout/window/:id', area: 'checkout', writes: false, request: () => ({ params: { id: 'win_000001' } }) },
  { method: 'GET', route: '/__checkout/window.js', area: 'checkout', writes: false, request: () => ({}) },
  {
    method: 'POST',
    route: '/__checkout/sessions/:id/decision',
    area: 'checkout',
    writes: true,
    request: () => ({ params: { id: 'win_000001' }, body: { decision: 'approve', card: 'approved' } })
  }
]

/** The URL of a request: the route with its parameters percent-encoded, and the query in qs's bracket form. */
export function urlOf(route: string, request: RouteRequest, options: { rawParams?: boolean } = {}): string {
  const path = route.replace(/:([a-z_]+)/g, (_m, name: string) => {
    const value = request.params?.[name] ?? ''
    return options.rawParams ? value : encodeURIComponent(value)
  })
  const query = request.query ? qs.stringify(request.query, { arrayFormat: 'brackets' }) : ''
  return query === '' ? path : `${path}?${query}`
}

/**
 * `METHOD /route` for every route the app registered (HEAD left out: Fastify adds it to every GET),
 * read from `printRoutes`, whose tree is the only listing Fastify offers after start-up.
 */
export function listRoutes(app: FastifyInstance): string[] {
  const out: string[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line)
    if (!match) continue
    const depth = match[1]!.length / 4
    stack.length = depth
    stack.push(match[2]!)
    const path = stack.join('')
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'HEAD') out.push(`${method} ${path}`)
    }
  }
  return out.sort()
}
