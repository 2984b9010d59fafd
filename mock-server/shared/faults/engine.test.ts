import { describe, expect, it } from 'vitest'
import { FaultEngine } from './engine.js'
import { requestFacts, type RequestFacts } from './match.js'
import type { RouteKind } from './route-kinds.js'

function facts(kind: RouteKind = 'again', impKey = 'imp_a', url = '/subscribe/payments/again'): RequestFacts {
  return requestFacts({ method: 'POST', url, routeUrl: url, kind, impKey, params: {}, body: { customer_uid: 'c_1' }, query: {} })
}

describe('FaultEngine', () => {
  it('acts on as many calls as times says, then removes the rule', () => {
    const engine = new FaultEngine('seed')
    const rule = engine.add({ action: { type: 'drop' }, times: 2 })
    expect(engine.decide(facts())).toEqual({ ruleId: rule.id, action: { type: 'drop' } })
    expect(engine.list()[0]).toMatchObject({ hits: 1, remaining: 1 })
    expect(engine.decide(facts())).not.toBeNull()
    expect(engine.decide(facts())).toBeNull()
    expect(engine.size).toBe(0)
  })

  it('gives each rule its own id, never reused', () => {
    const engine = new FaultEngine('seed')
    const a = engine.add({ action: { type: 'pass' } })
    engine.clear()
    expect(engine.add({ action: { type: 'pass' } }).id).not.toBe(a.id)
  })

  it('lets a decline step pass over calls that are not charges, scheduled runs included as charges', () => {
    const engine = new FaultEngine('seed')
    engine.add({ action: { type: 'decline', fail_reason: '잔액부족' }, times: null })
    expect(engine.decide(facts('issue', 'imp_a', '/subscribe/customers/c_1'))).toBeNull()
    expect(engine.decide(facts('scheduled'))?.action).toEqual({ type: 'decline', fail_reason: '잔액부족' })
    expect(engine.list()[0]!.hits).toBe(1)
  })

  it('fires at the probability asked for, from a reproducible stream', () => {
    const run = (seed: string) => {
      const engine = new FaultEngine(seed)
      engine.add({ action: { type: 'drop' }, times: null, probability: 0.25 })
      return Array.from({ length: 2000 }, () => (engine.decide(facts()) ? 1 : 0)).join('')
    }
    const a = run('one')
    const fired = [...a].filter((c) => c === '1').length
    expect(fired).toBeGreaterThan(400)
    expect(fired).toBeLessThan(600)
    expect(run('one')).toBe(a)
    expect(run('two')).not.toBe(a)
  })

  it('seeds a rule from its content, not from the order rules arrive in', () => {
    const draws = (engine: FaultEngine) => Array.from({ length: 40 }, () => (engine.decide(facts('again', 'imp_b')) ? 1 : 0)).join('')
    const alone = new FaultEngine('seed')
    alone.add({ match: { imp_key: 'imp_b' }, action: { type: 'drop' }, times: null, probability: 0.5 })
    const crowded = new FaultEngine('seed')
    crowded.add({ match: { imp_key: 'imp_a' }, action: { type: 'pass' }, times: null })
    crowded.add({ match: { imp_key: 'imp_b' }, action: { type: 'drop' }, times: null, probability: 0.5 })
    expect(draws(crowded)).toBe(draws(alone))
  })

  it('clears the rules of one merchant, and a full reset brings back the startup rules only', () => {
    const engine = new FaultEngine('seed', [{ action: { type: 'http', status: 503 }, times: null }])
    expect(engine.list()[0]).toMatchObject({ origin: 'config' })
    engine.add({ match: { imp_key: 'imp_a' }, action: { type: 'pass' } })
    engine.add({ match: { imp_key: 'imp_b' }, action: { type: 'pass' } })
    expect(engine.clear('imp_a')).toBe(1)
    expect(engine.list('imp_b').map((r) => r.origin)).toEqual(['config', 'api'])
    engine.decide(facts())
    engine.reset()
    expect(engine.list()).toEqual([expect.objectContaining({ origin: 'config', hits: 0, action: { type: 'http', status: 503 } })])
  })
})
