/**
 * One webhook POST over the network, with i'mport's timeouts (webhook/readme-v1.mdx): a first send
 * waits 10 s to connect and 30 s for the answer after connecting; a resend has 15 s in all. Every
 * outcome resolves (never rejects): the HTTP status, or what went wrong instead.
 *
 * node:http is used directly rather than fetch because the two timeouts of a first send are
 * separate (connect, then answer), which fetch cannot express. Each send opens its own connection
 * (no keep-alive), as a sender that calls many merchants does.
 */
import http from 'node:http'
import https from 'node:https'

export type WebhookContentType = 'application/json' | 'application/x-www-form-urlencoded'

export type SendTimeouts =
  /** First send: connect, then the answer. */
  | { readonly kind: 'first'; readonly connectMs: number; readonly readMs: number }
  /** Resends (retries, redeliveries): the whole attempt. */
  | { readonly kind: 'resend'; readonly totalMs: number }

export interface SendOutcome {
  /** The receiver's HTTP status, or null when none came. */
  readonly status_code: number | null
  /** What went wrong when no status came: `connect timeout`, `read timeout`, `ECONNREFUSED`, … */
  readonly error: string | null
  readonly duration_ms: number
  /** The first characters of the receiver's answer, for the outbox. */
  readonly response_excerpt: string | null
}

/** How much of a receiver's answer is kept. */
const EXCERPT_CHARS = 500
/** Answers are read (so the connection closes cleanly) up to this much. */
const MAX_ANSWER_BYTES = 64 * 1024

/** The body as the receiver gets it: JSON, or `imp_uid=…&merchant_uid=…&status=…`. */
export function encodeBody(body: Readonly<Record<string, string | null>>, contentType: WebhookContentType): string {
  if (contentType === 'application/json') return JSON.stringify(body)
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(body)) if (value !== null) form.append(key, value)
  return form.toString()
}

/** Sends `payload`; `signal` abandons the attempt (the simulator is closing), which resolves as `aborted`. */
export function postWebhook(
  url: string,
  contentType: WebhookContentType,
  payload: string,
  timeouts: SendTimeouts,
  signal?: AbortSignal,
  /** Headers besides the content type and length (a V2 webhook's signature headers). */
  extraHeaders?: Readonly<Record<string, string>>
): Promise<SendOutcome> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return Promise.resolve({ status_code: null, error: 'invalid URL', duration_ms: 0, response_excerpt: null })
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.resolve({ status_code: null, error: `unsupported protocol ${target.protocol}`, duration_ms: 0, response_excerpt: null })
  }

  return new Promise((resolve) => {
    let settled = false
    const timers: NodeJS.Timeout[] = []
    const finish = (outcome: Omit<SendOutcome, 'duration_ms'>) => {
      if (settled) return
      settled = true
      for (const timer of timers) clearTimeout(timer)
      // The signal lives as long as the simulator: a listener left on it would keep this attempt alive.
      signal?.removeEventListener('abort', onAbort)
      resolve({ ...outcome, duration_ms: elapsed() })
    }
    const onAbort = () => fail('aborted')
    const fail = (error: string) => {
      finish({ status_code: null, error, response_excerpt: null })
      request.destroy()
    }
    const after = (ms: number, error: string) => {
      const timer = setTimeout(() => fail(error), ms)
      timer.unref()
      timers.push(timer)
    }

    const transport = target.protocol === 'https:' ? https : http
    const request = transport.request(target, {
      method: 'POST',
      agent: false,
      headers: { ...extraHeaders, 'content-type': contentType, 'content-length': Buffer.byteLength(payload) }
    })

    if (timeouts.kind === 'resend') {
      after(timeouts.totalMs, 'timeout')
    } else {
      after(timeouts.connectMs, 'connect timeout')
      request.once('socket', (socket) => {
        const connected = () => {
          for (const timer of timers.splice(0)) clearTimeout(timer)
          after(timeouts.readMs, 'read timeout')
        }
        if (socket.connecting) socket.once('connect', connected)
        else connected()
      })
    }

    request.once('response', (response) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk)
        size += chunk.length
      })
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        finish({ status_code: response.statusCode ?? null, error: null, response_excerpt: text === '' ? null : text.slice(0, EXCERPT_CHARS) })
      })
      response.on('error', (err) => fail(describe(err)))
    })
    // `on`, not `once`: destroying the request after a timeout may emit a second error.
    request.on('error', (err) => fail(describe(err)))
    if (signal?.aborted) return fail('aborted')
    signal?.addEventListener('abort', onAbort, { once: true })
    request.end(payload)
  })
}

function describe(err: Error & { code?: string }): string {
  return err.code ?? err.message
}
