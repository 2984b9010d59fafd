/**
 * The request core every resource goes through. It owns the client's axios instance (never the
 * global one) and does, in this order:
 *   1. the access token: cached, fetched lazily, refreshed once when the server answers 401;
 *   2. retries, only for operations marked idempotent (reads, token issuance, prepare update);
 *   3. the envelope: in data mode HTTP 2xx with `code 0` yields `response`, anything else becomes
 *      an `IamportError` (see errors.ts); in raw mode status and body come back untouched.
 * Transport failures become `IamportConnectionError`; no `AxiosError` leaves this module.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios'
import type { Auth } from '../api/v1/auth.js'
import { IamportConnectionError, errorFromResponse, isEnvelope, type ConnectionFailure } from './errors.js'
import { backoffDelay, isRetryableStatus, resolveRetry, type RetryPolicy } from './retry.js'
import { TokenCache } from './token.js'
import type { IamportClientOptions, Mode, RawResponse, RequestOptions, Result } from './types.js'

export const DEFAULT_BASE_URL = 'https://api.iamport.kr'
export const DEFAULT_TIMEOUT_MS = 30_000
const USER_AGENT = 'iamport-mock-client/0.1'

/** One API call, as a resource describes it. */
export interface Operation {
  /** Official operationId (swagger), e.g. `getPaymentByImpUid`. */
  operationId: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path template with `{name}` placeholders, e.g. `/payments/{imp_uid}`. */
  path: string
  /** Values for the placeholders; each is passed through `encodeURIComponent`. */
  pathParams?: Record<string, string>
  /** Query string; arrays are sent as `name[]=a&name[]=b`, undefined values are left out. */
  query?: object
  /** JSON body, snake_case exactly as on the wire. */
  body?: object
  /** False only for getToken. */
  auth?: boolean
  /**
   * Safe to send again when no answer came or the server failed (reads, token issuance, prepare
   * update). False for everything else, and always for calls that move money.
   */
  idempotent: boolean
  /** An envelope code that means "not found" even at HTTP 200 (billing-key lookups answer 200 + code 1). */
  notFoundCode?: number
  /** A successful answer is this client's own token: cache it. */
  primesToken?: boolean
}

export type Caller<M extends Mode> = <T>(operation: Operation, options?: RequestOptions) => Promise<Result<M, T>>

export class RequestCore {
  readonly baseURL: string
  readonly tokens: TokenCache
  private readonly http: AxiosInstance
  private readonly retry: RetryPolicy
  private readonly timeoutMs: number
  private readonly headers: Record<string, string>
  private readonly onResponse: IamportClientOptions['onResponse']
  private readonly now: () => number
  /** Errors of the token fetch: already retried by that fetch, so the calling operation does not retry them again. */
  private readonly tokenFailures = new WeakSet<object>()
  private readonly minIntervalMs: number
  /** Local time (ms) before which the next request may not start (`minIntervalMs`). */
  private nextSlotMs = 0

  constructor(private readonly options: IamportClientOptions) {
    if (!options.impKey || !options.impSecret) {
      throw new TypeError('createIamportClient: impKey and impSecret are required')
    }
    this.baseURL = (options.baseURL ?? DEFAULT_BASE_URL).replace(/\/+$/, '')
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.retry = resolveRetry(options.retry)
    this.onResponse = options.onResponse
    this.now = options.now ?? Date.now
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 0)
    this.headers = {
      ...options.headers,
      Accept: 'application/json',
      'User-Agent': USER_AGENT,
      ...(options.tier === undefined ? {} : { Tier: options.tier })
    }
    this.http = axios.create({
      baseURL: this.baseURL,
      // Statuses, bodies and parsing are this module's business, so axios passes everything through.
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      // A redirected POST could be replayed by the transport; the API never redirects.
      maxRedirects: 0,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false }
    })
    this.tokens = new TokenCache({
      issue: () => this.issueToken(),
      now: this.now,
      ...(options.tokenSkewSeconds === undefined ? {} : { skewSeconds: options.tokenSkewSeconds })
    })
  }

  /** The operation that fetches this client's token. */
  tokenOperation(credentials?: { imp_key: string; imp_secret: string }): Operation {
    const own = credentials === undefined
    return {
      operationId: 'getToken',
      method: 'POST',
      path: '/users/getToken',
      body: credentials ?? { imp_key: this.options.impKey, imp_secret: this.options.impSecret },
      auth: false,
      idempotent: true,
      primesToken: own || (credentials.imp_key === this.options.impKey && credentials.imp_secret === this.options.impSecret)
    }
  }

  private async issueToken(): Promise<Auth> {
    const operation = this.tokenOperation()
    // Primed by `send` itself; the cache stores what comes back here too.
    return this.unwrap<Auth>(operation, await this.send({ ...operation, primesToken: false }))
  }

  /** A function that runs operations in the given mode. */
  caller<M extends Mode>(mode: M): Caller<M> {
    return (async <T>(operation: Operation, options: RequestOptions = {}) => {
      const raw = await this.send(operation, options)
      return mode === 'raw' ? raw : this.unwrap<T>(operation, raw)
    }) as Caller<M>
  }

  /** Sends an operation with token handling and retries; returns status and body, whatever they are. */
  async send(operation: Operation, options: RequestOptions = {}): Promise<RawResponse<unknown>> {
    const maxRetries = operation.idempotent ? (options.maxRetries ?? this.retry.maxRetries) : 0
    for (let attempt = 0; ; attempt++) {
      try {
        const raw = await this.sendAuthenticated(operation, options)
        if (attempt < maxRetries && isRetryableStatus(raw.status)) {
          await this.retry.sleep(backoffDelay(this.retry, attempt), options.signal)
          continue
        }
        return raw
      } catch (err) {
        const retryable = err instanceof IamportConnectionError && err.reason !== 'aborted' && !this.tokenFailures.has(err)
        if (!retryable || attempt >= maxRetries || options.signal?.aborted) throw err
        await this.retry.sleep(backoffDelay(this.retry, attempt), options.signal)
      }
    }
  }

  /** Data mode: the `response` of a successful envelope, or the error the answer stands for. */
  unwrap<T>(operation: Operation, raw: RawResponse<unknown>): T {
    const body = raw.body as unknown
    if (raw.status >= 200 && raw.status < 300 && isEnvelope(body) && body.code === 0 && body.response != null) {
      return body.response as T
    }
    throw errorFromResponse({
      status: raw.status,
      body,
      method: operation.method,
      url: this.urlOf(operation),
      operationId: operation.operationId,
      notFoundCode: operation.notFoundCode,
      hint: raw.headers['x-iamport-mock-hint']
    })
  }

  private async sendAuthenticated(operation: Operation, options: RequestOptions): Promise<RawResponse<unknown>> {
    if (operation.auth === false) return this.sendOnce(operation, options, null)
    if (options.accessToken !== undefined) return this.sendOnce(operation, options, options.accessToken)
    const token = await this.token()
    const raw = await this.sendOnce(operation, options, token)
    if (raw.status !== 401) return raw
    // A 401 means the request was refused before anything happened, so sending it again with a
    // fresh token is safe even for a payment. Once only: a second 401 is the caller's to see.
    this.tokens.invalidate(token)
    return this.sendOnce(operation, options, await this.token())
  }

  private async token(): Promise<string> {
    try {
      return await this.tokens.get()
    } catch (err) {
      if (typeof err === 'object' && err !== null) this.tokenFailures.add(err)
      throw err
    }
  }

  /** Waits for this request's slot when requests are spaced. Slots are handed out in call order. */
  private async throttle(signal?: AbortSignal): Promise<void> {
    if (this.minIntervalMs === 0) return
    const now = this.now()
    const slot = Math.max(now, this.nextSlotMs)
    this.nextSlotMs = slot + this.minIntervalMs
    if (slot > now) await this.retry.sleep(slot - now, signal)
  }

  private async sendOnce(operation: Operation, options: RequestOptions, token: string | null): Promise<RawResponse<unknown>> {
    await this.throttle(options.signal)
    const started = this.now()
    let response: AxiosResponse<unknown>
    try {
      response = await this.http.request({
        method: operation.method,
        url: this.pathOf(operation),
        params: operation.query,
        data: operation.body,
        timeout: options.timeoutMs ?? this.timeoutMs,
        headers: {
          ...this.headers,
          ...options.headers,
          ...(operation.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(token === null ? {} : { Authorization: `Bearer ${token}` })
        },
        ...(options.signal === undefined ? {} : { signal: options.signal })
      })
    } catch (err) {
      throw this.connectionError(operation, err)
    }
    const raw: RawResponse<unknown> = {
      status: response.status,
      body: parseBody(response.data) as RawResponse<unknown>['body'],
      headers: headersOf(response)
    }
    if (operation.primesToken && raw.status === 200 && isEnvelope(raw.body) && raw.body.code === 0) {
      this.tokens.remember(raw.body.response as Auth, started)
    }
    this.onResponse?.({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      url: this.urlOf(operation),
      status: raw.status,
      body: raw.body,
      durationMs: this.now() - started
    })
    return raw
  }

  /** Fills the path template, encoding every value. */
  private pathOf(operation: Operation): string {
    return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = operation.pathParams?.[name]
      if (value === undefined) throw new TypeError(`${operation.operationId}: path parameter ${name} is missing`)
      return encodeURIComponent(value)
    })
  }

  private urlOf(operation: Operation): string {
    try {
      return this.baseURL + this.pathOf(operation)
    } catch {
      return this.baseURL + operation.path
    }
  }

  /**
   * The transport's error as an `IamportConnectionError`. The axios error is not attached: its
   * config holds the request body (card data) and the Authorization header.
   */
  private connectionError(operation: Operation, err: unknown): IamportConnectionError {
    const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined
    let reason: ConnectionFailure = 'network'
    if (axios.isCancel(err) || code === 'ERR_CANCELED') reason = 'aborted'
    else if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') reason = 'timeout'
    const detail = err instanceof Error ? err.message : String(err)
    const cause = Object.assign(new Error(detail), code === undefined ? {} : { code })
    return new IamportConnectionError({
      reason,
      message: `${operation.operationId}: no answer (${reason}: ${detail})`,
      method: operation.method,
      url: this.urlOf(operation),
      operationId: operation.operationId,
      cause
    })
  }
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data ?? null
  if (data === '') return null
  try {
    return JSON.parse(data)
  } catch {
    return data
  }
}

function headersOf(response: AxiosResponse<unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}
