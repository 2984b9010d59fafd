import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runFuzz } from './property.js'
import { buildApp, type MockApp } from '../../../mock-server/app.js'
import { ROUTES, listRoutes } from '../../support/route-catalogue.js'

/**
 * The bounded fuzz run of `npm test`: a fixed seed, so every run checks the same cases (set
 * FUZZ_SEED / FUZZ_RUNS to explore; `npm run fuzz` is the long run).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20260301)
// Ten cases a route: with routes drawn uniformly, every route of the catalogue is then reached
// (the check below) whatever the catalogue's size; 600 cases left one of 150 routes unreached.
const RUNS = Number(process.env.FUZZ_RUNS ?? Math.max(600, ROUTES.length * 10))

describe('fuzzing every route with hostile requests', () => {
  it(`keeps every invariant over ${RUNS} cases (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const result = await runFuzz({ runs: RUNS, seed: SEED })
    expect(result.failure, `seed ${SEED}`).toBeNull()
    // Every route was reached, and each was both accepted and refused at least once: the cases
    // are not all bounced at the door.
    for (const entry of ROUTES) {
      const counts = result.outcomes.get(`${entry.method} ${entry.route}`)
      expect(counts, `${entry.method} ${entry.route} never fuzzed`).toBeDefined()
    }
    const accepted = [...result.outcomes.values()].reduce((n, c) => n + (c.get('accepted') ?? 0), 0)
    expect(accepted).toBeGreaterThan(RUNS / 10)
    expect(accepted).toBeLessThan(RUNS * 0.9)
  })
})

describe('fuzzing a simulator in open merchant mode (--accept-any-key)', () => {
  it(`keeps every invariant over ${Math.ceil(RUNS / 3)} cases (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const result = await runFuzz({ runs: Math.ceil(RUNS / 3), seed: SEED, config: { accept_any_key: true } })
    expect(result.failure, `seed ${SEED}`).toBeNull()
  })
})

describe('the route catalogue the hardening tests are driven by', () => {
  let app: MockApp
  beforeAll(async () => {
    app = await buildApp()
    await app.ready()
  })
  afterAll(() => app.close())

  it('lists every route the simulator serves, and nothing else', () => {
    const catalogued = ROUTES.map((r) => `${r.method} ${r.route}`).sort()
    expect(catalogued).toEqual(listRoutes(app))
  })
})
