/**
 * Runs after every other contract test file (see lib/sequencer.ts) and checks each answer the
 * simulator gave during the suite against its official definition in the swagger.
 */
import { describe, expect, it } from 'vitest'
import { checkExchange, loadSwagger, SWAGGER_DEFECTS } from '../lib/conformance.js'
import { kindOf, readExchanges } from '../lib/exchanges.js'
import { itOnMockOnly, target } from '../lib/harness.js'

const swagger = loadSwagger()
const exchanges = target.kind === 'mock' ? readExchanges(target.exchangesDir) : []

describe('conformance with the official definitions', () => {
  if (target.kind === 'mock' && exchanges.length === 0) {
    console.warn('conformance check skipped: no answers were recorded in this run')
    it.skip('checks every answer the simulator gave [skipped: no answers were recorded in this run; run the whole contract project]')
    return
  }

  itOnMockOnly('finds every required field with its declared type in every answer the simulator gave', 'checks the simulator', () => {
    const kinds = new Map<string, { definition: string; count: number; defects: Set<string> }>()
    const problems: string[] = []

    for (const exchange of exchanges) {
      const verdict = checkExchange(swagger, exchange)
      const kind = kindOf(exchange)
      const entry = kinds.get(kind) ?? { definition: verdict.definition, count: 0, defects: new Set<string>() }
      entry.count += 1
      for (const d of verdict.defects) entry.defects.add(d)
      kinds.set(kind, entry)
      for (const problem of verdict.problems) problems.push(`${kind} (${exchange.test}): ${problem}`)
    }

    console.info(
      `conformance: ${exchanges.length} answers of ${kinds.size} kinds checked against the official definitions\n` +
        [...kinds.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(
            ([kind, e]) =>
              `  ${kind.padEnd(46)} ${String(e.count).padStart(4)} × ${e.definition}${e.defects.size ? ` (declared defects: ${[...e.defects].join(', ')})` : ''}`
          )
          .join('\n')
    )
    expect(problems).toEqual([])
    expect(kinds.size).toBeGreaterThan(0)
  })

  itOnMockOnly('applies only declared swagger defects, each with its evidence', 'checks the simulator', () => {
    const applied = new Set(exchanges.flatMap((exchange) => checkExchange(swagger, exchange).defects))

    for (const id of applied) {
      const defect = SWAGGER_DEFECTS[id as keyof typeof SWAGGER_DEFECTS]
      expect(defect, id).toBeDefined()
      expect(defect.exercised, id).toBe(true)
      expect(defect.evidence.length).toBeGreaterThan(10)
    }
  })
})
