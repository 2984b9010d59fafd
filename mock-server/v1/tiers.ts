/**
 * The `Tier` header (v1auth.mdx: a sub-merchant's calls add `Tier: <tier code>`), honoured on
 * every V1 route: a tier code the merchant has not configured (`tiers` in its config) is refused
 * with the `GET /tiers/{tier_code}` 404 before the route runs. A known tier acts on the parent
 * merchant's data: the simulator keeps no separate books per sub-merchant (docs/v1-families.md).
 */
import fp from 'fastify-plugin'
import { apiOf } from '../shared/http/namespaces.js'
import { tierOf } from './domain/pg-settings.js'

export const TIER_HEADER = 'tier'

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      const tier = request.headers[TIER_HEADER]
      if (tier === undefined || request.merchant === null || apiOf(request) !== 'v1') return
      tierOf(request.merchant.merchant, Array.isArray(tier) ? (tier[0] ?? '') : tier)
    })
  },
  { name: 'mock-v1-tiers', fastify: '5.x' }
)
