/**
 * Errors of the control API. Its answers are plain JSON, not the i'mport envelope, but a failure
 * still never reaches the client as Fastify's default body: it is always
 * `{ "error": { "code": "<stable code>", "message": "…", "details"?: ["…"] } }`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorObject } from 'ajv'
import { ACTION_TAGS, FaultRuleError } from '../shared/faults/validate.js'
import { describeAjvErrors } from '../shared/json-validation.js'
import type { ControlErrorBody } from '../../api/control/schemas.js'
import { RequestLimitError } from '../shared/http/limits.js'
import { DataWriteError } from '../shared/persistence/data-file.js'

export class ControlError extends Error {
  override readonly name = 'ControlError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: readonly string[]
  ) {
    super(message)
  }

  toBody(): ControlErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: [...this.details] } : {}) } }
  }
}

export const controlErrors = {
  invalidRequest: (problems: readonly string[]) =>
    new ControlError(400, 'invalid_request', problems.join('; ') || 'the request is invalid', problems),
  invalidRule: (problems: readonly string[]) => new ControlError(400, 'invalid_rule', `invalid fault rule: ${problems.join('; ')}`, problems),
  invalidJson: () => new ControlError(400, 'invalid_json', 'the request body is not valid JSON'),
  unauthorized: () =>
    new ControlError(401, 'unauthorized', 'the control API needs the control token in X-Mock-Control-Token (or Authorization: Bearer)'),
  foreignOrigin: (origin: string) =>
    new ControlError(
      403,
      'forbidden_origin',
      `the control API does not answer web pages of other origins (Origin ${origin.slice(0, 200)}); allow one with --control-allow-origin`
    ),
  foreignHost: (host: string) =>
    new ControlError(
      403,
      'forbidden_host',
      `the control API does not answer to Host "${host.slice(0, 200)}" (loopback names, IP addresses and the bound --host only); allow a name with --control-allow-host`
    ),
  notJson: (type: string) =>
    new ControlError(415, 'unsupported_media_type', `control API bodies must be application/json, not ${type.slice(0, 100)}`),
  unknownMerchant: (impKey: string) =>
    new ControlError(
      404,
      'unknown_merchant',
      `no merchant has imp_key "${impKey.slice(0, 200)}" (under --accept-any-key a merchant exists from its first getToken)`
    ),
  merchantExists: (impKey: string) =>
    new ControlError(
      409,
      'merchant_exists',
      `a merchant with imp_key "${impKey.slice(0, 200)}" exists already (PATCH /__mock/merchants/{imp_key} changes it)`
    ),
  invalidMerchant: (problems: readonly string[]) =>
    new ControlError(400, 'invalid_merchant', `invalid merchant settings: ${problems.join('; ')}`, problems),
  faultNotFound: (id: string) => new ControlError(404, 'fault_not_found', `no fault rule has id "${id.slice(0, 100)}"`),
  webhookNotFound: (id: string) =>
    new ControlError(404, 'webhook_not_found', `no webhook delivery has id "${id.slice(0, 100)}" (the outbox keeps the latest webhooks.outbox_size)`),
  webhookFaultNotFound: (id: string) => new ControlError(404, 'webhook_fault_not_found', `no webhook fault has id "${id.slice(0, 100)}"`),
  notFound: (method: string, path: string) =>
    new ControlError(404, 'not_found', `the control API has no ${method} ${path.slice(0, 200)} (see GET /__mock/docs)`),
  disabled: () => new ControlError(404, 'control_disabled', 'the control API is switched off (--no-control); only GET /__mock/health answers'),
  badUrl: () => new ControlError(400, 'bad_request', 'the request URL could not be read (broken percent-encoding)'),
  internal: () => new ControlError(500, 'internal', 'the control API failed; the simulator log has the details')
} as const

/** Sends a ready JSON string, so no response schema reshapes it. */
export function sendJson(reply: FastifyReply, status: number, value: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value))
}

export function sendControlError(reply: FastifyReply, error: ControlError): FastifyReply {
  return sendJson(reply, error.status, error.toBody())
}

/** What any error thrown in the control API becomes. */
export function toControlError(error: FastifyError | Error, request: FastifyRequest): ControlError {
  if (error instanceof ControlError) return error
  if (error instanceof FaultRuleError) return controlErrors.invalidRule(error.problems)
  if (error instanceof RequestLimitError) return new ControlError(414, error.reason, error.message)
  if (error instanceof DataWriteError) {
    return new ControlError(503, 'data_file_unwritable', `${error.message}; nothing was changed (see GET /__mock/health)`)
  }
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const isRule = request.routeOptions.config.controlBody === 'fault_rule'
    const problems = isRule
      ? describeAjvErrors(fastifyError.validation as unknown as ErrorObject[], 'the rule', ACTION_TAGS)
      : describeAjvErrors(fastifyError.validation as unknown as ErrorObject[], 'the body')
    return isRule ? controlErrors.invalidRule(problems) : controlErrors.invalidRequest(problems)
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ControlError(413, 'body_too_large', 'the request body is over the body limit (config body_limit)')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return controlErrors.invalidJson()
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ControlError(fastifyError.statusCode, 'bad_request', 'the request could not be read')
  }
  return controlErrors.internal()
}

/** A URL Fastify could not read before routing (broken percent-encoding), under the control API's prefix. */
export function answerControlFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.debug({ code: error.code }, 'unreadable request line')
  void sendControlError(reply, controlErrors.badUrl())
}
