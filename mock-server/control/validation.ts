/**
 * Input checks of the control API. JSON bodies are taken as they are ("5" is not 5); query
 * strings are text, so they coerce.
 *
 * Compiling the fault rule schema is the costliest part of building the control API, and most
 * runs never add a rule over HTTP; so each validator compiles at its first use, not at start-up,
 * and once compiled it is kept per process (validators are pure functions of their schema): the
 * apps a test run builds share them.
 */
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv'
import { createJsonAjv } from '../shared/json-validation.js'
import { nonFiniteError, nonFinitePath } from '../shared/http/finite-numbers.js'

let bodyAjv: Ajv | undefined
let queryAjv: Ajv | undefined
const compiled = new Map<string, ValidateFunction>()

function compile(schema: object, isBody: boolean): ValidateFunction {
  const key = `${isBody ? 'body' : 'query'}:${JSON.stringify(schema)}`
  let validate = compiled.get(key)
  if (!validate) {
    const ajv = isBody ? (bodyAjv ??= createJsonAjv()) : (queryAjv ??= createJsonAjv({ coerceTypes: true }))
    validate = ajv.compile(schema)
    compiled.set(key, validate)
  }
  return validate
}

/** What Fastify's validator compiler returns: a check whose `errors` it reads after a failure. */
export interface LazyValidator {
  (data: unknown): boolean
  errors?: ErrorObject[] | null
}

export function compileControlValidator(schema: unknown, isBody: boolean): LazyValidator {
  let validate: ValidateFunction | undefined
  const check: LazyValidator = (data) => {
    validate ??= compile(schema as object, isBody)
    const valid = validate(data) as boolean
    check.errors = validate.errors ?? null
    if (!valid) return false
    const path = nonFinitePath(data)
    if (path === null) return true
    check.errors = [nonFiniteError(path) as ErrorObject]
    return false
  }
  return check
}
