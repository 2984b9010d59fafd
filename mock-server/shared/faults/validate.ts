/**
 * Checks a fault rule and says precisely what is wrong with it: the field (`action.ms`,
 * `then[1].type`…) and the problem, in one line per problem. The same check runs on rules from
 * the control API and from the config file, so both refuse a rule with the same words.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { FaultRuleSchema, ACTION_TYPES, type FaultAction, type FaultRuleInput } from '../../../api/control/faults.js'
import { compilePath } from './match.js'
import { CHARGE_ROUTES } from '../../../api/v1/route-facts.js'

export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError'
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '))
  }
}

/**
 * The control API's ajv: no type coercion (a rule is JSON, "5" is not 5), every error at once,
 * and `discriminator` so an action is checked against the branch its `type` names.
 */
export function createControlAjv(options: { coerceTypes?: boolean | 'array' } = {}): Ajv {
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
export function describeAjvErrors(errors: readonly ErrorObject[], whole = 'the body'): string[] {
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
          lines.push(`${field('type')} "${String(p.tagValue)}" is not an action (one of ${ACTION_TYPES.join(', ')})`)
        } else if (p.tagValue !== undefined) {
          lines.push(`${field('type')} must be a string (one of ${ACTION_TYPES.join(', ')})`)
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

let validateRule: ValidateFunction | undefined

/** A rule as the engine keeps it: every default filled in, the sequence spelled out. */
export interface ParsedRule {
  readonly input: FaultRuleInput
  /** `action` followed by `then`: step i acts on the (i+1)-th matching call; the last repeats. */
  readonly steps: readonly FaultAction[]
  /** Matching calls the rule acts on; null = until deleted. */
  readonly times: number | null
  readonly probability: number
}

/** Validates a rule and fills in its defaults. Throws `FaultRuleError` listing every problem. */
export function parseFaultRule(input: unknown): ParsedRule {
  validateRule ??= createControlAjv().compile(FaultRuleSchema)
  if (!validateRule(input)) {
    throw new FaultRuleError(describeAjvErrors(validateRule.errors ?? [], 'the rule'))
  }
  const rule = input as FaultRuleInput
  const steps = [rule.action, ...(rule.then ?? [])]
  const problems: string[] = []

  const times = rule.times === undefined ? steps.length : rule.times
  if (times !== null && times < steps.length) {
    problems.push(`times (${times}) is shorter than the sequence of ${steps.length} actions (action + then); the rest would never run`)
  }

  // A decline acts on charges only; a rule that can only ever meet other routes is a mistake.
  if (steps.some((s) => s.type === 'decline')) {
    const { method, path } = rule.match ?? {}
    if (method !== undefined && method !== 'POST') {
      problems.push(`a decline acts on charges (POST ${CHARGE_ROUTES.join(', ')}); match.method ${method} never is one`)
    }
    if (path !== undefined) {
      const matcher = compilePath(path)
      if (!CHARGE_ROUTES.some((route) => matcher(route, route))) {
        problems.push(`a decline acts on charges (${CHARGE_ROUTES.join(', ')}); match.path ${path} is not one`)
      }
    }
  }
  if (problems.length > 0) throw new FaultRuleError(problems)
  return { input: rule, steps, times, probability: rule.probability ?? 1 }
}
