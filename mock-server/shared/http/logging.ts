/**
 * Request logging that cannot leak secrets: bodies are never logged (card data lives there), token
 * headers are dropped, and a `_token` or a card field in the query string is masked.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify'
import pino from 'pino'
import type {} from './hints.js'

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'

/**
 * Query parameters whose values never reach a log line or the journal: the access token, and the
 * card fields a client may put in a query string by mistake (the real API reads them from bodies,
 * but a PHP backend reads the query too, so clients that send them there exist).
 */
const SECRET_QUERY_PARAMS = /([?&](?:_token|card_number|pwd_2digit|birth|cvc)(?:\[[^\]=&]*\]|%5B[^=&]*?%5D)*=)[^&]*/gi

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY_PARAMS, '$1[redacted]')
}

/**
 * Logger options. Without a given stream the log goes to stdout through pino's buffered
 * asynchronous destination, so a request does not wait for its log line to be written (it is
 * flushed on exit).
 */
export function loggerOptions(setting: boolean | Level, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (setting === false) return false
  return {
    level: setting === true ? 'info' : setting,
    stream: stream ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
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
