/**
 * Request logging that cannot leak secrets: bodies are never logged (card data lives there), token
 * headers are dropped, and a `_token` or a card field in the query string is masked.
 */
import type { FastifyServerOptions } from 'fastify'

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

export function loggerOptions(setting: boolean | Level, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  if (setting === false) return false
  return {
    level: setting === true ? 'info' : setting,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode })
    }
  }
}
