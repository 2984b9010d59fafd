import { describe, expect, it } from 'vitest'
import { IdGenerator } from './ids.js'

describe('IdGenerator.pgTid', () => {
  it('carries the approval time of each call, also when calls alternate between seconds', () => {
    const ids = new IdGenerator('stamp-test')
    const first = Date.UTC(2026, 2, 1, 9, 30, 15) / 1000
    const second = Date.UTC(2027, 11, 31, 23, 59, 59) / 1000
    const stamps = [first, first, second, first].map((t) => ids.pgTid('nictest04m', t).slice(14, 26))
    expect(stamps).toEqual(['260301093015', '260301093015', '271231235959', '260301093015'])
  })

  it('gives the same ids for the same seed', () => {
    const a = new IdGenerator('same')
    const b = new IdGenerator('same')
    const draw = (g: IdGenerator) => [g.impUid('imps_'), g.pgTid('INIBillTst', 1_772_000_000), g.cancellationId()]
    const ids = draw(a)
    expect(draw(b)).toEqual(ids)
    expect(ids[0]).toMatch(/^imps_\d{12}$/)
    expect(ids[1]).toMatch(/^INIBillTst0116\d{16}$/)
    expect(ids[2]).toMatch(/^[0-9A-F]{8}\d{12}$/)
  })
})
