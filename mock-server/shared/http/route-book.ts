/**
 * The routes an API wing registered, with their schemas and metadata, noted as they are
 * registered (Fastify lists its routes only as a printed tree). The V1 wing's book feeds its
 * OpenAPI document and its near-miss hints (a path that differs from a real route only by a
 * trailing slash, case or a /v1 prefix).
 */
import type { FastifyInstance, FastifySchema, HTTPMethods } from 'fastify'

export interface BookedRoute {
  readonly methods: readonly HTTPMethods[]
  /** The pattern as registered, e.g. `/payments/:imp_uid`. */
  readonly url: string
  readonly schema: FastifySchema | undefined
}

export class RouteBook {
  readonly routes: BookedRoute[] = []

  /** Notes every route registered in `app`'s scope from now on (HEAD, which Fastify adds to GETs, left out). */
  watch(app: FastifyInstance): void {
    app.addHook('onRoute', (route) => {
      const methods = ([] as HTTPMethods[]).concat(route.method).filter((m) => m !== 'HEAD')
      if (methods.length > 0) this.routes.push({ methods, url: route.url, schema: route.schema })
    })
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The V1 wing's routes (mock-server/v1/index.ts fills it). */
    v1Routes: RouteBook
  }
}
