/**
 * The V2 wing's error handler. Whatever goes wrong on a V2 route, the client gets
 * `{ type, message }` (plus `pgCode`/`pgMessage` for PG_PROVIDER) with the status of the
 * document's `x-portone-status-code`, never Fastify's default body and never a stack trace.
 * Bad input of any kind (unreadable JSON, wrong types, an oversized body) is INVALID_REQUEST.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { V2Error, v2errors } from '../../../api/v2/errors.js'

/** Sends an error body as a ready JSON string. */
export function sendV2Error(reply: FastifyReply, error: V2Error): FastifyReply {
  return reply.code(error.httpStatus).type('application/json').send(JSON.stringify(error.toBody()))
}

/** A body for the answers no catalogue type covers: an unknown route, a bug. */
function sendPlain(reply: FastifyReply, status: number, type: string, message: string): FastifyReply {
  return reply.code(status).type('application/json').send(JSON.stringify({ type, message }))
}

function toV2Error(error: FastifyError): V2Error | null {
  if (error instanceof V2Error) return error
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return v2errors.invalidRequest('요청 본문이 너무 큽니다.')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return v2errors.invalidRequest('요청 본문을 해석할 수 없습니다.')
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return v2errors.invalidRequest('요청을 해석할 수 없습니다.')
  }
  return null
}

export function installV2ErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toV2Error(error)
    if (known) return sendV2Error(reply, known)
    request.log.error({ err: error }, 'unexpected error')
    // Inferred: the document lists no 500 body; the shape stays `{ type, message }`.
    return sendPlain(reply, 500, 'INTERNAL_SERVER_ERROR', '시뮬레이터 내부 오류가 발생했습니다.')
  })
  app.setNotFoundHandler((request, reply) =>
    // Inferred: an unknown path is answered in the same shape, so an SDK reads it as an error.
    sendPlain(reply, 404, 'NOT_FOUND', `${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)} 경로가 없습니다.`)
  )
}
