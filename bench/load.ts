/**
 * One load run: autocannon, used as a library, against one route of one server. Every answer is
 * checked to be a success envelope (`{"code":0,…`): the simulator answers most errors with HTTP
 * 200, so a status count alone would take a failing run for a fast one.
 */
import autocannon, { type Request } from 'autocannon'

export const CONNECTIONS = 50

export interface LoadOptions {
  /** Seconds measured, after `warmup` seconds that are not. */
  duration: number
  warmup: number
}

export interface RouteLoad {
  method: 'GET' | 'POST'
  /** Fixed path, or one per request. */
  path: string | (() => string)
  /** JSON body: fixed, or one per request. */
  body?: object | (() => object)
  headers?: Record<string, string>
  /** Sent to the simulator's PortOne V2 port instead of its V1 one. */
  v2?: boolean
  /** Whether an answer is a success; default: an i'mport envelope with code 0. */
  success?: (text: string) => boolean
}

export interface LoadResult {
  /** Requests answered per second over the measured time. */
  rps: number
  p50: number
  p99: number
  /** Requests that failed: socket errors, timeouts, non-2xx, or a body that is not code 0. */
  failures: number
}

const SUCCESS_PREFIX = '{"code":0,'

export async function runLoad(url: string, route: RouteLoad, options: LoadOptions): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', ...route.headers }
  const { path, body } = route
  const fixedBody = typeof body === 'object' ? JSON.stringify(body) : undefined
  const request: Request = {
    method: route.method,
    path: typeof path === 'string' ? path : '/',
    headers,
    ...(fixedBody === undefined ? {} : { body: fixedBody })
  }
  // A fresh path or body per request (a new merchant_uid, customer_uid or imp_uid each time).
  if (typeof path === 'function' || typeof body === 'function') {
    request.setupRequest = (req) => ({
      ...req,
      ...(typeof path === 'function' ? { path: path() } : {}),
      ...(typeof body === 'function' ? { body: JSON.stringify(body()) } : {})
    })
  }
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: options.duration,
    requests: [request],
    verifyBody: (text: unknown) => typeof text === 'string' && (route.success ? route.success(text) : text.startsWith(SUCCESS_PREFIX)),
    ...(options.warmup > 0 ? { warmup: { connections: CONNECTIONS, duration: options.warmup } } : {})
  } as autocannon.Options)
  return {
    // The total over the time actually run: autocannon's per-second samples are too few in a
    // run of a couple of seconds to average well.
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches
  }
}
