/**
 * The fault rules in force, and the choice of what happens to one request.
 *
 * Rules are tried in the order they were added; the first one that matches the request, whose
 * current step applies to that route, and whose probability draw fires, acts on it, and only that
 * one. Acting uses up one of its `times`; a rule with none left is removed.
 *
 * Probabilities draw from a stream per rule, seeded from the server seed and the rule itself (or
 * its own `seed`), never from ids or arrival order: the same rule meeting the same sequence of
 * matching calls fires on the same calls, run after run, whatever other CI shards do meanwhile.
 */
import { Random } from '../ids.js'
import { compileMatch, matches, type CompiledMatch, type RequestFacts } from './match.js'
import { parseFaultRule, type ParsedRule } from './validate.js'
import { actsOn, PAYMENT_WINDOW, SCHEDULED_RUN } from './route-kinds.js'
import type { FaultAction, FaultRuleInput, FaultRuleView, RuleOrigin } from '../../../api/control/faults.js'

class ActiveRule {
  hits = 0
  readonly match: CompiledMatch
  private readonly random: Random

  constructor(
    readonly id: string,
    readonly origin: RuleOrigin,
    readonly parsed: ParsedRule,
    serverSeed: string
  ) {
    this.match = compileMatch(parsed.input.match ?? {})
    // A rule's own seed stands alone, so the rule fires alike whatever the server's seed.
    const { seed } = parsed.input
    this.random = new Random(seed === undefined ? `${serverSeed}:fault:${canonicalJson(parsed.input)}` : `fault:${seed}`)
  }

  get remaining(): number | null {
    return this.parsed.times === null ? null : this.parsed.times - this.hits
  }

  /** The action for the next call it acts on. */
  currentStep(): FaultAction {
    const { steps } = this.parsed
    return steps[Math.min(this.hits, steps.length - 1)]!
  }

  /** One draw from the rule's stream; always fires at probability 1 without drawing. */
  fires(): boolean {
    const p = this.parsed.probability
    if (p >= 1) return true
    return this.random.next() < p
  }

  view(): FaultRuleView {
    const { input, times, probability, steps } = this.parsed
    return {
      id: this.id,
      origin: this.origin,
      match: input.match ?? {},
      action: steps[0]!,
      then: steps.slice(1),
      times,
      remaining: this.remaining,
      probability,
      hits: this.hits,
      description: input.description ?? null
    }
  }
}

/** JSON with sorted keys, so that `{a,b}` and `{b,a}` seed the same stream. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export interface FaultDecision {
  readonly ruleId: string
  readonly action: FaultAction
  /**
   * A decline found before the charge (`defer-decline`): nothing was drawn or used up yet; the
   * charge asks again (`decline-only`) at the point the real API would call the PG.
   */
  readonly deferred?: true
}

/**
 * Which rules a decision considers: `all`; `defer-decline`, before the route runs, where a rule
 * whose step is a decline is reported as deferred and left untouched; `decline-only`, at the
 * charge, where only decline steps act.
 */
export type DecisionMode = 'all' | 'defer-decline' | 'decline-only'

export class FaultEngine {
  private rules: ActiveRule[] = []
  private nextId = 1

  constructor(
    private readonly seed: string,
    /** Rules from the config file, in force at start and again after a full reset. */
    private readonly startupRules: readonly FaultRuleInput[] = []
  ) {
    this.installStartupRules()
  }

  /** Validates and appends a rule. Throws `FaultRuleError` for an invalid one. */
  add(input: unknown, origin: RuleOrigin = 'api'): FaultRuleView {
    const parsed = parseFaultRule(input)
    const rule = new ActiveRule(`flt_${this.nextId++}`, origin, parsed, this.seed)
    this.rules.push(rule)
    return rule.view()
  }

  /** Every rule, or those that can act on one merchant (its own and the unscoped ones). */
  list(impKey?: string): FaultRuleView[] {
    return this.rules.filter((r) => impKey === undefined || appliesTo(r, impKey)).map((r) => r.view())
  }

  get size(): number {
    return this.rules.length
  }

  remove(id: string): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((r) => r.id !== id)
    return this.rules.length < before
  }

  /** Removes every rule, or only the rules scoped to one merchant (`match.imp_key`). Returns how many. */
  clear(impKey?: string): number {
    const before = this.rules.length
    this.rules = impKey === undefined ? [] : this.rules.filter((r) => r.match.spec.imp_key !== impKey)
    return before - this.rules.length
  }

  /** A full reset: the config file's rules again, fresh, and nothing else. */
  reset(): void {
    this.rules = []
    this.installStartupRules()
  }

  /**
   * What happens to this request: the first rule that matches, applies to the route and fires
   * acts on it (and uses up one of its times). Null when no rule does.
   */
  decide(facts: RequestFacts, mode: DecisionMode = 'all'): FaultDecision | null {
    for (const rule of this.rules) {
      if (!matches(rule.match, facts)) continue
      const action = rule.currentStep()
      // A decline only means something on a charge, a delay or a drop only on an HTTP call; other
      // calls go by untouched.
      if (!actsOn(facts.kind, action.type, facts.path === SCHEDULED_RUN || facts.path === PAYMENT_WINDOW)) continue
      if (mode === 'decline-only' && action.type !== 'decline') continue
      // A request refused after this point (already paid, unknown customer) must leave it armed.
      if (mode === 'defer-decline' && action.type === 'decline') return { ruleId: rule.id, action, deferred: true }
      if (!rule.fires()) continue
      rule.hits++
      if (rule.remaining === 0) this.remove(rule.id)
      return { ruleId: rule.id, action }
    }
    return null
  }

  private installStartupRules(): void {
    for (const input of this.startupRules) this.add(input, 'config')
  }
}

function appliesTo(rule: ActiveRule, impKey: string): boolean {
  const scope = rule.match.spec.imp_key
  return scope === undefined || scope === impKey
}
