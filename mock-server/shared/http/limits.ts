/**
 * Size limits on what a request may carry before any route reads it, each answered with a clear
 * error in the namespace's own shape (the i'mport envelope, or the control API's `{ error }`):
 *   - the body: Fastify's `bodyLimit` (config `body_limit`), answered 413 by the error handler;
 *   - the request line: at most `MAX_URL_BYTES`, answered 414, as nginx (in front of the real API)
 *     answers a line over its 8 KiB buffer;
 *   - all headers together: Node's `maxHeaderSize` (16 KiB). Node refuses those before Fastify
 *     sees the request, so `clientErrorHandler` below writes the answer on the socket itself.
 */
import fp from 'fastify-plugin'
import type { Socket } from 'node:net'
import type { ServerResponse } from 'node:http'
import { errors, type CatalogueError } from '../../../api/v1/catalogue.js'

/** nginx's default `large_client_header_buffers` size: the longest request line it reads. */
export const MAX_URL_BYTES = 8192
/** Node's default `maxHeaderSize`, which the simulator keeps. */
export const MAX_HEADER_BYTES = 16384
/**
 * Longest path parameter the router matches. Far above every id's own `maxLength`, so a long id
 * reaches its route and is refused by name (`["customer_uid"] 파라메터는 최대 80자…`), not as an
 * unknown route; the request line limit still bounds it.
 */
export const MAX_PARAM_LENGTH = MAX_URL_BYTES

/** A request over a limit, before any route reads it; each wing's error handler answers it in its own shape. */
export class RequestLimitError extends Error {
  override readonly name = 'RequestLimitError'
  /** 414 URI Too Long, for a wing that answers every 4xx error the same way. */
  readonly statusCode = 414
  constructor(
    readonly reason: 'uri_too_long',
    readonly limit: number
  ) {
    super(`the request line is over ${limit} bytes`)
  }
}

export default fp(
  async (app) => {
    // A callback hook, not an async one: it runs on every request and allocates nothing when the
    // URL is short (request.url holds the raw request line's bytes, one character each).
    app.addHook('onRequest', (request, _reply, done) => {
      if (request.url.length <= MAX_URL_BYTES) return done()
      done(new RequestLimitError('uri_too_long', MAX_URL_BYTES))
    })
  },
  { name: 'mock-limits', fastify: '5.x' }
)

/** The raw HTTP answer for an envelope error, for the moments no reply object exists yet. */
export function rawEnvelopeResponse(error: CatalogueError, reason: string): string {
  const body = JSON.stringify(error.toEnvelope())
  return (
    `HTTP/1.1 ${error.httpStatus} ${reason}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  )
}

/**
 * Fastify's `clientErrorHandler`: Node could not read the request (headers over `maxHeaderSize`,
 * a broken request line). Fastify's default would answer with its own `{ statusCode, error }` body;
 * this answers the envelope: 431 for oversized headers, 400 for anything else unreadable, unless a
 * request on the connection is still being answered.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) {
    socket.destroy()
    return
  }
  // Unreadable bytes after a complete request on the same connection: that request is running and
  // is answered with its own result; a 400 written now would reach the client as its answer. So
  // the connection closes once that answer is out, with nothing more written.
  // (A request timeout is different: that request has not all arrived, so it has not run; it is
  // answered 408 now.)
  const inFlight = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage
  if (inFlight && error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && inFlight.headersSent) {
    socket.destroy()
    return
  }
  if (inFlight && !inFlight.writableFinished && error.code !== 'ERR_HTTP_REQUEST_TIMEOUT') {
    const close = () => socket.end()
    inFlight.once('finish', close)
    inFlight.once('close', close)
    return
  }
  const answer =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? rawEnvelopeResponse(errors.headersTooLarge(MAX_HEADER_BYTES), 'Request Header Fields Too Large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? rawEnvelopeResponse(errors.requestTimeout(), 'Request Timeout')
        : rawEnvelopeResponse(errors.malformedRequest(), 'Bad Request')
  socket.end(answer)
}
