/**
 * The V1 wing's error handler. Whatever goes wrong on an i'mport route, the client gets the envelope
 * `{ code, message, response: null }` with the status the real API would use, never Fastify's
 * default `{ statusCode, error, message }` and never a stack trace:
 *   - catalogue errors (`CatalogueError`) as they are;
 *   - schema validation errors as the real API's parameter errors (HTTP 200 on writes, 400 on reads);
 *   - unreadable bodies and oversized requests as envelope errors;
 *   - anything else as a 500 envelope, with the stack in the log only.
 */
import fp from 'fastify-plugin'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { CatalogueError, errors } from '../../../api/v1/catalogue.js'
import { RequestLimitError } from '../../shared/http/limits.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `true` on the few write routes whose swagger gives bad parameters a 400 (schedule update,
     * reschedule), so that they answer like reads instead of with the 200 of other writes.
     */
    badParamsAre400?: boolean
  }
}

interface AjvError {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
}

/** Sends an envelope as a ready JSON string, so no route's response schema reshapes it. */
export function sendError(reply: FastifyReply, error: CatalogueError): FastifyReply {
  return reply.code(error.httpStatus).type('application/json; charset=utf-8').send(JSON.stringify(error.toEnvelope()))
}

/** The catalogue error for a schema validation failure. */
export function validationError(request: FastifyRequest, validation: readonly AjvError[]): CatalogueError {
  const isRead =
    request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD' || request.routeOptions.config.badParamsAre400 === true
  const missing = validation.filter((v) => v.keyword === 'required').map((v) => String(v.params.missingProperty))
  let error: CatalogueError
  if (missing.length > 0) {
    error = errors.requiredParams(missing)
  } else {
    const first = validation[0]
    const name = first ? fieldName(first.instancePath) : ''
    if (name === '') error = new CatalogueError(200, -1, errors.malformedBody().message, 'inferred')
    else if (first?.keyword === 'maxLength') error = errors.paramTooLong(name, Number(first.params.limit))
    // Paging bounds are declared in the query schemas (api/v1/queries.ts, as the swagger has them);
    // out of range they are the paging error the list lookups answer, not a malformed parameter.
    else if ((first?.keyword === 'minimum' || first?.keyword === 'maximum') && PAGING_FIELDS.has(name)) error = errors.invalidPaging(name)
    else error = errors.invalidParam(name)
  }
  // Reads answer bad parameters with 400 (swagger); writes answer every failure with 200, but for badParamsAre400 routes.
  return isRead ? new CatalogueError(400, error.code, error.message, error.evidence) : error
}

const PAGING_FIELDS = new Set(['page', 'limit'])

/** `/schedules/0/amount` → `schedules[0].amount`. */
function fieldName(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('')
}

function toCatalogueError(error: FastifyError, request: FastifyRequest, bodyLimit: number): CatalogueError | null {
  if (error instanceof CatalogueError) return error
  if (error instanceof RequestLimitError) return errors.urlTooLong(error.limit)
  if (error.validation) return validationError(request, error.validation as unknown as AjvError[])
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge(bodyLimit)
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_BAD_URL':
      return errors.malformedBody()
  }
  // Errors Fastify or a parser raise for bad input carry a 4xx status; their text stays out of the answer.
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new CatalogueError(error.statusCode, -1, errors.malformedBody().message, 'inferred')
  }
  return null
}

/**
 * Errors Fastify raises before a route is chosen (`frameworkErrors`): a URL whose
 * percent-encoding is broken. No hook or error handler runs for these, so the answer is written
 * here (the app sends each URL space's to its own wing).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.debug({ code: error.code }, 'unreadable request line')
  void sendError(reply, error.code === 'FST_ERR_BAD_URL' ? errors.malformedUrl() : errors.malformedBody())
}

export default fp(
  async (app) => {
    const bodyLimit = app.mock.config.body_limit
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const known = toCatalogueError(error, request, bodyLimit)
      if (known) return sendError(reply, known)
      request.log.error({ err: error }, 'unexpected error')
      return sendError(reply, errors.internal())
    })
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? request.url
      return sendError(reply, errors.routeNotFound(request.method, path.slice(0, 200)))
    })
  },
  { name: 'mock-error-handler', fastify: '5.x', dependencies: ['mock-context'] }
)
