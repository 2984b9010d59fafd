/** The V2 catalogue against the committed official document: every type exists there with the same status. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { V2_ERROR_TYPES, type V2Error, v2errors, type V2ErrorType } from './errors.js'

const doc = JSON.parse(readFileSync(fileURLToPath(new URL('./official/portone-v2-openapi.json', import.meta.url)), 'utf8')) as {
  components: { schemas: Record<string, { 'x-portone-status-code'?: number; properties?: { type?: unknown } }> }
}
const schemas = doc.components.schemas

/** type → the schema a discriminator mapping of the document names for it. */
const mapped = new Map<string, Set<string>>()
for (const schema of Object.values(schemas) as Array<{ discriminator?: { mapping?: Record<string, string> } }>) {
  for (const [type, ref] of Object.entries(schema.discriminator?.mapping ?? {})) {
    const set = mapped.get(type) ?? new Set<string>()
    set.add(ref.split('/').pop()!)
    mapped.set(type, set)
  }
}

describe('the V2 error catalogue', () => {
  it.each(Object.entries(V2_ERROR_TYPES))('%s has the status and schema the document gives it', (type, entry) => {
    expect(schemas[entry.schema]?.['x-portone-status-code']).toBe(entry.status)
    expect(mapped.get(type)).toContain(entry.schema)
  })

  it("answers every factory with its type's status and a message, and PG_PROVIDER with the PG fields", () => {
    const made = Object.values(v2errors).map((f) => (f as (...a: string[]) => V2Error)('a', 'b'))
    for (const error of made) {
      expect(error.httpStatus).toBe(V2_ERROR_TYPES[error.type as V2ErrorType].status)
      expect(error.message.length).toBeGreaterThan(0)
    }
    expect(v2errors.pgProvider('F113', '거래거절').toBody()).toEqual({
      type: 'PG_PROVIDER',
      message: 'PG사에서 오류를 전달했습니다: 거래거절',
      pgCode: 'F113',
      pgMessage: '거래거절'
    })
    expect(Object.keys(v2errors.paymentNotFound().toBody())).toEqual(['type', 'message'])
  })
})
