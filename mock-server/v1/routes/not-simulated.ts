/**
 * Official routes of families the simulator does not model (api/v1/official-operations.ts,
 * `NOT_SIMULATED_TAGS`): registered from that list, so a merchant's call gets a clear envelope
 * (HTTP 400, code -1, `notSimulated`) and an `X-Iamport-Mock-Hint` header naming the docs page,
 * instead of the generic unknown-route 404. The token is still checked first, as on every route.
 */
import type { FastifyPluginAsync } from 'fastify'
import { errors } from '../../../api/v1/catalogue.js'
import { OFFICIAL_OPERATIONS, isNotSimulated, routeUrlOf } from '../../../api/v1/official-operations.js'

export const MOCK_HINT_HEADER = 'X-Iamport-Mock-Hint'

const notSimulated: FastifyPluginAsync = async (app) => {
  for (const operation of OFFICIAL_OPERATIONS.filter(isNotSimulated)) {
    app.route({
      method: operation.method,
      url: routeUrlOf(operation.path),
      handler: async (_request, reply) => {
        reply.header(MOCK_HINT_HEADER, `${operation.operationId} (${operation.tag}) is not simulated; see docs/v1-families.md`)
        throw errors.notSimulated(operation.method, operation.path)
      }
    })
  }
}

export default notSimulated
