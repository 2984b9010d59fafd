/**
 * What each measured run sends. Every charge gets a fresh merchant_uid and every key issue a
 * fresh customer_uid (the simulator refuses to pay a merchant_uid twice), so no run measures an
 * error path; lookups rotate over payments made for the purpose.
 */
import type { RouteLoad } from './load.js'

/** The public key pair from i'mport's own documentation (the simulator's default merchant). */
export const DOCS_MERCHANT = {
  imp_key: 'imp_apikey',
  imp_secret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f'
}

export const BENCH_KEY = 'bench_key'
export const CARD = { card_number: '4242-4242-4242-4242', expiry: '2099-12', birth: '900101', pwd_2digit: '12' }

let serial = 0
/** A merchant_uid or customer_uid never used before in this process. */
const fresh = (prefix: string): string => `${prefix}_${(++serial).toString(36)}`

/** The body of an `again` charge on the pre-issued key; the baseline route gets the same. */
export const againBody = (): object => ({
  customer_uid: BENCH_KEY,
  merchant_uid: fresh('bench_order'),
  amount: 9900,
  name: '월간 이용권'
})

export interface SimSession {
  url: string
  token: string
  /** imp_uids of payments made for the lookup runs. */
  lookupIds: string[]
}

export type SimRoute = 'getToken' | 'again' | 'lookup' | 'issue' | 'v2Pay' | 'v2Get'

/** The documented PortOne V2 test secret of the simulator's default V2 merchant. */
export const V2_AUTH = { authorization: 'PortOne iamport-mock-v2-test-api-secret' }

export interface V2Session {
  url: string
  billingKey: string
  /** paymentIds of payments made for the lookup runs. */
  lookupIds: string[]
}

/** The body of a V2 payWithBillingKey (the path carries a fresh paymentId). */
const v2PayBody = (billingKey: string) => ({ billingKey, orderName: '월간 이용권', amount: { total: 9900 }, currency: 'KRW' })
const v2Ok = (text: string) => text.startsWith('{"payment":') || text.startsWith('{"status":"PAID"')

export const ROUTE_LABELS: Record<SimRoute | 'baseline', string> = {
  baseline: 'POST /bench (bare Fastify)',
  getToken: 'POST /users/getToken',
  again: 'POST /subscribe/payments/again',
  lookup: 'GET /payments/{imp_uid}',
  issue: 'POST /subscribe/customers/{customer_uid}',
  v2Pay: 'V2 POST /payments/{paymentId}/billing-key',
  v2Get: 'V2 GET /payments/{paymentId}'
}

export const baselineRoute: RouteLoad = { method: 'POST', path: '/bench', body: againBody }

export function simRoute(route: SimRoute, session: SimSession, v2?: V2Session): RouteLoad {
  const headers = { authorization: session.token }
  switch (route) {
    case 'v2Pay':
      return {
        method: 'POST',
        path: () => `/payments/${fresh('bench-v2-order')}/billing-key`,
        headers: V2_AUTH,
        body: v2PayBody(v2!.billingKey),
        success: v2Ok,
        v2: true
      }
    case 'v2Get': {
      let i = 0
      const ids = v2!.lookupIds
      return { method: 'GET', path: () => `/payments/${ids[i++ % ids.length]}`, headers: V2_AUTH, success: v2Ok, v2: true }
    }
    case 'getToken':
      return { method: 'POST', path: '/users/getToken', body: DOCS_MERCHANT }
    case 'again':
      return { method: 'POST', path: '/subscribe/payments/again', headers, body: againBody }
    case 'lookup': {
      let i = 0
      const ids = session.lookupIds
      return { method: 'GET', path: () => `/payments/${ids[i++ % ids.length]}`, headers }
    }
    case 'issue':
      return { method: 'POST', path: () => `/subscribe/customers/${fresh('bench_customer')}`, headers, body: CARD }
  }
}

async function postJson(url: string, body: object, token?: string): Promise<{ code: number; response: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: token } : {}) },
    body: JSON.stringify(body)
  })
  const json = (await res.json()) as { code: number; message: string | null; response: any }
  if (json.code !== 0) throw new Error(`${url}: ${json.message}`)
  return json
}

/** A token, the key `again` charges, and `lookups` payments to look up. */
export async function openSession(url: string, lookups: number): Promise<SimSession> {
  const token = (await postJson(`${url}/users/getToken`, DOCS_MERCHANT)).response.access_token as string
  await postJson(`${url}/subscribe/customers/${BENCH_KEY}`, CARD, token)
  const lookupIds: string[] = []
  for (let made = 0; made < lookups; made += 50) {
    const batch = Array.from({ length: Math.min(50, lookups - made) }, () => postJson(`${url}/subscribe/payments/again`, againBody(), token))
    for (const answer of await Promise.all(batch)) lookupIds.push(answer.response.imp_uid as string)
  }
  return { url, token, lookupIds }
}

async function postV2(url: string, body: object): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...V2_AUTH }, body: JSON.stringify(body) })
  const json = (await res.json()) as Record<string, unknown>
  if (res.status !== 200) throw new Error(`${url}: ${JSON.stringify(json)}`)
  return json
}

/** A V2 billing key to charge and `lookups` V2 payments to look up, on the default V2 merchant. */
export async function openV2Session(url: string, lookups: number): Promise<V2Session> {
  const issued = await postV2(`${url}/billing-keys`, {
    method: {
      card: {
        credential: {
          number: CARD.card_number,
          expiryYear: '2099',
          expiryMonth: '12',
          birthOrBusinessRegistrationNumber: CARD.birth,
          passwordTwoDigits: CARD.pwd_2digit
        }
      }
    }
  })
  const billingKey = issued.billingKeyInfo.billingKey as string
  const lookupIds: string[] = []
  for (let made = 0; made < lookups; made += 50) {
    const ids = Array.from({ length: Math.min(50, lookups - made) }, () => fresh('bench-v2-lookup'))
    await Promise.all(ids.map((id) => postV2(`${url}/payments/${id}/billing-key`, v2PayBody(billingKey))))
    lookupIds.push(...ids)
  }
  return { url, billingKey, lookupIds }
}
