/**
 * Webhook faults: what goes wrong on i'mport's side of a webhook, for testing a receiver.
 *   - `drop`: the webhook is never sent (the outbox shows it `dropped`);
 *   - `duplicate`: it is sent twice (the guide warns that the same webhook may arrive more than once);
 *   - `delay`: it is held for `delay_seconds` of simulator time, then sent (moving the clock sends it).
 *
 * Rules are tried in the order they were added; the first whose `match` fits a new delivery acts on
 * it and uses up one of its `times` (default 1; null = until deleted). They are separate from the
 * request fault rules of `/__mock/faults`, which act on API calls rather than on what i'mport sends.
 */
import type { WebhookFaultAction, WebhookFaultInput, WebhookFaultMatch, WebhookFaultView } from '../../../api/control/webhooks.js'

/** What a delivery is about, for matching. */
export interface WebhookFacts {
  imp_key: string | null
  merchant_uid: string | null
  imp_uid: string | null
  status: string | null
}

export class WebhookFaultError extends Error {
  override readonly name = 'WebhookFaultError'
}

interface Rule {
  readonly id: string
  readonly match: WebhookFaultMatch
  readonly action: WebhookFaultAction
  readonly delay_seconds: number | null
  readonly times: number | null
  hits: number
}

export class WebhookFaults {
  private rules: Rule[] = []
  private nextId = 1

  /** Adds a rule; throws `WebhookFaultError` for one that says something impossible. */
  add(input: WebhookFaultInput): WebhookFaultView {
    if (input.action === 'delay' && !(typeof input.delay_seconds === 'number' && input.delay_seconds > 0)) {
      throw new WebhookFaultError('a delay needs delay_seconds > 0')
    }
    if (input.action !== 'delay' && input.delay_seconds !== undefined) {
      throw new WebhookFaultError(`delay_seconds only goes with action "delay", not "${input.action}"`)
    }
    const rule: Rule = {
      id: `whf_${this.nextId++}`,
      match: { ...input.match },
      action: input.action,
      delay_seconds: input.action === 'delay' ? input.delay_seconds! : null,
      times: input.times === undefined ? 1 : input.times,
      hits: 0
    }
    this.rules.push(rule)
    return view(rule)
  }

  list(): WebhookFaultView[] {
    return this.rules.map(view)
  }

  remove(id: string): boolean {
    const before = this.rules.length
    this.rules = this.rules.filter((r) => r.id !== id)
    return this.rules.length < before
  }

  /** Removes every rule, or those scoped to one merchant (`match.imp_key`). */
  clear(impKey?: string): void {
    this.rules = impKey === undefined ? [] : this.rules.filter((r) => r.match.imp_key !== impKey)
  }

  /** The rule that acts on a new delivery (using up one of its times), or null. */
  take(facts: WebhookFacts): WebhookFaultView | null {
    for (const rule of this.rules) {
      if (!matches(rule.match, facts)) continue
      rule.hits++
      if (rule.times !== null && rule.hits >= rule.times) this.remove(rule.id)
      return view(rule)
    }
    return null
  }
}

function matches(match: WebhookFaultMatch, facts: WebhookFacts): boolean {
  return (
    (match.imp_key === undefined || match.imp_key === facts.imp_key) &&
    (match.merchant_uid === undefined || match.merchant_uid === facts.merchant_uid) &&
    (match.imp_uid === undefined || match.imp_uid === facts.imp_uid) &&
    (match.status === undefined || match.status === facts.status)
  )
}

function view(rule: Rule): WebhookFaultView {
  return {
    id: rule.id,
    match: rule.match,
    action: rule.action,
    delay_seconds: rule.delay_seconds,
    times: rule.times,
    remaining: rule.times === null ? null : rule.times - rule.hits,
    hits: rule.hits
  }
}
