import { describe, expect, it } from 'vitest'
import { describeMissing, isLoopback, REAL_TARGET_VARIABLES, resolveTarget } from './target.js'

const REAL_ENV = {
  IAMPORT_TARGET: 'real',
  IMP_KEY: 'key',
  IMP_SECRET: 'secret',
  IAMPORT_TEST_CARD_NUMBER: '4242-4242-4242-4242',
  IAMPORT_TEST_CARD_EXPIRY: '2030-12',
  IAMPORT_TEST_CARD_BIRTH: '900101',
  IAMPORT_TEST_CARD_PWD_2DIGIT: '12'
}

describe('resolveTarget', () => {
  it('defaults to the simulator', () => {
    expect(resolveTarget({})).toEqual({ kind: 'mock' })
  })

  it('reads the real target from the environment, with the public API as default base URL', () => {
    expect(resolveTarget(REAL_ENV)).toEqual({
      kind: 'real',
      baseURL: 'https://api.iamport.kr',
      impKey: 'key',
      impSecret: 'secret',
      card: { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' },
      throttleMs: 100
    })
    expect(resolveTarget({ ...REAL_ENV, IAMPORT_BASE_URL: 'http://127.0.0.1:4011/' })).toMatchObject({ baseURL: 'http://127.0.0.1:4011' })
  })

  it('names every missing variable instead of running', () => {
    expect(resolveTarget({ IAMPORT_TARGET: 'real', IMP_KEY: 'key', IAMPORT_TEST_CARD_BIRTH: ' ' })).toEqual({
      kind: 'unconfigured',
      missing: REAL_TARGET_VARIABLES.filter((name) => name !== 'IMP_KEY')
    })
    expect(describeMissing(['IMP_SECRET'])).toContain('  - IMP_SECRET')
  })

  it('refuses an unknown target name', () => {
    expect(() => resolveTarget({ IAMPORT_TARGET: 'staging' })).toThrow('IAMPORT_TARGET must be "mock" or "real"')
  })
})

describe('isLoopback', () => {
  it('tells a local simulator from the real API', () => {
    expect(isLoopback('http://127.0.0.1:4011')).toBe(true)
    expect(isLoopback('http://localhost:4010')).toBe(true)
    expect(isLoopback('https://api.iamport.kr')).toBe(false)
  })
})
