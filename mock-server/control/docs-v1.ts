/**
 * `GET /__mock/docs/v1`: the i'mport V1 routes this simulator answers, as an OpenAPI 3 document
 * made from the schemas they validate with (the app's route list, its V1 routes), each under the official
 * operationId and tag. The official operations it does not simulate are listed in the document's
 * description and under `x-not-simulated`, so a reader sees at once what is missing.
 * Built on first request, like the control API's document (docs.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { SwaggerOptions } from '@fastify/swagger'
import { OFFICIAL_OPERATIONS, isNotSimulated, type OfficialOperation } from '../../api/v1/official-operations.js'
import { routesOfApi, type RouteFacts } from '../shared/http/namespaces.js'
import { openApiPath } from '../v1/hints/routes.js'
import { buildDocument, type NotedRoute } from './docs.js'
import { sendJson } from './errors.js'

const key = (method: string, path: string) => `${method} ${path}`

/**
 * The official operation a route simulates: the one with its method and path, or one whose path
 * ends in a parameter the route leaves out (the official `/payments/find/{merchant_uid}/{payment_status}`
 * has an optional status, which the simulator serves as two routes). `omitted` names that parameter.
 */
function officialFor(method: string, path: string): { op: OfficialOperation; omitted: string | null } | null {
  for (const op of OFFICIAL_OPERATIONS) if (op.method === method && op.path === path) return { op, omitted: null }
  for (const op of OFFICIAL_OPERATIONS) {
    const trailing = /\/\{([^}]+)\}$/.exec(op.path)
    if (op.method === method && trailing && op.path.slice(0, trailing.index) === path) return { op, omitted: trailing[1]! }
  }
  return null
}

/** The official operations split into the simulated ones (by `METHOD /path`) and the rest. */
export function coverage(routes: readonly RouteFacts[]): { simulated: Set<string>; missing: OfficialOperation[] } {
  const simulated = new Set<string>()
  for (const r of routes) {
    const found = officialFor(r.method, openApiPath(r.url))
    // A named family's route answers only "not simulated": it is registered, not simulated.
    if (found && !isNotSimulated(found.op)) simulated.add(key(found.op.method, found.op.path))
  }
  return { simulated, missing: OFFICIAL_OPERATIONS.filter((op) => !simulated.has(key(op.method, op.path))) }
}

function options(missing: readonly OfficialOperation[], simulatedCount: number): SwaggerOptions {
  const rows = missing.map((op) => `| ${op.method} | \`${op.path}\` | ${op.operationId} |`).join('\n')
  return {
    openapi: {
      info: {
        title: "iamport-mock: the simulated i'mport V1 REST API",
        version: '1',
        description:
          `The i'mport (PortOne V1) operations this simulator answers: ${simulatedCount} of the ${OFFICIAL_OPERATIONS.length} ` +
          'in the official document, with the schemas the simulator checks requests with. Every answer is the envelope ' +
          '{ code, message, response }; refusals caused by a common mistake carry an English X-Iamport-Mock-Hint header.\n\n' +
          'Authorise with POST /users/getToken (the docs test pair imp_key imp_apikey works), then send the access_token ' +
          'in the Authorization header.\n\n' +
          `### Not simulated (${missing.length})\n\n| method | path | operationId |\n|---|---|---|\n${rows}`
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: { accessToken: { type: 'apiKey', in: 'header', name: 'Authorization' } } },
      'x-not-simulated': missing.map(({ method, path, operationId }) => ({ method, path, operationId }))
    } as SwaggerOptions extends { openapi?: infer O } ? O : never
  }
}

/** The V1 routes as the document's routes: official operationId, tag and security on each method. */
function notedRoutes(routes: readonly RouteFacts[]): NotedRoute[] {
  return routes.map(({ method, url, schema }) => {
    const found = officialFor(method, openApiPath(url))
    // operationIds are unique: a route leaving out an optional parameter gets a suffix naming it.
    const operationId = found && (found.omitted === null ? found.op.operationId : `${found.op.operationId}_without_${found.omitted}`)
    return {
      method,
      url,
      schema: {
        ...schema,
        tags: [found?.op.tag ?? 'simulator'],
        ...(operationId ? { operationId } : {}),
        ...(found?.omitted ? { description: `The official ${found.op.operationId} with its optional {${found.omitted}} left out.` } : {}),
        ...(found && isNotSimulated(found.op)
          ? { summary: 'Not simulated: answers HTTP 400 with a not-simulated envelope', 'x-not-simulated': true }
          : {}),
        ...(operationId === 'getToken' ? {} : { security: [{ accessToken: [] }] })
      }
    }
  })
}

/** Serves the V1 document at `/docs/v1` of `app` (the control API's scope), from the app's route list. */
export function serveV1Docs(app: FastifyInstance, allRoutes: readonly RouteFacts[]): void {
  let document: Promise<unknown> | undefined
  app.get('/docs/v1', { schema: { hide: true } }, async (_request, reply) => {
    document ??= (() => {
      // Read on first request: by then every route is registered.
      const routes = routesOfApi(allRoutes, 'v1')
      const { simulated, missing } = coverage(routes)
      return buildDocument(notedRoutes(routes), options(missing, simulated.size))
    })()
    return sendJson(reply, 200, await document)
  })
}
