import { describe, expect, it } from 'vitest'
import { RequestJournal, envelopeCode, journalPath } from './journal.js'

const entry = (path: string, impKey: string | null = 'imp_a') => ({
  at: 0,
  method: 'GET',
  path,
  status: 200,
  code: 0,
  duration_ms: 1,
  imp_key: impKey,
  fault: null,
  outcome: 'answered' as const
})

describe('RequestJournal', () => {
  it('keeps the most recent entries up to its capacity, oldest first', () => {
    const journal = new RequestJournal(3)
    for (let i = 1; i <= 5; i++) journal.record(entry(`/r${i}`))
    expect(journal.list().map((e) => [e.seq, e.path])).toEqual([
      [3, '/r3'],
      [4, '/r4'],
      [5, '/r5']
    ])
    expect(journal.size).toBe(3)
    expect(journal.total).toBe(5)
    expect(journal.list({ limit: 2 }).map((e) => e.path)).toEqual(['/r4', '/r5'])
  })

  it('filters by merchant and forgets one merchant', () => {
    const journal = new RequestJournal(10)
    journal.record(entry('/a1', 'imp_a'))
    journal.record(entry('/b1', 'imp_b'))
    journal.record(entry('/a2', 'imp_a'))
    expect(journal.list({ impKey: 'imp_a', limit: 1 }).map((e) => e.path)).toEqual(['/a2'])
    journal.clear('imp_a')
    expect(journal.list().map((e) => e.path)).toEqual(['/b1'])
    journal.record(entry('/b2', 'imp_b'))
    expect(journal.list().map((e) => e.seq)).toEqual([2, 4])
    journal.clear()
    expect(journal.list()).toEqual([])
    expect(journal.total).toBe(0)
  })

  it('records nothing with capacity 0', () => {
    const journal = new RequestJournal(0)
    journal.record(entry('/x'))
    expect(journal.list()).toEqual([])
  })
})

describe('journalPath and envelopeCode', () => {
  it('masks a query token and bounds the length', () => {
    expect(journalPath('/payments/imp_1?_token=abc&x=1')).toBe('/payments/imp_1?_token=[redacted]&x=1')
    expect(journalPath(`/${'a'.repeat(900)}`)).toHaveLength(500)
  })

  it('reads the envelope code without parsing the body', () => {
    expect(envelopeCode('{"code":-1,"message":"x","response":null}')).toBe(-1)
    expect(envelopeCode('{"code":0,"message":null,"response":{}}')).toBe(0)
    expect(envelopeCode('<html>')).toBeNull()
    expect(envelopeCode(undefined)).toBeNull()
  })
})
