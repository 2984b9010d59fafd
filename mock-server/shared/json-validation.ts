/**
 * Validation errors a person can act on: ajv set up for JSON inputs (no coercion of bodies, every
 * error at once, `discriminator` for tagged unions) and one readable line per error naming the
 * field. Used by the fault-rule validator and the control API; knows nothing of either.
 */
import { Ajv, type ErrorObject } from 'ajv'

/**
 * The control API's ajv: no type coercion (a rule is JSON, "5" is not 5), every error at once,
 * and `discriminator` so an action is checked against the branch its `type` names.
 */
export function createJsonAjv(options: { coerceTypes?: boolean | 'array' } = {}): Ajv {
  // verbose: errors carry the schema they failed, so a union can be described as a whole.
  return new Ajv({ allErrors: true, strict: false, discriminator: true, verbose: true, coerceTypes: options.coerceTypes ?? false })
}

/** `/then/1/ms` → `then[1].ms`. */
export function fieldPath(instancePath: string): string {
  const parts = instancePath.split('/').filter(Boolean)
  let out = ''
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`
  return out
}

/** `{ type: 'integer', minimum: 1 }` → `an integer >= 1`. */
function describeBranch(schema: unknown): string {
  const s = (schema ?? {}) as Record<string, unknown>
  const type = s.type
  if (type === 'null') return 'null'
  const noun = type === 'integer' ? 'an integer' : type === 'object' ? 'an object' : type === 'array' ? 'an array' : `a ${String(type ?? 'value')}`
  const bounds: string[] = []
  if (typeof s.minimum === 'number') bounds.push(`>= ${s.minimum}`)
  if (typeof s.maximum === 'number') bounds.push(`<= ${s.maximum}`)
  return bounds.length > 0 ? `${noun} ${bounds.join(' and ')}` : noun
}

/** One readable line per ajv error, naming the field. */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  whole = 'the body',
  /** For a tagged union (`discriminator`): what one branch is called and the tags it accepts. */
  tags: { noun: string; values: readonly string[] } = { noun: 'a known type', values: [] }
): string[] {
  const lines: string[] = []
  // A value that fits no branch of a union gets one line saying what the union takes, rather
  // than one line per branch ("must be >= 1", "must be null").
  const unions = errors.filter((e) => e.keyword === 'anyOf')
  const insideUnion = (err: ErrorObject) =>
    unions.some((u) => u !== err && u.instancePath === err.instancePath && err.schemaPath.startsWith(`${u.schemaPath}/`))
  for (const err of errors) {
    if (insideUnion(err)) continue
    const at = fieldPath(err.instancePath)
    const field = (name: string) => (at === '' ? name : `${at}.${name}`)
    const p = err.params as Record<string, unknown>
    switch (err.keyword) {
      case 'required':
        // The discriminator reports a missing `type` a second time; say it once.
        lines.push(`${field(String(p.missingProperty))} is required`)
        break
      case 'additionalProperties':
        lines.push(`${at || whole} has an unknown field "${String(p.additionalProperty)}"`)
        break
      case 'discriminator':
        if (p.error === 'mapping') {
          lines.push(`${field('type')} "${String(p.tagValue)}" is not ${tags.noun} (one of ${tags.values.join(', ')})`)
        } else if (p.tagValue !== undefined) {
          lines.push(`${field('type')} must be a string (one of ${tags.values.join(', ')})`)
        }
        break
      case 'enum':
        lines.push(`${at} must be one of ${(p.allowedValues as unknown[]).join(', ')}`)
        break
      case 'type':
        lines.push(
          `${at || whole} must be ${String(p.type)
            .split(',')
            .map((type) => describeBranch({ type }))
            .join(' or ')}`
        )
        break
      case 'minimum':
      case 'maximum':
        lines.push(`${at} must be ${String(p.comparison)} ${String(p.limit)}`)
        break
      case 'minLength':
        lines.push(`${at} must not be empty`)
        break
      case 'maxLength':
        lines.push(`${at} must be at most ${String(p.limit)} characters`)
        break
      case 'maxItems':
        lines.push(`${at} must have at most ${String(p.limit)} items`)
        break
      case 'pattern':
        lines.push(`${at} is malformed (must match ${String(p.pattern)})`)
        break
      case 'anyOf':
        lines.push(`${at || whole} must be ${(Array.isArray(err.schema) ? err.schema : []).map(describeBranch).join(' or ')}`)
        break
      case 'oneOf':
        // The discriminator's branch errors (listed separately) say more than "must match one schema".
        break
      default:
        lines.push(`${at || whole} ${err.message ?? 'is invalid'}`)
    }
  }
  // A missing `type` is reported by both `required` and the discriminator; keep the first.
  return [...new Set(lines)]
}
