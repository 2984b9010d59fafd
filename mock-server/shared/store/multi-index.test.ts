import { describe, expect, it } from 'vitest'
import { MultiIndex } from './multi-index.js'

describe('MultiIndex', () => {
  it('answers every value of a key in the order added, and nothing for an unknown key', () => {
    const index = new MultiIndex<string, { n: number }>()
    const [a, b, c] = [{ n: 1 }, { n: 2 }, { n: 3 }]

    index.add('k', a)
    expect(index.get('k')).toEqual([a])
    index.add('k', b)
    index.add('k', c)
    index.add('other', c)

    expect(index.get('k')).toEqual([a, b, c])
    expect(index.get('other')).toEqual([c])
    expect(index.get('none')).toEqual([])
    expect(index.has('k')).toBe(true)
    expect(index.has('none')).toBe(false)
  })

  it('forgets everything on clear', () => {
    const index = new MultiIndex<string, object>()
    index.add('k', {})

    index.clear()

    expect(index.get('k')).toEqual([])
  })
})
