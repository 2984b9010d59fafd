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

  it("accept the browser checkout's script and page, and hold its JSON to the control shape", () => {
    const text = (status: number, body: string): FuzzOutcome => ({ request: { method: 'GET', url: '/x', headers: {} }, status, body })
    expect(checkAnswer(text(200, '/* iamport-mock */ ;(function(){})()'), '/v1/iamport.js?x=1')).toBe(false)
    expect(checkAnswer(text(404, '<!doctype html><p>없음</p>'), '/__checkout/window/nope')).toBe(true)
    expect(checkAnswer(outcome(200, { result: { success: false } }), '/__checkout/sessions')).toBe(false)
    expect(checkAnswer(outcome(404, { error: { code: 'not_found', message: 'x' } }), '/__checkout/nope')).toBe(true)
    expect(() => checkAnswer(text(400, '<p>bad</p>'), '/__checkout/window/x')).toThrow(InvariantError)
    expect(() => checkAnswer(outcome(404, { error: { message: 'x' } }), '/__checkout/nope')).toThrow(InvariantError)
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
