/** `GET /__mock/requests`: the request journal (method, path, status, code, duration, merchant; never a body). */
import type { FastifyPluginAsync } from 'fastify'
import { sendJson } from './errors.js'
import { JournalQuerySchema, JournalSchema, type JournalView } from '../../api/control/schemas.js'

const requests: FastifyPluginAsync = async (app) => {
  app.get(
    '/requests',
    {
      schema: {
        tags: ['journal'],
        summary: "The i'mport requests answered, oldest first (with limit: the most recent N)",
        querystring: JournalQuerySchema,
        response: { 200: JournalSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey, limit } = request.query as { imp_key?: string; limit?: number }
      const { journal } = app
      const view: JournalView = { capacity: journal.capacity, total: journal.total, entries: journal.list({ impKey, limit }) }
      return sendJson(reply, 200, view)
    }
  )
}

export default requests
