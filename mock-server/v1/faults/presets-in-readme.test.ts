/**
 * The preset table of docs/faults-and-magic-cards.md is the list users read: it must name every
 * preset and nothing else, and its fault rule table every action type.
 */
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { PRESET_NAMES } from './presets.js'
import { ACTION_TYPES } from '../../../api/control/faults.js'

const page = readFileSync(new URL('../../../docs/faults-and-magic-cards.md', import.meta.url), 'utf8')
const section = (heading: string) => {
  const start = page.indexOf(heading)
  expect(start, heading).toBeGreaterThan(-1)
  const end = page.indexOf('\n## ', start + heading.length)
  return page.slice(start, end === -1 ? undefined : end)
}

describe('docs/faults-and-magic-cards.md', () => {
  it('lists every preset in its preset table, and no other', () => {
    const rows = [...section('## Presets').matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1])
    expect(rows).toEqual([...PRESET_NAMES])
  })

  it('documents every action type', () => {
    const table = section('## Fault rules')
    for (const type of ACTION_TYPES) expect(table).toContain(`"type": "${type}"`)
  })
})
