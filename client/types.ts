/** Public option and result types of the client. */
import type { Envelope } from '../api/v1/envelope.js'
import type { RetryOptions } from './retry.js'

export interface IamportClientOptions {
  /** API root; `https://api.iamport.kr` by default. Point it at the simulator, e.g. `http://127.0.0.1:4010`. */
  baseURL?: string
  /** REST API key (`imp_key`). */
  impKey: string
  /** REST API secret (`imp_secret`). Never logged. */
  impSecret: string
  /** Per-request timeout in milliseconds (default 30000). */
  timeoutMs?: number
  /** Retry policy for requests that are safe to repeat; `false` turns retries off. Money-moving calls are never retried. */
  retry?: RetryOptions | false
  /** Seconds before `expired_at` at which a cached token is replaced (default 60). */
  tokenSkewSeconds?: number
  /** Sub-merchant code, sent as the `Tier` header (v1auth.mdx). */
  tier?: string
  /** Extra headers on every request (the `Authorization` header is the client's own). */
  headers?: Record<string, string>
  /**
   * Spaces requests at least this many milliseconds apart (default 0: no spacing). For test
   * credentials on the real API, which should not be hammered.
   */
  minIntervalMs?: number
  /**
   * Called with every answer the API gives (also in raw mode): for logging, metrics, contract
   * recording. Must not throw. The getToken answer holds the access token: redact it before logging.
   */
  onResponse?: (exchange: Exchange) => void
  /** Local clock in milliseconds, for token expiry; injectable for tests. */
  now?: () => number
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request; the client then throws `IamportConnectionError` with reason `aborted`. */
  signal?: AbortSignal
  /** Timeout of this call in milliseconds (overrides the client's). */
  timeoutMs?: number
  /** Retries of this call, for calls that may be retried at all (0 turns them off). */
  maxRetries?: number
  /**
   * Sends this token instead of the managed one, and does not refresh it on 401. For tests of the
   * API's own token handling.
   */
  accessToken?: string
  /** Extra headers for this call. */
  headers?: Record<string, string>
}

/** What raw mode returns: the status and the body exactly as the API sent them. Nothing is thrown for an API answer. */
export interface RawResponse<T> {
  /** HTTP status. */
  status: number
  /** The parsed body (text when it is not JSON). Typed as the envelope the operation should answer with: validate before trusting. */
  body: Envelope<T>
  /** Response headers, lower-case names. */
  headers: Record<string, string>
}

/** One request and its answer, as `onResponse` sees it. Request bodies are never included (they may hold card data). */
export interface Exchange {
  /** Official operationId, e.g. `again`. */
  operationId: string
  method: string
  /** Path template, e.g. `/payments/{imp_uid}`. */
  path: string
  /** Full URL without query string. */
  url: string
  status: number
  body: unknown
  /** Milliseconds from sending to the parsed answer. */
  durationMs: number
}

/** Client methods either unwrap the envelope (`data`) or hand back status and body (`raw`). */
export type Mode = 'data' | 'raw'
export type Result<M extends Mode, T> = M extends 'raw' ? RawResponse<T> : T
