/**
 * `GET /__mock/docs/ui`: Swagger UI over the simulator's two OpenAPI documents (the control API,
 * `/__mock/docs`, and the simulated i'mport V1 routes, `/__mock/docs/v1`), served from the
 * simulator itself by @fastify/swagger-ui: no CDN, and no call to Swagger's online validator.
 *
 * Like the documents, it costs nothing at start: the first request builds a throwaway Fastify
 * instance with the UI plugin and every request for a UI file is answered by injecting it there.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { controlErrors, sendControlError } from './errors.js'

export const UI_PREFIX = '/__mock/docs/ui'

/** Everything the page loads comes from the simulator; the documents are fetched from it too. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'"

/** Headers of the UI's answers worth passing on (caching, type, the CSP, redirects). */
const PASSED_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified', 'content-security-policy', 'location', 'vary']

async function buildUi(): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import('@fastify/swagger'), import('@fastify/swagger-ui')])
  const scratch = Fastify({ logger: false })
  // The UI plugin depends on @fastify/swagger; the documents themselves are served by docs.ts and docs-v1.ts.
  await scratch.register(swagger, { openapi: { info: { title: 'unused', version: '1' } } })
  await scratch.register(swaggerUi, {
    routePrefix: UI_PREFIX,
    staticCSP: CSP,
    uiConfig: {
      urls: [
        { url: '/__mock/docs/v1', name: "i'mport V1 (simulated routes)" },
        { url: '/__mock/docs', name: 'iamport-mock control API' }
      ],
      validatorUrl: null,
      deepLinking: true
    } as never
  })
  await scratch.ready()
  return scratch
}

/** Serves the UI under `/docs/ui` of `app` (the control API's scope). */
export function serveDocsUi(app: FastifyInstance): void {
  let ui: Promise<FastifyInstance> | undefined
  app.addHook('onClose', async () => {
    if (ui) await (await ui).close()
  })
  const handler = async (request: { method: string; url: string; headers: Record<string, string | string[] | undefined> }, reply: FastifyReply) => {
    ui ??= buildUi()
    const scratch = await ui
    const ifNoneMatch = request.headers['if-none-match']
    const res = await scratch.inject({
      method: 'GET',
      url: request.url,
      headers: typeof ifNoneMatch === 'string' ? { 'if-none-match': ifNoneMatch } : {}
    })
    // A file the UI does not have is the control API's own 404, not Fastify's default body.
    if (res.statusCode >= 400) return sendControlError(reply, controlErrors.notFound(request.method, request.url.split('?')[0] ?? request.url))
    reply.code(res.statusCode)
    for (const name of PASSED_HEADERS) {
      const value = res.headers[name]
      if (value !== undefined) reply.header(name, value)
    }
    return reply.send(res.rawPayload)
  }
  app.get('/docs/ui', { schema: { hide: true } }, handler)
  app.get('/docs/ui/*', { schema: { hide: true } }, handler)
}
