/** Sends a V2 answer as ready JSON text (no response schema reshapes it: the api/v2 schemas type it). */
import type { FastifyReply } from 'fastify'

export function sendJson(reply: FastifyReply, body: unknown, status = 200): FastifyReply {
  return reply.code(status).type('application/json').send(JSON.stringify(body))
}

/** RFC 3339 with milliseconds, UTC, as the V2 API writes times. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString()
}
