/**
 * What the client throws. Callers branch with `instanceof`; every error carries the HTTP status
 * (null when no answer came), the envelope `code` and `message`, the method and URL, the official
 * operationId and the body as received. Nothing from the transport (no `AxiosError`) escapes.
 */

export interface IamportErrorDetails {
  /** HTTP status of the answer; null when none arrived. */
  status: number | null
  /** Envelope `code` (1 or -1 in every observed failure); null when the body was not an envelope. */
  code: number | null
  message: string
  method: string
  /** Request URL without the query string (no token ever travels in it). */
  url: string
  /** Official operationId of the call, e.g. `getPaymentByImpUid`. */
  operationId: string
  /** The response body as received (parsed JSON, or text), or undefined when none arrived. */
  raw: unknown
  /** iamport-mock only: its `X-Iamport-Mock-Hint`, an English note on the likely mistake (the real API sends none). */
  hint?: string | undefined
  cause?: unknown
}

/** Base class of every client error. */
export class IamportError extends Error {
  override name = 'IamportError'
  readonly status: number | null
  readonly code: number | null
  readonly method: string
  readonly url: string
  readonly operationId: string
  readonly raw: unknown
  /** The simulator's hint on a refusal caused by a common mistake (iamport-mock only; never from the real API). */
  readonly hint: string | undefined

  constructor(details: IamportErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.code = details.code
    this.method = details.method
    this.url = details.url
    this.operationId = details.operationId
    this.raw = details.raw
    this.hint = details.hint
  }
}

/**
 * HTTP 401: a wrong `imp_key`/`imp_secret` on getToken (`인증에 실패하였습니다…`), or an access
 * token the server refused even after one refresh (`Unauthorized`).
 */
export class IamportAuthError extends IamportError {
  override name = 'IamportAuthError'
}

/**
 * The thing asked for does not exist: HTTP 404 on a lookup (`존재하지 않는 결제정보입니다.`), or, for
 * billing-key lookups, the HTTP 200 + code 1 answer the real server was observed to give for an
 * unknown customer_uid (iamport-api.md §3.1).
 */
export class IamportNotFoundError extends IamportError {
  override name = 'IamportNotFoundError'
}

/**
 * The API answered and refused: HTTP 2xx with `code ≠ 0` (a PG rejection, an unknown buyer, a
 * cancel that cannot happen…), a 400 on bad query parameters, a 5xx, or a body that is not an
 * envelope at all. `code` and `message` are the API's own.
 */
export class IamportApiError extends IamportError {
  override name = 'IamportApiError'
}

/** Why no answer arrived. */
export type ConnectionFailure = 'timeout' | 'network' | 'aborted'

/**
 * No HTTP answer: the connection failed, the request timed out, or the caller aborted it.
 * `status` and `code` are null. For a request that moves money the outcome is unknown: look the
 * payment up by `merchant_uid` before trying again.
 */
export class IamportConnectionError extends IamportError {
  override name = 'IamportConnectionError'
  readonly reason: ConnectionFailure

  constructor(details: Omit<IamportErrorDetails, 'status' | 'code' | 'raw'> & { reason: ConnectionFailure }) {
    super({ ...details, status: null, code: null, raw: undefined })
    this.reason = details.reason
  }
}

/** An envelope as far as the client can tell: an object with a numeric `code`. */
export function isEnvelope(body: unknown): body is { code: number; message: string | null; response: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number'
}

export interface FailedExchange {
  status: number
  body: unknown
  method: string
  url: string
  operationId: string
  /** The operation counts `200 + code 1` as "not found" (billing-key lookups). */
  notFoundCode?: number | undefined
  /** The answer's X-Iamport-Mock-Hint, when the simulator sent one. */
  hint?: string | undefined
}

/**
 * The one place that decides which error an answer becomes, by HTTP status first and the envelope
 * second: 401 → auth, 404 → not found, a declared not-found code → not found, anything else → API error.
 */
export function errorFromResponse(exchange: FailedExchange): IamportError {
  const envelope = isEnvelope(exchange.body) ? exchange.body : null
  const details: IamportErrorDetails = {
    status: exchange.status,
    code: envelope?.code ?? null,
    message: envelope?.message ?? describeStatus(exchange.status, envelope !== null),
    method: exchange.method,
    url: exchange.url,
    operationId: exchange.operationId,
    raw: exchange.body,
    hint: exchange.hint
  }
  if (exchange.status === 401) return new IamportAuthError(details)
  if (exchange.status === 404) return new IamportNotFoundError(details)
  if (envelope && exchange.notFoundCode !== undefined && envelope.code === exchange.notFoundCode) {
    return new IamportNotFoundError(details)
  }
  return new IamportApiError(details)
}

function describeStatus(status: number, wasEnvelope: boolean): string {
  return wasEnvelope ? `HTTP ${status} without a message` : `HTTP ${status}: the body is not an i'mport envelope`
}
