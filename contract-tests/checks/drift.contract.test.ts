/**
 * Runs after every other contract test file (see lib/sequencer.ts): wherever a recording of the
 * real API exists under fixtures/recorded/, the simulator's answers of the same kind in this run
 * must have the same fields with the same JSON types.
 */
import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { addShape, compareShapes, loadRecordings, type Shape } from '../lib/drift.js'
import { ADDED_AFTER_CAPTURE, CAPTURED_RESPONSES, OFFICIAL_REQUIRED } from '../../fixtures/captured/index.js'
import { kindOf, readExchanges } from '../lib/exchanges.js'
import { itOnMockOnly, target } from '../lib/harness.js'

const RECORDINGS_DIR = fileURLToPath(new URL('../../fixtures/recorded/', import.meta.url))
const recordings = loadRecordings(RECORDINGS_DIR)
const exchanges = target.kind === 'mock' ? readExchanges(target.exchangesDir) : []

describe('drift against recordings of the real API', () => {
  if (recordings.length === 0) {
    console.info('drift check: fixtures/recorded/ holds no recordings of the real API yet (npm run contract:record makes them)')
    it.skip(
      'compares the simulator with recordings of the real API [skipped: fixtures/recorded/ holds no recordings yet; make them with npm run contract:record]'
    )
    return
  }

  for (const { file, recording } of recordings) {
    const kind = `${recording.operation_id} ${recording.http_status} ${recording.outcome}`
    const answers = exchanges.filter((e) => kindOf(e) === kind)
    const name = `answers ${kind} with the fields and types recorded on ${recording.recorded_on} (${file})`
    if (target.kind === 'mock' && answers.length === 0) {
      it.skip(`${name} [skipped: the suite made no such answer in this run]`)
      continue
    }
    itOnMockOnly(name, 'compares the simulator with the real API', () => {
      const shape: Shape = {}
      for (const answer of answers) addShape(shape, answer.body)

      expect(compareShapes(recording.shape, shape)).toEqual([])
    })
  }
})

describe('drift against the captured real answers in fixtures/captured', () => {
  for (const capture of CAPTURED_RESPONSES) {
    const kind = `${capture.operation_id} ${capture.http_status} ok`
    const answers = exchanges.filter((e) => kindOf(e) === kind)
    const name = `answers ${kind} with every field of ${capture.name}, in the same JSON types`
    if (target.kind === 'mock' && answers.length === 0) {
      it.skip(`${name} [skipped: the suite made no such answer in this run]`)
      continue
    }
    itOnMockOnly(name, 'compares the simulator with real answers', () => {
      const shape: Shape = {}
      for (const answer of answers) addShape(shape, answer.body)
      // The simulator may send more than an old capture: fields added since (declared in
      // fixtures/captured/era.ts), and optional fields the real API leaves out when it has no value.
      const officiallyRequired = new Set<string>([...OFFICIAL_REQUIRED.PaymentAnnotation, ...OFFICIAL_REQUIRED.CustomerAnnotation])
      const allowedExtra = (problem: string) => {
        const field = /^extra field response\.(?:cancel_history\[\]\.)?(\w+)/.exec(problem)?.[1]
        return field !== undefined && (field in ADDED_AFTER_CAPTURE || !officiallyRequired.has(field))
      }

      const problems = compareShapes(addShape({}, capture.body), shape).filter((p) => !allowedExtra(p))

      expect(problems).toEqual([])
    })
  }
})
