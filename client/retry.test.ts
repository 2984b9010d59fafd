import { describe, expect, it } from 'vitest'
import { backoffDelay, isRetryableStatus, resolveRetry } from './retry.js'

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the cap', () => {
    const policy = resolveRetry({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0.999999 })

    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 200, 400, 800, 1000, 1000])
  })

  it('jitters down to half, never below the initial delay', () => {
    const policy = resolveRetry({ initialDelayMs: 100, maxDelayMs: 1000, random: () => 0 })

    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt))).toEqual([100, 100, 200, 400, 500])
  })
})

describe('resolveRetry', () => {
  it('defaults to two retries between 200 ms and 2 s', () => {
    expect(resolveRetry(undefined)).toMatchObject({ maxRetries: 2, initialDelayMs: 200, maxDelayMs: 2000 })
  })

  it('turns retries off for `false`', () => {
    expect(resolveRetry(false).maxRetries).toBe(0)
  })
})

describe('isRetryableStatus', () => {
  it('retries throttling and server failures, nothing else', () => {
    expect([200, 207, 400, 401, 404, 429, 500, 502, 503].filter(isRetryableStatus)).toEqual([429, 500, 502, 503])
  })
})
