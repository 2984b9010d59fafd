/** The README's preset table is the list users read: it must name every preset and nothing else. */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { PRESET_NAMES } from './presets.js'
import { ACTION_TYPES } from '../../../api/control/faults.js'

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8')
const section = (heading: string) => {
  const start = readme.indexOf(heading)
  expect(start, heading).toBeGreaterThan(-1)
  const end = readme.indexOf('\n### ', start + heading.length)
  return readme.slice(start, end === -1 ? undefined : end)
}

describe('README', () => {
  it('lists every preset in its preset table, and no other', () => {
    const rows = [...section('### Presets').matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1])
    expect(rows).toEqual([...PRESET_NAMES])
  })

  it('documents every action type', () => {
    const table = section('### Fault rules')
    for (const type of ACTION_TYPES) expect(table).toContain(`"type": "${type}"`)
  })
})
