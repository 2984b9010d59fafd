/**
 * Input checks of the control API. JSON bodies are taken as they are ("5" is not 5); query
 * strings are text, so they coerce. Compiled validators are pure functions of their schema, so
 * they are kept per process: every app built in a test run reuses them instead of compiling the
 * fault rule schema again (the costliest part of building the control API).
 */
import type { Ajv, ValidateFunction } from 'ajv'
import { createControlAjv } from '../faults/validate.js'

let bodyAjv: Ajv | undefined
let queryAjv: Ajv | undefined
const compiled = new Map<string, ValidateFunction>()

export function compileControlValidator(schema: unknown, isBody: boolean): ValidateFunction {
  const key = `${isBody ? 'body' : 'query'}:${JSON.stringify(schema)}`
  let validate = compiled.get(key)
  if (!validate) {
    const ajv = isBody ? (bodyAjv ??= createControlAjv()) : (queryAjv ??= createControlAjv({ coerceTypes: true }))
    validate = ajv.compile(schema as object)
    compiled.set(key, validate)
  }
  return validate
}
