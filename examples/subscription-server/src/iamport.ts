/**
 * This app's calls to i'mport, with plain axios as in i'mport's own guide, plus what the guide's
 * snippet leaves out and a production integration needs:
 *
 * - The access token is kept and reused (the guide asks for a new one per request). When i'mport
 *   answers 401, the token has expired on its side, whatever our clock says: fetch a new one and
 *   send the call once more. That resend is safe even for a charge, because a 401 means i'mport
 *   refused the call before doing anything.
 * - Every i'mport answer comes back with its HTTP status, so a 404 from a lookup is an answer,
 *   not an exception.
 * - A call that got no answer from i'mport throws `NoAnswerError`, which holds no request data.
 *   An axios error keeps the request body (card number, birth date, password digits) in
 *   `error.config.data`: logged or sent back, as the guide's `res.status(400).send(e)` does, it
 *   would leak the card.
 */
import axios, { isAxiosError, type AxiosInstance } from 'axios'
import type { Config } from './config.js'

/** i'mport's answer: the envelope `{code, message, response}` and the HTTP status it came with. */
export interface Answer<T> {
  httpStatus: number
  code: number
  message: string | null
  response: T | null
}

/** The fields of a payment this app reads (the API sends many more). */
export interface Payment {
  imp_uid: string
  merchant_uid: string
  customer_uid: string | null
  status: 'ready' | 'paid' | 'failed' | 'cancelled'
  /** `issue` on the payment that issued a billing key through the payment window. */
  customer_uid_usage?: string | null
  amount: number
  fail_reason: string | null
  card_name: string | null
  /** Masked by i'mport, e.g. `42424242****4242`. */
  card_number?: string | null
}

/** The fields of a billing key this app reads. `card_number` is masked by i'mport, e.g. `42424242****4242`. */
export interface BillingKey {
  customer_uid: string
  card_name: string | null
  card_number: string | null
}

/** What the card form sends, passed to i'mport untouched and never kept. */
export interface CardDetails {
  card_number: string
  expiry: string
  birth: string
  pwd_2digit: string
}

export interface ChargeRequest {
  customer_uid: string
  merchant_uid: string
  amount: number
  name: string
}

/**
 * No answer from i'mport: the connection failed or was reset, the call timed out, or a gateway
 * page came back instead of i'mport's envelope. For a charge this means the outcome is unknown.
 */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError'
  constructor(
    readonly operation: string,
    readonly reason: string
  ) {
    super(`no answer from i'mport to ${operation} (${reason})`)
  }
}

/** getToken was refused: the key pair is wrong, or i'mport is misconfigured for this shop. */
export class IamportAuthError extends Error {
  override readonly name = 'IamportAuthError'
}

export interface IamportApi {
  issueBillingKey(customerUid: string, card: CardDetails): Promise<Answer<BillingKey>>
  again(charge: ChargeRequest): Promise<Answer<Payment>>
  findPayment(merchantUid: string): Promise<Answer<Payment>>
  getPayment(impUid: string): Promise<Answer<Payment>>
}

interface Token {
  value: string
  /** Our local time (ms) after which we stop using it, a minute before i'mport's `expired_at`. */
  useUntilMs: number
}

function isEnvelope(body: unknown): body is Omit<Answer<unknown>, 'httpStatus'> {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number'
}

export function createIamportApi(config: Pick<Config, 'iamportBaseUrl' | 'impKey' | 'impSecret' | 'iamportTimeoutMs'>): IamportApi {
  const http: AxiosInstance = axios.create({
    baseURL: config.iamportBaseUrl,
    timeout: config.iamportTimeoutMs,
    headers: { 'Content-Type': 'application/json' },
    // Every HTTP status is an answer to read; only "no answer" throws.
    validateStatus: () => true
  })
  let token: Token | undefined
  let tokenRequest: Promise<Token> | undefined

  async function send<T>(
    operation: string,
    request: { method: 'GET' | 'POST'; url: string; data?: object },
    accessToken?: string
  ): Promise<Answer<T>> {
    let res
    try {
      res = await http.request({ ...request, headers: accessToken === undefined ? {} : { Authorization: accessToken } })
    } catch (err) {
      if (!isAxiosError(err)) throw err
      // A new error without `cause`: the axios error holds the request body.
      throw new NoAnswerError(operation, err.code ?? 'network error')
    }
    if (!isEnvelope(res.data)) throw new NoAnswerError(operation, `HTTP ${res.status} without i'mport's envelope`)
    return { httpStatus: res.status, code: res.data.code, message: res.data.message, response: res.data.response as T | null }
  }

  async function fetchToken(): Promise<Token> {
    const answer = await send<{ access_token: string; now: number; expired_at: number }>('getToken', {
      method: 'POST',
      url: '/users/getToken',
      data: { imp_key: config.impKey, imp_secret: config.impSecret }
    })
    if (answer.code !== 0 || !answer.response) throw new IamportAuthError(`getToken refused: ${answer.message ?? `HTTP ${answer.httpStatus}`}`)
    const { access_token, now, expired_at } = answer.response
    // i'mport's own clock decides: count its remaining lifetime from our now, less a minute.
    return { value: access_token, useUntilMs: Date.now() + (expired_at - now - 60) * 1000 }
  }

  async function accessToken(): Promise<string> {
    if (token && Date.now() < token.useUntilMs) return token.value
    // Concurrent calls share one getToken request.
    tokenRequest ??= fetchToken().finally(() => (tokenRequest = undefined))
    token = await tokenRequest
    return token.value
  }

  async function authorized<T>(operation: string, request: { method: 'GET' | 'POST'; url: string; data?: object }): Promise<Answer<T>> {
    const answer = await send<T>(operation, request, await accessToken())
    if (answer.httpStatus !== 401) return answer
    // Expired or revoked on i'mport's side: nothing was done, so one resend with a new token is safe.
    token = undefined
    return send<T>(operation, request, await accessToken())
  }

  const path = encodeURIComponent
  return {
    issueBillingKey: (customerUid, card) =>
      authorized('customer_save', { method: 'POST', url: `/subscribe/customers/${path(customerUid)}`, data: card }),
    again: (charge) => authorized('again', { method: 'POST', url: '/subscribe/payments/again', data: charge }),
    findPayment: (merchantUid) => authorized('find payment', { method: 'GET', url: `/payments/find/${path(merchantUid)}` }),
    getPayment: (impUid) => authorized('get payment', { method: 'GET', url: `/payments/${path(impUid)}` })
  }
}
