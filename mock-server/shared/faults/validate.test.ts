import { describe, expect, it } from 'vitest'
import { FaultRuleError, parseFaultRule } from './validate.js'

function problems(input: unknown): readonly string[] {
  try {
    parseFaultRule(input)
  } catch (err) {
    if (err instanceof FaultRuleError) return err.problems
    throw err
  }
  throw new Error('the rule was accepted')
}

describe('parseFaultRule', () => {
  it('fills in times from the sequence length and probability 1', () => {
    expect(parseFaultRule({ action: { type: 'drop' } })).toMatchObject({ times: 1, probability: 1 })
    const seq = parseFaultRule({ action: { type: 'pass' }, then: [{ type: 'drop' }, { type: 'pass' }] })
    expect(seq.times).toBe(3)
    expect(seq.steps.map((s) => s.type)).toEqual(['pass', 'drop', 'pass'])
    expect(parseFaultRule({ action: { type: 'drop' }, times: null }).times).toBeNull()
  })

  it('names every problem with the field it is in', () => {
    expect(problems({ match: { method: 'get', path: 'payments', nope: true }, action: { type: 'delay', ms: -1 }, probability: 1.5 })).toEqual([
      'match has an unknown field "nope"',
      'match.method must be one of GET, POST, PUT, DELETE',
      'match.path is malformed (must match ^/[^?#\\s]*$)',
      'action.ms must be >= 0',
      'probability must be <= 1'
    ])
  })

  it('checks each step of a sequence against the action its type names', () => {
    expect(problems({ action: { type: 'http', status: 200 }, then: [{ type: 'nap' }, { type: 'error' }, {}] })).toEqual([
      'action.status must be >= 400',
      'then[0].type "nap" is not an action (one of error, decline, delay, http, drop, commit_then_drop, pass)',
      'then[1].message is required',
      'then[2].type is required'
    ])
  })

  it('describes a union as a whole', () => {
    expect(problems({ action: { type: 'drop' }, times: 'always' })).toEqual(['times must be an integer >= 1 or null'])
    expect(problems({ action: { type: 'http', status: 503, body: 3 } })).toEqual(['action.body must be a string or an object'])
  })

  it('refuses what is not an object, and an action type that is not a string', () => {
    expect(problems('drop')).toEqual(['the rule must be an object'])
    expect(problems({})).toEqual(['action is required'])
    expect(problems({ action: { type: 7 } })).toEqual([
      'action.type must be a string (one of error, decline, delay, http, drop, commit_then_drop, pass)'
    ])
  })

  it('refuses times shorter than the sequence', () => {
    expect(problems({ action: { type: 'pass' }, then: [{ type: 'drop' }], times: 1 })).toEqual([
      'times (1) is shorter than the sequence of 2 actions (action + then); the rest would never run'
    ])
  })

  it('refuses a decline whose match can never be a charge', () => {
    const decline = { type: 'decline', fail_reason: '잔액부족' }
    expect(problems({ match: { method: 'GET' }, action: decline })[0]).toContain('match.method GET never is one')
    expect(problems({ match: { path: '/payments/cancel' }, action: decline })[0]).toContain('match.path /payments/cancel is not one')
    expect(parseFaultRule({ match: { path: '/subscribe/payments/:kind' }, action: decline }).steps).toHaveLength(1)
    expect(parseFaultRule({ match: { path: '/subscribe/payments/again', method: 'POST' }, action: decline }).times).toBe(1)
  })

  it('does not coerce types: a JSON rule says what it means', () => {
    expect(problems({ action: { type: 'delay', ms: '100' } })).toEqual(['action.ms must be an integer'])
  })
})
