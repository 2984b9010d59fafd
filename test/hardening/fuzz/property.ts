/**
 * The fuzz property and its runner, shared by the bounded run in `npm test` (fuzz.test.ts) and the
 * long one (`npm run fuzz -- --runs N --seed S`, run.ts). Same seed and count, same cases.
 */
import fc from 'fast-check'
import { fuzzSteps } from './arbitraries.js'
import { FuzzHarness } from './harness.js'
import type { ConfigInput } from '../../../mock-server/shared/config/config.js'

export interface FuzzRunOptions {
  runs: number
  seed: number
  /** The simulator's config (for example `{ accept_any_key: true }`); the default merchant otherwise. */
  config?: ConfigInput
  /** Called every `every` cases (the long run prints progress). */
  progress?: { every: number; report: (done: number) => void }
}

export interface FuzzRunResult {
  runs: number
  seed: number
  /** fast-check's report: null when every case kept every invariant. */
  failure: string | null
  /** Per route (`METHOD /route`): how many cases were accepted or refused with which status. */
  outcomes: Map<string, Map<string, number>>
}

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzRunResult> {
  const harness = await FuzzHarness.create(options.config ? { config: options.config } : {})
  let done = 0
  try {
    const property = fc.asyncProperty(fuzzSteps, async (steps) => {
      await harness.run(steps)
      done++
      if (options.progress && done % options.progress.every === 0) options.progress.report(done)
    })
    const details = await fc.check(property, { numRuns: options.runs, seed: options.seed, endOnFailure: false })
    return {
      runs: options.runs,
      seed: options.seed,
      failure: details.failed
        ? `${fc.defaultReportMessage(details) ?? 'failed'}\n${(details.errorInstance as Error | undefined)?.message ?? ''}`
        : null,
      outcomes: harness.outcomes
    }
  } finally {
    await harness.close()
  }
}
