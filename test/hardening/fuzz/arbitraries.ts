/**
 * fast-check arbitraries for hostile requests: what a broken client, a confused proxy or an
 * attacker could send. Every case starts from a route's well-formed request (route-catalogue.ts)
 * and bends it: values of the wrong type, huge, negative or fractional amounts, unicode and
 * control characters, very long ids, path traversal in ids, repeated and nested query and form
 * keys, malformed JSON, missing or wrong content types, missing or wrong tokens.
 */
import fc from 'fast-check'
import qs from 'qs'
import { ROUTES, urlOf, type RouteEntry, type RouteRequest } from '../../support/route-catalogue.js'

/** Strings chosen by hand: each has broken something somewhere. */
export const SPECIAL_STRINGS = [
  '',
  ' ',
  '..',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '\u0000',
  'a\u0000b',
  '\r\n\r\nX-Injected: 1',
  '\ud800',
  '\udfff\ud800',
  '𠜎𠜎',
  '🇰🇷👨‍👩‍👧',
  '\u202egnp.exe',
  '\ufeff',
  '<script>alert(1)</script>',
  "' OR '1'='1",
  '{"$gt":""}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  '0x10',
  ' 100 ',
  '100원',
  '9'.repeat(400),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a'.repeat(40),
  'a'.repeat(41),
  'a'.repeat(80),
  'a'.repeat(81),
  'x'.repeat(5000),
  '가'.repeat(41)
] as const

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: fc.string({ minLength: 41, maxLength: 3000 }) }
)

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ noNaN: true }),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    100.5,
    9.995,
    0.001,
    1e-7,
    49_999,
    1e21,
    1e308,
    -1e308,
    2 ** 53 + 2,
    2 ** 53 + 4,
    90_071_992_547_410,
    Number.MAX_VALUE
  )
)

/** Any JSON value a field could be given, the wrong types included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 4, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'a', '0')), hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }
)

const fieldName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'amount',
      'merchant_uid',
      'customer_uid',
      'imp_uid',
      'card_number',
      'expiry',
      'name',
      'currency',
      'checksum',
      'card_quota',
      'tax_free',
      'page',
      'limit',
      'from',
      'to',
      'sorting',
      'imp_key',
      'imp_secret',
      'pg',
      'match',
      'action',
      'times',
      'advance_seconds',
      'now',
      'freeze',
      'include_sandbox'
    )
  },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'a[b]', 'x[]', '', ' ') },
  { weight: 1, arbitrary: hostileString }
)

export type Edit = { op: 'set'; key: string | null; value: unknown } | { op: 'delete'; key: string | null }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: fc.option(fieldName, { nil: null }), value: hostileValue }),
  fc.record({ op: fc.constant('delete' as const), key: fc.option(fieldName, { nil: null }) })
)

/** Applies edits to an object; a `null` key means "one of the object's own keys" (picked by `pick`). */
function applyEdits(base: Record<string, unknown> | undefined, edits: readonly Edit[], pick: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  edits.forEach((e, i) => {
    const keys = Object.keys(out)
    const key = e.key ?? keys[(pick + i) % Math.max(1, keys.length)] ?? 'amount'
    if (e.op === 'delete') delete out[key]
    // defineProperty, so `__proto__` becomes a real key as a JSON body would carry it.
    else Object.defineProperty(out, key, { value: e.value, enumerable: true, configurable: true, writable: true })
  })
  return out
}

/** How the body travels. */
export type BodyCase =
  | { kind: 'none' }
  | { kind: 'json'; contentType: string }
  | { kind: 'json-literal'; contentType: string; field: string; literal: string }
  | { kind: 'form'; contentType: string; arrayFormat: 'brackets' | 'indices' | 'repeat' }
  | { kind: 'raw'; contentType: string | null; text: string }

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;charset=latin1'] as const
const OTHER_TYPES = [
  null,
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  '*/*',
  ';;;',
  'application/x-www-form-urlencoded; charset=euc-kr'
] as const

/** Number literals JSON allows and JavaScript reads oddly (1e400 is Infinity once parsed). */
const NUMBER_LITERALS = ['1e400', '-1e400', '1e-400', '-0', '0.1e1', '1.0000000000000002', '123456789012345678901234567890', '1E2'] as const

const MALFORMED = [
  '',
  '{',
  '{"a":}',
  '{"amount":1,}',
  "{'a':1}",
  '[]',
  '[1,2,3]',
  '"text"',
  '123',
  'null',
  'true',
  '\ufeff{}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'{"a":'.repeat(3000)}1${'}'.repeat(3001)}`
] as const

const bodyCase: fc.Arbitrary<BodyCase> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('json' as const), contentType: fc.constantFrom(...JSON_TYPES) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('json-literal' as const),
      contentType: fc.constant('application/json'),
      field: fc.constantFrom('amount', 'checksum', 'card_quota', 'advance_seconds', 'now', 'times', 'page'),
      literal: fc.constantFrom(...NUMBER_LITERALS)
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('form' as const),
      contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8'),
      arrayFormat: fc.constantFrom('brackets' as const, 'indices' as const, 'repeat' as const)
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(...JSON_TYPES, 'application/x-www-form-urlencoded'),
      text: fc.oneof(fc.constantFrom(...MALFORMED), fc.string({ unit: 'binary', maxLength: 200 }))
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(...OTHER_TYPES),
      text: fc.constantFrom('{"amount":1000}', 'amount=1000', '<x/>', '')
    })
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) }
)

/** Query strings written by hand: repeated, nested, oversized, oddly encoded keys. */
const RAW_QUERIES = [
  'page=1&page=2',
  'page[a]=1',
  'limit=1e3',
  'limit=-1',
  'page=0',
  'page=1.5',
  'sorting[]=paid',
  'customer_uid=x&customer_uid[]=y',
  'customer_uid[999999]=x',
  'imp_uid[]=a&imp_uid[a]=b',
  'a[b][c][d][e][f][g][h]=1',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '%ZZ=1',
  '=&=&&&',
  'include_sandbox=yes',
  'include_sandbox[]=true',
  'from=-1&to=1e20',
  'imp_key=',
  `imp_key=${'k'.repeat(3000)}`,
  Array.from({ length: 2500 }, (_, i) => `p${i}=1`).join('&'),
  Array.from({ length: 1500 }, () => 'customer_uid[]=x').join('&')
] as const

export type AuthCase = 'bearer' | 'plain' | 'imp-header' | 'query' | 'none' | 'unknown' | 'long' | 'two-headers'

/** Path parameters given as they are, unencoded: traversal and broken percent-encodings. */
const RAW_PARAMS = [
  '..',
  '../..',
  '.',
  '%2e%2e',
  '%2e%2e%2f',
  '..%2f..%2f',
  '%2F',
  '%ZZ',
  '%',
  '%00',
  'a%20b',
  '..%5c..%5c',
  '%C0%AE%C0%AE',
  '%u002e',
  'a;b',
  'a?b=c',
  'a#b'
] as const

/** `arb` once in `n` cases, null otherwise. */
function sometimes<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb })
}

export interface FuzzCase {
  readonly routeIndex: number
  readonly method: string
  /** Hostile values for the route's path parameters, in order (fewer keep the route's own). */
  readonly paramValues: readonly string[]
  readonly rawParam: string | null
  readonly query: { kind: 'edits'; edits: readonly Edit[] } | { kind: 'raw'; text: string }
  readonly bodyEdits: readonly Edit[]
  readonly body: BodyCase
  readonly auth: AuthCase
  readonly pick: number
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    // Unbiased: fast-check favours small numbers by default, which starved the routes late in the catalogue.
    routeIndex: fc.noBias(fc.nat({ max: ROUTES.length - 1 })),
    methodSwap: sometimes(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), 10),
    paramEdits: fc.array(hostileString, { maxLength: 2 }),
    rawParam: sometimes(fc.constantFrom(...RAW_PARAMS), 8),
    queryEdits: fc.array(edit, { maxLength: 2 }),
    rawQuery: sometimes(fc.constantFrom(...RAW_QUERIES), 6),
    bodyEdits: fc.array(edit, { maxLength: 3 }),
    body: bodyCase,
    auth: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<AuthCase>('bearer', 'plain', 'imp-header', 'query') },
      { weight: 2, arbitrary: fc.constantFrom<AuthCase>('none', 'unknown', 'long', 'two-headers') }
    ),
    pick: fc.nat({ max: 100 })
  })
  .map((c) => ({
    routeIndex: c.routeIndex,
    method: c.methodSwap ?? ROUTES[c.routeIndex]!.method,
    paramValues: c.paramEdits,
    rawParam: c.rawParam,
    query: c.rawQuery !== null ? { kind: 'raw' as const, text: c.rawQuery } : { kind: 'edits' as const, edits: c.queryEdits },
    bodyEdits: c.bodyEdits,
    body: c.body,
    auth: c.auth,
    pick: c.pick
  }))

/**
 * Percent-encodes a path parameter. A lone surrogate (which `encodeURIComponent` refuses) becomes
 * its three WTF-8 bytes, `%ED%A0%80`: invalid UTF-8 on the wire, as a broken client would send it.
 */
export function encodeParam(value: string): string {
  let out = ''
  for (const char of value) {
    const code = char.codePointAt(0)!
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
    } else {
      out += encodeURIComponent(char)
    }
  }
  return out
}

/** One fuzz case: one to three hostile requests in a row (most often one), each building on the last. */
export const fuzzSteps: fc.Arbitrary<FuzzCase[]> = fc.oneof(
  { weight: 3, arbitrary: fuzzCase.map((c) => [c]) },
  { weight: 1, arbitrary: fc.array(fuzzCase, { minLength: 2, maxLength: 3 }) }
)

/** What `app.inject` is given for a case. */
export interface BuiltRequest {
  method: string
  url: string
  headers: Record<string, string | string[]>
  payload?: string
}

/** Turns a case and the live fixture into the request to send. */
export function buildRequest(c: FuzzCase, entry: RouteEntry, base: RouteRequest, token: string): BuiltRequest {
  // Path parameters: hostile values replace the route's own, in order; one may go unencoded.
  const params = { ...base.params }
  const names = [...entry.route.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!)
  names.forEach((name, i) => {
    const hostile = c.paramValues[i]
    if (hostile !== undefined) params[name] = encodeParam(hostile)
    else params[name] = encodeParam(params[name] ?? '')
  })
  if (c.rawParam !== null && names.length > 0) params[names[c.pick % names.length]!] = c.rawParam
  let url = urlOf(entry.route, { params }, { rawParams: true })

  const query = c.query.kind === 'raw' ? c.query.text : qs.stringify(applyEdits(base.query, c.query.edits, c.pick), { arrayFormat: 'brackets' })
  const headers: Record<string, string | string[]> = {}
  switch (c.auth) {
    case 'bearer':
      headers.authorization = `Bearer ${token}`
      break
    case 'plain':
      headers.authorization = token
      break
    case 'imp-header':
      headers['x-imptokenheader'] = token
      break
    case 'query':
      url += `${url.includes('?') ? '&' : '?'}_token=${token}`
      break
    case 'unknown':
      headers.authorization = 'f'.repeat(40)
      break
    case 'long':
      headers.authorization = `Bearer ${'a'.repeat(8000)}`
      break
    case 'two-headers':
      headers['x-imptokenheader'] = ['f'.repeat(40), token]
      break
    case 'none':
      break
  }
  if (query !== '') url += `${url.includes('?') ? '&' : '?'}${query}`

  const body = applyEdits(base.body, c.bodyEdits, c.pick)
  const request: BuiltRequest = { method: c.method, url, headers }
  switch (c.body.kind) {
    case 'none':
      break
    case 'json':
      headers['content-type'] = c.body.contentType
      request.payload = JSON.stringify(body)
      break
    case 'json-literal': {
      headers['content-type'] = c.body.contentType
      const marker = '"__literal__"'
      request.payload = JSON.stringify({ ...body, [c.body.field]: '__literal__' }).replace(marker, c.body.literal)
      break
    }
    case 'form':
      headers['content-type'] = c.body.contentType
      request.payload = qs.stringify(body, { arrayFormat: c.body.arrayFormat })
      break
    case 'raw':
      if (c.body.contentType !== null) headers['content-type'] = c.body.contentType
      request.payload = c.body.text
      break
  }
  return request
}
