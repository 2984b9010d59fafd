/**
 * Checks a fault rule and says precisely what is wrong with it: the field (`action.ms`,
 * `then[1].type`…) and the problem, in one line per problem. The same check runs on rules from
 * the control API and from the config file, so both refuse a rule with the same words.
 */
import type { ValidateFunction } from 'ajv'
import { createJsonAjv, describeAjvErrors } from '../json-validation.js'
import { FaultRuleSchema, ACTION_TYPES, type FaultAction, type FaultRuleInput } from '../../../api/control/faults.js'
import { compilePath } from './match.js'
import { CHARGE_ROUTES } from '../../../api/v1/route-facts.js'

export class FaultRuleError extends Error {
  override readonly name = 'FaultRuleError'
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '))
  }
}

/** How a fault action's `type` is described in errors. */
export const ACTION_TAGS = { noun: 'an action', values: ACTION_TYPES }

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
  validateRule ??= createJsonAjv().compile(FaultRuleSchema)
  if (!validateRule(input)) {
    throw new FaultRuleError(describeAjvErrors(validateRule.errors ?? [], 'the rule', ACTION_TAGS))
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
