/**
 * The V1 paths that charge or present a card are declared twice: by each route in its metadata
 * (`config: { faultKind }`, what the fault plugin reads at run time) and in api/v1/route-facts.ts
 * (what fault-rule validation reads before any route exists). This keeps the two the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../../app.js'
import { CARD_ROUTES, CHARGE_ROUTES } from '../../../api/v1/route-facts.js'
import { isCharge } from '../../shared/faults/route-kinds.js'

let app: MockApp
beforeAll(async () => {
  app = await buildApp()
  await app.ready()
})
afterAll(() => app.close())

describe('route metadata and the V1 route facts', () => {
  it('names as charges exactly the routes that declare a charging fault kind', () => {
    const charging = app.routeList.filter((r) => r.faultKind !== undefined && isCharge(r.faultKind)).map((r) => r.url)
    expect(charging.sort()).toEqual([...CHARGE_ROUTES].sort())
  })

  it('names as card routes exactly those that present a card (issue, onetime)', () => {
    const card = app.routeList.filter((r) => r.faultKind === 'issue' || r.faultKind === 'onetime').map((r) => r.url)
    expect(card.sort()).toEqual([...CARD_ROUTES].sort())
  })

  it('tags every route with its API', () => {
    const untagged = app.routeList.filter((r) => r.api === undefined)
    expect(untagged).toEqual([])
    expect(app.routeList.some((r) => r.api === 'control' && r.url === '/__mock/health')).toBe(true)
  })
})
