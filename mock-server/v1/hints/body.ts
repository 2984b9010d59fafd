/**
 * Hints about how a body was sent: a body that was not read as JSON (no Content-Type, another
 * type, or JSON sent as a form), and an amount sent as a JSON string. The amount is noted before
 * validation, since the schema's type coercion turns "1000" into 1000 in place.
 */
import type { FastifyRequest } from 'fastify'
import { quote } from '../../shared/http/hints.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** A money field of a JSON body that came as a string, as sent (set before validation). */
    stringAmount: { field: string; value: string } | null
  }
}

const MONEY_FIELDS = ['amount', 'tax_free', 'vat_amount', 'checksum'] as const
const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\b/i
const FORM_TYPE = /^application\/x-www-form-urlencoded\b/i

/** preValidation: notes the first money field (top level or in `schedules[]`) a JSON body sends as a string. */
export function noteStringAmount(request: FastifyRequest): void {
  if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) return
  const body = request.body as Record<string, unknown> | null
  if (typeof body !== 'object' || body === null) return
  const rows: Array<[prefix: string, row: unknown]> = [['', body]]
  if (Array.isArray(body.schedules)) {
    for (const [i, row] of body.schedules.slice(0, 100).entries()) rows.push([`schedules[${i}].`, row])
  }
  for (const [prefix, row] of rows) {
    if (typeof row !== 'object' || row === null) continue
    for (const field of MONEY_FIELDS) {
      const value = (row as Record<string, unknown>)[field]
      if (typeof value === 'string') {
        request.stringAmount = { field: `${prefix}${field}`, value }
        return
      }
    }
  }
}

function hasBody(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0)
  return length > 0 || request.headers['transfer-encoding'] !== undefined
}

/** A refused request whose body was not read the way its sender meant. */
export function explainContentType(request: FastifyRequest): string | null {
  if (!hasBody(request)) return null
  const type = request.headers['content-type']
  if (type === undefined || type === '') {
    return 'The request has a body but no Content-Type, so it was read as a form with no fields and the parameters looked missing; send Content-Type: application/json with a JSON body.'
  }
  if (JSON_TYPE.test(type)) return null
  if (!FORM_TYPE.test(type)) {
    return `The body was not read: Content-Type ${quote(type)} is neither application/json nor application/x-www-form-urlencoded, so the parameters looked missing; send Content-Type: application/json with a JSON body.`
  }
  const keys = typeof request.body === 'object' && request.body !== null ? Object.keys(request.body) : []
  if (keys.some((key) => /^\s*[{[]/.test(key))) {
    return 'The body looks like JSON but was sent as application/x-www-form-urlencoded, so it was read as a form whose one field is named after the whole text; send Content-Type: application/json.'
  }
  return null
}

/** A refused request that sent an amount as a JSON string. */
export function explainStringAmount(request: FastifyRequest): string | null {
  const noted = request.stringAmount
  if (noted === null) return null
  return `${noted.field} was sent as a JSON string (${quote(noted.value)}), not a number; send it as a JSON number of won, with no separators or unit (e.g. 1000).`
}
