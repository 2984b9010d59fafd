/**
 * Request logging that cannot leak secrets: bodies are never logged (card data lives only there),
 * token headers are dropped and a `_token` in the query string is masked.
 */
import type { FastifyServerOptions } from 'fastify'

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'

export function redactUrl(url: string): string {
  return url.replace(/([?&]_token=)[^&]*/g, '$1[redacted]')
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
