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

export type SimRoute = 'getToken' | 'again' | 'lookup' | 'issue'

export const ROUTE_LABELS: Record<SimRoute | 'baseline', string> = {
  baseline: 'POST /bench (bare Fastify)',
  getToken: 'POST /users/getToken',
  again: 'POST /subscribe/payments/again',
  lookup: 'GET /payments/{imp_uid}',
  issue: 'POST /subscribe/customers/{customer_uid}'
}

export const baselineRoute: RouteLoad = { method: 'POST', path: '/bench', body: againBody }

export function simRoute(route: SimRoute, session: SimSession): RouteLoad {
  const headers = { authorization: session.token }
  switch (route) {
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
