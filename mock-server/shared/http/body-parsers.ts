/**
 * Request bodies and query strings the way i'mport's PHP backend reads them: JSON or
 * `application/x-www-form-urlencoded`, with `name[]=a&name[]=b` arrays and `extra[requester]=x`
 * nesting (qs, the library the official Node client itself serialises with).
 * Other content types are read as an empty body, so the route answers with its usual
 * missing-parameter error instead of a framework error (inferred: a PHP backend ignores bodies it
 * cannot parse).
 */
import fp from 'fastify-plugin'
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
    app.addContentTypeParser('*', (_request, payload, done) => {
      payload.resume()
      payload.on('end', () => done(null, {}))
      payload.on('error', done)
    })
    // A POST without a body still reaches the route's own checks.
    app.addHook('preValidation', async (request) => {
      if (request.body === undefined || request.body === null) request.body = {}
    })
  },
  { name: 'mock-body-parsers', fastify: '5.x' }
)
