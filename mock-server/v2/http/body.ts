/**
 * Request bodies as the real PortOne SDK sends them: JSON text with `Content-Type: text/plain`
 * (fetch's default for a string body), with `application/json`, or with no content type at all;
 * and, on the list routes and `DELETE /payment-schedules`, the JSON in a `requestBody` query
 * parameter. Every route validates its body here against its api/v2 schema, so a bad one is an
 * INVALID_REQUEST naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { TSchema, Static } from 'typebox'
import { v2errors } from '../../../api/v2/errors.js'

const ajv = new Ajv({ allErrors: false, strict: false, coerceTypes: false })
;(addFormats as unknown as (a: Ajv) => void)(ajv)

/** Every content type (or none) is read as text and parsed as JSON; an empty body is `{}`. */
export function installJsonParsing(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, text, done) => {
    const body = String(text)
    if (body.trim() === '') return done(null, {})
    try {
      done(null, JSON.parse(body) as unknown)
    } catch {
      done(v2errors.invalidRequest('요청 본문이 올바른 JSON이 아닙니다.'), undefined)
    }
  })
}

/**
 * A check for one schema: returns the value typed, or throws INVALID_REQUEST. Compiled at its
 * first use, so start-up does not pay for routes nobody calls.
 */
export function compileBody<S extends TSchema>(schema: S): (value: unknown) => Static<S> {
  let validate: ValidateFunction | null = null
  return (value) => {
    validate ??= ajv.compile(schema as object)
    if (validate(value)) return value as Static<S>
    const first = validate.errors?.[0]
    const where = first ? (first.instancePath === '' ? '(본문)' : first.instancePath.slice(1).replaceAll('/', '.')) : '(본문)'
    const what =
      first?.keyword === 'required'
        ? `${String((first.params as { missingProperty: string }).missingProperty)} 필드는 필수입니다.`
        : `${where} 값이 올바르지 않습니다.`
    throw v2errors.invalidRequest(first?.keyword === 'required' && where !== '(본문)' ? `${where}.${what}` : what)
  }
}

/** The body of a GET/DELETE list route: the `requestBody` query parameter's JSON, `{}` without one. */
export function queryBody(request: FastifyRequest): unknown {
  const raw = (request.query as Record<string, unknown>).requestBody
  if (raw === undefined) return {}
  if (typeof raw !== 'string') throw v2errors.invalidRequest('requestBody 쿼리 파라미터가 올바르지 않습니다.')
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw v2errors.invalidRequest('requestBody 쿼리 파라미터가 올바른 JSON이 아닙니다.')
  }
}
