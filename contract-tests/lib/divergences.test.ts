import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DIVERGENCES } from './divergences.js'

const API_DIR = fileURLToPath(new URL('../api/', import.meta.url))
const LIB_DIR = fileURLToPath(new URL('./', import.meta.url))

describe('declared divergences', () => {
  it('each says what the simulator does, what the real API does, why, and on what evidence', () => {
    for (const [id, d] of Object.entries(DIVERGENCES)) {
      for (const field of ['mock', 'real', 'reason', 'evidence'] as const) expect(d[field].length, `${id}.${field}`).toBeGreaterThan(10)
    }
  })

  it('each is used by a contract test or the harness, so none is declared and forgotten', () => {
    const sources = [...readdirSync(API_DIR).map((f) => readFileSync(`${API_DIR}${f}`, 'utf8')), readFileSync(`${LIB_DIR}harness.ts`, 'utf8')].join(
      '\n'
    )

    const unused = Object.keys(DIVERGENCES).filter((id) => !sources.includes(`'${id}'`) && !sources.includes(`\`${id}\``))

    expect(unused).toEqual([])
  })
})
