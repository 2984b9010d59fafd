import { describe, expect, it } from 'vitest'
import { errors } from '../../../api/v1/catalogue.js'
import { paginate } from './lookups.js'

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i)

  it('gives page numbers for previous and next, 0 when there is none', () => {
    expect(paginate(items, 1)).toMatchObject({ total: 45, previous: 0, next: 2 })
    expect(paginate(items, 3)).toMatchObject({ previous: 2, next: 0, list: [40, 41, 42, 43, 44] })
  })

  it('answers page 1 of nothing with an empty list and refuses pages past the end', () => {
    expect(paginate([], 1)).toEqual({ total: 0, previous: 0, next: 0, list: [] })
    expect(() => paginate(items, 4)).toThrow(errors.invalidPaging('page').message)
    expect(() => paginate(items, 0)).toThrow(errors.invalidPaging('page').message)
    expect(() => paginate(items, 1, 1001)).toThrow(errors.invalidPaging('limit').message)
  })
})
