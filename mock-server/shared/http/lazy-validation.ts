/**
 * Route validators compiled on first use instead of at start-up. Fastify compiles every route's
 * ajv validators before it listens, which is most of the simulator's start-up time; CI jobs start
 * it often and exercise a few routes, so each route pays its few milliseconds on its first request
 * instead. The schemas are the project's own and every route is covered by tests, so a broken
 * schema still fails the suite.
 */
import AjvCompiler from '@fastify/ajv-compiler'
import { nonFiniteError, nonFinitePath } from './finite-numbers.js'

type Validate = ((data: unknown, context?: unknown) => boolean) & { errors?: unknown }
type BuildRouteValidator = (route: { schema: unknown; method: string; url: string; httpPart: string }) => Validate
type BuildValidator = (externalSchemas: unknown, options: unknown) => BuildRouteValidator

/**
 * One ajv pool per process: compiled validators are a pure function of their schema (ajv caches
 * them by schema object), so apps built in the same process (tests, parallel in-process
 * simulators) share the work. It holds code, never request data.
 */
const pool = (AjvCompiler as unknown as () => BuildValidator)()

export function lazyValidatorFactory(): BuildValidator {
  return (externalSchemas, options) => {
    let compileRoute: BuildRouteValidator | undefined
    return (route) => {
      let validate: Validate | undefined
      const lazy: Validate & { schemaEnv?: boolean } = (data, context) => {
        validate ??= (compileRoute ??= pool(externalSchemas, options))(route)
        const valid = validate(data, context)
        lazy.errors = validate.errors
        if (!valid) return false
        // After ajv, since its coercion is what turns "999…9" into Infinity.
        const path = nonFinitePath(data)
        if (path === null) return true
        lazy.errors = [nonFiniteError(path)]
        return false
      }
      // Tells Fastify to pass the parent context, which ajv needs to coerce a root value.
      lazy.schemaEnv = true
      return lazy
    }
  }
}
