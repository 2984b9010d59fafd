/**
 * Which API a request belongs to, read from route metadata rather than from URL strings: each wing
 * tags the routes it registers (`tagRoutes`, an `onRoute` hook, the way @fastify/rate-limit reads
 * its per-route `config`), and the shared hooks (error answers, limits, faults, journal) ask
 * `apiOf(request)`. Only a request that matched no route (a 404, or one refused before routing)
 * falls back to the URL, through the one table of URL spaces below.
 */
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify'
import type { RouteKind } from '../faults/route-kinds.js'

/**
 * The APIs the simulator answers: i'mport V1, PortOne V2 (its own app and port), the simulator's
 * own control API, and the browser checkout (the SDK script, the test payment window and the
 * window's own small API).
 */
export type ApiName = 'v1' | 'v2' | 'control' | 'checkout'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by `tagRoutes` on every route of a wing. */
    api?: ApiName
    /** `true` on the few routes of an API that need no credentials (V1 `getToken`). */
    public?: boolean
    /** What a fault can do on this route: a charge (`again`, `onetime`, `scheduled`), a card check (`issue`), a token… */
    faultKind?: RouteKind
  }
}

/** Tags every route registered in this scope (and in the plugins it registers) with its API. */
export function tagRoutes(app: FastifyInstance, api: ApiName): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, api: route.config?.api ?? api }
  })
}

/**
 * URL spaces owned by an API other than the app's main one, for requests no route matched. The
 * control API is the only one: everything under `/__mock`.
 */
/** Where the control API is mounted (the one place the prefix is written). */
export const CONTROL_PREFIX = '/__mock'

/** Where the payment window and its own API are served (never an i'mport REST path). */
export const CHECKOUT_PREFIX = '/__checkout'

const URL_SPACES: ReadonlyArray<readonly [prefix: string, api: ApiName]> = [
  [CONTROL_PREFIX, 'control'],
  [CHECKOUT_PREFIX, 'checkout']
]

/** The API of a URL that matched no route; `fallback` (the app's main API) for any other. */
export function apiOfUrl(url: string, fallback: ApiName): ApiName {
  for (const [prefix, api] of URL_SPACES) {
    if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) return api
  }
  return fallback
}

/** The API a request is for: its route's tag, else its URL space. */
export function apiOf(request: FastifyRequest, fallback: ApiName = 'v1'): ApiName {
  return request.routeOptions.config?.api ?? apiOfUrl(request.url, fallback)
}

/** A registered route as the app's route list keeps it: enough for docs and coverage tests. */
export interface RouteFacts {
  readonly method: string
  /** The pattern as registered, e.g. `/payments/:imp_uid`. */
  readonly url: string
  readonly api: ApiName | undefined
  readonly faultKind: RouteKind | undefined
  /** The schemas it validates with (for the generated OpenAPI documents). */
  readonly schema: FastifySchema | undefined
}

/**
 * Keeps a list of every route registered from now on (an `onRoute` hook at the root, so it must
 * run before any wing registers). The list is filled at registration and never changes after
 * `ready`; it answers "which routes does this app serve" without parsing URL strings.
 */
export function collectRoutes(app: FastifyInstance): readonly RouteFacts[] {
  const routes: RouteFacts[] = []
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) {
      // Read through `route` when asked, not now: this root hook runs before the wing's own
      // `onRoute` hooks have tagged the route.
      routes.push({
        method,
        url: route.url,
        get api() {
          return route.config?.api
        },
        get faultKind() {
          return route.config?.faultKind
        },
        get schema() {
          return route.schema
        }
      })
    }
  })
  return routes
}

/** One API's routes in a route list, without the HEAD routes Fastify adds to GETs. */
export function routesOfApi(routes: readonly RouteFacts[], api: ApiName): RouteFacts[] {
  return routes.filter((r) => r.api === api && r.method !== 'HEAD')
}
