/**
 * Request bodies and query strings the way i'mport's PHP backend reads them: JSON or
 * `application/x-www-form-urlencoded`, with `name[]=a&name[]=b` arrays and `extra[requester]=x`
 * nesting (qs, the library the official Node client itself serialises with).
 * Other content types are read as an empty body, so the route answers with its usual
 * missing-parameter error instead of a framework error (inferred: a PHP backend ignores bodies it
 * cannot parse). They are counted, not kept, and held to the same `body_limit` as JSON: a
 * `text/plain`, `octet-stream` or `multipart` body over it is refused with 413 (at once when its
 * Content-Length says so). What the client still sends after the 413 is discarded for a bounded
 * while (up to 4 × the limit, or 2 s), then the connection is closed: the body is never read to
 * its end, and the close comes late enough that the client has read its 413.
 */
import fp from 'fastify-plugin'
import { errorCodes, type FastifyRequest } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'
import formbody from '@fastify/formbody'
import qs from 'qs'

/** Bounds that keep a hostile query or form body from costing more than a normal one. */
export const QS_OPTIONS: qs.IParseOptions = {
  arrayLimit: 1000,
  parameterLimit: 2000,
  depth: 5,
  allowPrototypes: false
}

export function parseQueryString(text: string): Record<string, unknown> {
  return qs.parse(text, QS_OPTIONS)
}

export default fp(
  async (app) => {
    await app.register(formbody, { parser: parseQueryString })
    // Fastify reads text/plain as a string by default; the real API would not understand it either.
    app.removeContentTypeParser('text/plain')
    app.addContentTypeParser('*', (request, payload, done) => discardBody(request, payload, app.initialConfig.bodyLimit ?? 1024 * 1024, done))
    app.addHook('onSend', (request, reply, payload, next) => {
      if (reply.statusCode === 413) lingerAfterRefusal(request.raw, reply.raw, app.initialConfig.bodyLimit ?? 1024 * 1024)
      next(null, payload)
    })
    // A POST without a body still reaches the route's own checks.
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined || request.body === null) request.body = {}
    })
  },
  { name: 'mock-body-parsers', fastify: '5.x' }
)

/** Reads a body nobody parses to its end without keeping it, refusing it once it is over `limit` bytes. */
function discardBody(
  request: FastifyRequest,
  payload: IncomingMessage,
  defaultLimit: number,
  done: (err: Error | null, body?: unknown) => void
): void {
  const limit = request.routeOptions.bodyLimit ?? defaultLimit
  let finished = false
  const finish = (err: Error | null) => {
    if (finished) return
    finished = true
    payload.removeListener('data', onData)
    payload.removeListener('end', onEnd)
    payload.removeListener('error', onError)
    done(err, err ? undefined : {})
  }
  const tooLarge = () => finish(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE())
  let seen = 0
  const onData = (chunk: Buffer) => {
    seen += chunk.length
    if (seen > limit) tooLarge()
  }
  const onEnd = () => finish(null)
  const onError = (err: Error) => finish(err)
  const declared = Number(request.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    tooLarge()
    return
  }
  payload.on('data', onData)
  payload.on('end', onEnd)
  payload.on('error', onError)
}

/**
 * After a 413 the rest of the body is discarded (Node reads it on to keep the connection), but
 * only for a bounded while: past 4 × the limit, or 2 s, the connection is closed.
 */
function lingerAfterRefusal(request: IncomingMessage, response: ServerResponse, limit: number): void {
  const socket = request.socket
  // Under app.inject there is no real socket to close.
  if (typeof socket?.destroy !== 'function' || typeof socket.on !== 'function') return
  let discarded = 0
  const onData = (chunk: Buffer) => {
    discarded += chunk.length
    if (discarded > 4 * limit) socket.destroy()
  }
  const timer = setTimeout(() => socket.destroy(), 2000)
  timer.unref()
  const stop = () => {
    clearTimeout(timer)
    socket.off('data', onData)
  }
  socket.on('data', onData)
  socket.once('close', stop)
  // A body that ended within the bounds leaves the connection as keep-alive left it.
  response.once('finish', () => {
    if (request.complete) stop()
    else request.once('end', stop)
  })
}
