/**
 * The wire schemas carry every field of the official definitions with a compatible JSON type.
 * Read from the official swagger beside the checkout; skipped, with the reason, where it is absent.
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { TSchema } from 'typebox'
import {
  AuthSchema,
  CancelHistorySchema,
  CustomerSchema,
  PaymentSchema,
  PagedPaymentsSchema,
  PrepareSchema,
  ScheduleItemSchema,
  ScheduleResultSchema
} from './index.js'

const SWAGGER = fileURLToPath(new URL('../../../shared/reference/iamport-swagger.json', import.meta.url))
const present = existsSync(SWAGGER)
if (!present) console.warn(`[spec] ${SWAGGER} is absent: the swagger conformance tests are skipped`)

interface Definition {
  properties: Record<string, { type?: string; $ref?: string; items?: unknown }>
}

const pairs: Array<[string, TSchema]> = [
  ['PaymentAnnotation', PaymentSchema],
  ['CustomerAnnotation', CustomerSchema],
  ['AuthAnnotation', AuthSchema],
  ['PaymentCancelAnnotation', CancelHistorySchema],
  ['PagedPaymentAnnotation', PagedPaymentsSchema],
  ['PaymentPrepareAnnotation', PrepareSchema],
  ['ScheduleResultAnnotation', ScheduleResultSchema],
  ['ScheduleAnnotation', ScheduleItemSchema]
]

/** JSON types a schema property allows (`integer` satisfies `number`). */
function typesOf(schema: { type?: string | string[] }): string[] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  return types.includes('integer') ? [...types, 'number'] : types
}

describe.skipIf(!present)('spec schemas against the official swagger', () => {
  const definitions = present ? (JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Record<string, Definition> }).definitions : {}

  for (const [name, schema] of pairs) {
    it(`${name}: every official field, with a compatible type`, () => {
      const official = definitions[name]!.properties
      const ours = (schema as unknown as { properties: Record<string, { type?: string | string[] }> }).properties

      expect(Object.keys(ours).sort()).toEqual(expect.arrayContaining(Object.keys(official).sort()))
      for (const [field, spec] of Object.entries(official)) {
        const expected = spec.$ref ? 'object' : spec.type
        if (!expected) continue
        expect(typesOf(ours[field]!), `${name}.${field}`).toContain(expected)
      }
    })
  }
})
