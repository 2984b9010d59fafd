import { afterEach, describe, expect, it, vi } from 'vitest'
import { Poll } from './poll.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('the wall-time poll of a schedule engine', () => {
  it('ticks every ms once started, passes a failed tick to onError and goes on, and stops', () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    let ticks = 0
    const poll = new Poll(
      100,
      () => {
        ticks++
        if (ticks === 2) throw new Error('tick 2')
      },
      (err) => errors.push(err)
    )
    vi.advanceTimersByTime(250)
    expect(ticks).toBe(0)
    poll.start()
    poll.start()
    vi.advanceTimersByTime(350)
    expect(ticks).toBe(3)
    expect(errors.map((e) => (e as Error).message)).toEqual(['tick 2'])
    poll.stop()
    vi.advanceTimersByTime(500)
    expect(ticks).toBe(3)
  })

  it('never ticks with ms 0 (tests move the clock themselves)', () => {
    vi.useFakeTimers()
    let ticks = 0
    const poll = new Poll(
      0,
      () => ticks++,
      () => {}
    )
    poll.start()
    vi.advanceTimersByTime(10_000)
    expect(ticks).toBe(0)
  })
})
