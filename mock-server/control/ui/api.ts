/**
 * The dashboard's calls: the documented control API under /__mock (JSON bodies, same origin), with
 * the control token, when one is asked for, on every call. A 401 `unauthorized` asks for it again.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const TOKEN_KEY = 'iamport-mock-control-token'

export const token = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string): void => sessionStorage.setItem(TOKEN_KEY, value),
  clear: (): void => sessionStorage.removeItem(TOKEN_KEY)
}

let onUnauthorized: () => void = () => {}
export const whenUnauthorized = (handler: () => void): void => {
  onUnauthorized = handler
}

export async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const sent: Record<string, string> = { accept: 'application/json', ...headers }
  const saved = token.get()
  if (saved !== null && path.startsWith('/__mock/')) sent['x-mock-control-token'] = saved
  if (body !== undefined) sent['content-type'] = 'application/json'
  const res = await fetch(path, { method, headers: sent, body: body === undefined ? null : JSON.stringify(body), credentials: 'same-origin' })
  const text = await res.text()
  const data = text === '' ? null : (JSON.parse(text) as unknown)
  if (!res.ok) {
    const error = (data as { error?: { code?: string; message?: string }; message?: string } | null) ?? {}
    const code = error.error?.code ?? String(res.status)
    if (res.status === 401 && code === 'unauthorized') onUnauthorized()
    throw new ApiError(res.status, code, error.error?.message ?? error.message ?? `HTTP ${res.status}`)
  }
  return data as T
}

/** A query string from the given values, leaving out empty ones. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export interface Merchant {
  imp_key: string
  imp_secret: string
  name: string
}

/**
 * An i'mport V1 call on a merchant's behalf (cancel a payment, delete a billing key): the control
 * API has no such action, so the dashboard does what a script would, with the merchant's test
 * credentials from /__mock/merchants.
 */
export async function v1<T>(merchant: Merchant, method: string, path: string, body?: unknown): Promise<T> {
  const auth = await call<{ response: { access_token: string } }>('POST', '/users/getToken', {
    imp_key: merchant.imp_key,
    imp_secret: merchant.imp_secret
  })
  const answer = await call<{ code: number; message: string | null; response: T }>(method, path, body, {
    authorization: `Bearer ${auth.response.access_token}`
  })
  if (answer.code !== 0) throw new ApiError(200, String(answer.code), answer.message ?? 'refused')
  return answer.response
}
