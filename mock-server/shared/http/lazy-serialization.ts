/**
 * Response serializers compiled on first use and shared by every app in the process. Fastify
 * compiles a fast-json-stringify function for every route's response schema when the app starts;
 * a test suite builds hundreds of apps and most of them answer a few routes, so that compile was
 * the largest cost of building one. A serializer is a pure function of its schema, so one compiled
 * for a schema object serves every app that registers the same (module-level) schema. It holds
 * code, never response data. Apps with shared schemas (`addSchema`) compile their own, as before.
 */
import SerializerSelector from '@fastify/fast-json-stringify-compiler'

type Serialize = (data: unknown) => string
type RouteSerializerInput = { schema: object; method: string; url: string; httpStatus: string; contentType?: string }
type BuildRouteSerializer = (route: RouteSerializerInput) => Serialize
type BuildSerializer = (externalSchemas: unknown, options: unknown) => BuildRouteSerializer

const selector = (SerializerSelector as unknown as () => BuildSerializer)()
/** Compiled serializers by response schema object, for apps without shared schemas. */
const compiled = new WeakMap<object, Serialize>()

export function lazySerializerFactory(): BuildSerializer {
  return (externalSchemas, options) => {
    const shareable = externalSchemas === undefined || externalSchemas === null || Object.keys(externalSchemas as object).length === 0
    let compileRoute: BuildRouteSerializer | undefined
    const compile = (route: RouteSerializerInput): Serialize => {
      compileRoute ??= selector(externalSchemas, options)
      if (!shareable) return compileRoute(route)
      let serialize = compiled.get(route.schema)
      if (serialize === undefined) {
        serialize = compileRoute(route)
        compiled.set(route.schema, serialize)
      }
      return serialize
    }
    return (route) => {
      let serialize: Serialize | undefined
      return (data) => {
        serialize ??= compile(route)
        return serialize(data)
      }
    }
  }
}
