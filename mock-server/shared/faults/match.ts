/**
 * Whether a request is one a rule's `match` names. Rules match on what the request says (method,
 * path, merchant, customer_uid, merchant_uid, amount), read from the path parameters, the body or
 * the query string, whichever carries it on that route.
 */
import type { FaultMatch } from '../../../api/control/faults.js'
import type { RouteKind } from './route-kinds.js'

/** What the matcher needs to know about a request; built once per request by `requestFacts`. */
export interface RequestFacts {
  readonly method: string
  /** The path without the query string, still percent-encoded. */
  readonly path: string
  /** The route pattern Fastify matched, e.g. `/subscribe/customers/:customer_uid`. */
  readonly routeUrl: string | undefined
  readonly kind: RouteKind
  /** The merchant the request is for: its token's, or getToken's `imp_key`. */
  readonly impKey: string | null
  /** Every customer_uid the request names (the multiple-lookup routes take arrays). */
  readonly customerUids: readonly string[]
  readonly merchantUids: readonly string[]
  readonly amount: number | null
}

export type PathMatcher = (path: string, routeUrl: string | undefined) => boolean

/**
 * `/subscribe/customers/:customer_uid` matches `/subscribe/customers/c_1` (one non-empty segment
 * per parameter), and matches itself as a route pattern. Other segments compare after
 * percent-decoding, so a rule may name a customer_uid with spaces or Hangul as written.
 */
export function compilePath(pattern: string): PathMatcher {
  const segments = pattern.split('/')
  return (path, routeUrl) => {
    if (routeUrl === pattern) return true
    const actual = path.split('/')
    if (actual.length !== segments.length) return false
    for (let i = 0; i < segments.length; i++) {
      const expected = segments[i]!
      const got = actual[i]!
      if (expected.startsWith(':')) {
        if (got === '') return false
      } else if (expected !== got && expected !== safeDecode(got)) {
        return false
      }
    }
    return true
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export interface CompiledMatch {
  readonly spec: FaultMatch
  readonly path: PathMatcher | null
}

export function compileMatch(spec: FaultMatch): CompiledMatch {
  return { spec, path: spec.path === undefined ? null : compilePath(spec.path) }
}

export function matches(match: CompiledMatch, facts: RequestFacts): boolean {
  const { spec } = match
  if (spec.method !== undefined && spec.method !== facts.method) return false
  if (spec.imp_key !== undefined && spec.imp_key !== facts.impKey) return false
  if (match.path !== null && !match.path(facts.path, facts.routeUrl)) return false
  if (spec.customer_uid !== undefined && !facts.customerUids.includes(spec.customer_uid)) return false
  if (spec.merchant_uid !== undefined && !facts.merchantUids.includes(spec.merchant_uid)) return false
  if (spec.amount !== undefined && spec.amount !== facts.amount) return false
  return true
}

type Bag = Record<string, unknown> | undefined | null

/** Every string value of `name` in the path parameters, body and query, in that order. */
function stringsOf(name: string, ...bags: Bag[]): string[] {
  const out: string[] = []
  for (const bag of bags) {
    if (!bag || typeof bag !== 'object') continue
    const value = bag[name]
    if (typeof value === 'string') out.push(value)
    else if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') out.push(v)
  }
  return out
}

function amountOf(...bags: Bag[]): number | null {
  for (const bag of bags) {
    const value = bag && typeof bag === 'object' ? bag.amount : undefined
    if (typeof value === 'number') return value
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  }
  return null
}

export interface RequestParts {
  method: string
  url: string
  routeUrl: string | undefined
  kind: RouteKind
  impKey: string | null
  params: unknown
  body: unknown
  query: unknown
}

export function requestFacts(parts: RequestParts): RequestFacts {
  const q = parts.url.indexOf('?')
  const params = parts.params as Bag
  const body = parts.body as Bag
  const query = parts.query as Bag
  return {
    method: parts.method,
    path: q === -1 ? parts.url : parts.url.slice(0, q),
    routeUrl: parts.routeUrl,
    kind: parts.kind,
    impKey: parts.impKey,
    customerUids: stringsOf('customer_uid', params, body, query),
    merchantUids: stringsOf('merchant_uid', params, body, query),
    amount: amountOf(body, query)
  }
}
