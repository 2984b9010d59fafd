/**
 * Request logging that cannot leak secrets: bodies are never logged (card data lives there), token
 * headers are dropped, and a `_token` or a card field in the query string is masked.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import type {} from './hints.js'
import { DroppingDestination } from './log-destination.js'

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'

/**
 * Query parameters whose values never reach a log line or the journal: the access token, and the
 * card fields a client may put in a query string by mistake (the real API reads them from bodies,
 * but a PHP backend reads the query too, so clients that send them there exist).
 *
 * A parameter is judged by its name as the server reads it, not as it is spelled: percent-decoded
 * (`%63ard_number`, `pwd%5F2digit`), case-folded, and split into qs's bracket segments
 * (`extra[card_number]`, `a[b][birth][]`), any segment of which may be a card field; PHP's
 * reading of `.` and a space as `_` counts too. The name is kept as sent, the value masked.
 */
const SECRET_NAMES: ReadonlySet<string> = new Set(['_token', 'card_number', 'pwd_2digit', 'birth', 'cvc'])

function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '))
  } catch {
    // qs keeps a name it cannot decode as it is; so does this.
    return raw
  }
}

/** Whether a raw (still encoded) parameter name reads as a secret field, at any depth. */
export function isSecretParamName(raw: string): boolean {
  const name = decodeName(raw).toLowerCase()
  for (const segment of name.split(/[[\]]+/)) {
    if (SECRET_NAMES.has(segment) || SECRET_NAMES.has(segment.trim().replace(/[ .]/g, '_'))) return true
  }
  return false
}

export function redactUrl(url: string): string {
  const mark = url.indexOf('?')
  if (mark === -1) return url
  let changed = false
  const parts = url
    .slice(mark + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=')
      if (eq === -1 || !isSecretParamName(part.slice(0, eq))) return part
      changed = true
      return `${part.slice(0, eq + 1)}[redacted]`
    })
  return changed ? `${url.slice(0, mark + 1)}${parts.join('&')}` : url
}

/** One stdout writer per process, flushed at exit; lines are dropped once stdout is dead. */
let stdout: DroppingDestination | null = null
function stdoutDestination(): DroppingDestination {
  stdout ??= new DroppingDestination(1)
  return stdout
}

/**
 * Logger options. Without a given stream the log goes to stdout through a buffered asynchronous
 * writer (`DroppingDestination`), so a request does not wait for its log line to be written (it
 * is flushed on exit), and a dead stdout drops lines instead of holding the exit.
 */
export function loggerOptions(setting: boolean | Level, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (setting === false) return false
  return {
    level: setting === true ? 'info' : setting,
    stream: stream ?? stdoutDestination(),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode })
    }
  }
}

/**
 * One line per request, when it is answered: method, redacted URL, status and time. Fastify's
 * default writes two (a line in, a line out); one costs half as much and says everything both did.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      req: request,
      res: reply,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      // A refusal caused by a common mistake carries its explanation (shared/http/hints.ts).
      ...(request.mockHint ? { hint: request.mockHint } : {})
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request completed')
  }
}
