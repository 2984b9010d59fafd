import { describe, expect, it } from 'vitest'
import { InvariantError, checkAnswer, type FuzzOutcome } from './harness.js'

const outcome = (status: number, body: unknown): FuzzOutcome => ({
  request: { method: 'GET', url: '/x', headers: {} },
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body)
})

describe('the fuzz invariants', () => {
  it('accept the envelope and the control shapes, and say whether the request was refused', () => {
    expect(checkAnswer(outcome(200, { code: 0, message: null, response: {} }), '/payments/x')).toBe(false)
    expect(checkAnswer(outcome(200, { code: 1, message: '없음', response: null }), '/payments/x')).toBe(true)
    expect(checkAnswer(outcome(200, { merchants: [] }), '/__mock/state')).toBe(false)
    expect(checkAnswer(outcome(404, { error: { code: 'not_found', message: 'x' } }), '/__mock/nope')).toBe(true)
  })

  it('catch a 5xx, a body that is not JSON, Fastify default bodies and half-envelopes', () => {
    const broken: Array<[FuzzOutcome, string]> = [
      [outcome(500, { code: -1, message: 'x', response: null }), '/payments/x'],
      [outcome(502, '<html>'), '/payments/x'],
      [outcome(400, 'plain text'), '/payments/x'],
      [outcome(400, { statusCode: 400, error: 'Bad Request', message: 'x' }), '/payments/x'],
      [outcome(200, { code: 1, message: 'x', response: {} }), '/payments/x'],
      [outcome(404, { code: 0, message: null, response: null }), '/payments/x'],
      [outcome(400, { statusCode: 400, error: 'Bad Request', message: 'x' }), '/__mock/state']
    ]
    for (const [o, url] of broken) expect(() => checkAnswer(o, url), o.body).toThrow(InvariantError)
  })
})
