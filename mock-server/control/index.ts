/**
 * The control API, under `/__mock` (outside the i'mport namespace): health, reset, state, fault
 * rules, the clock, the request journal, the webhook outbox and webhook faults, merchants, vbank
 * deposits and certification OTPs (families.ts), its own OpenAPI document at `/__mock/docs`, the
 * simulated V1 routes' at `/__mock/docs/v1`, and Swagger UI over both at `/__mock/docs/ui`.
 *
 * It is its own encapsulated Fastify context: its answers and errors are plain JSON
 * (`{ error: { code, message } }`, never the i'mport envelope nor Fastify's default body), its
 * inputs are checked strictly (no type coercion of JSON bodies), and its OpenAPI document
 * (`docs.ts`) covers these routes only, never the i'mport ones.
 *
 * `enabled: false` (--no-control) leaves only health, which CI wait loops need; every other
 * `/__mock/…` path answers 404 `control_disabled`.
 */
import type { FastifyPluginAsync } from 'fastify'
import { compileControlValidator } from './validation.js'
import { controlErrors, sendControlError, toControlError } from './errors.js'
import { controlTokenOf, siteChecker, tokenChecker, type SiteGuardOptions } from './guard.js'
import { HealthSchema } from '../../api/control/schemas.js'
import faults from './faults.js'
import clock from './clock.js'
import reset from './reset.js'
import state from './state.js'
import requests from './requests.js'
import webhooks from './webhooks.js'
import merchants from './merchants.js'
import families from './families.js'
import checkoutAuto from './checkout.js'
import { serveDocs } from './docs.js'
import { serveV1Docs } from './docs-v1.js'
import { serveDocsUi } from './docs-ui.js'
import { serveDashboard } from './ui.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which control error code a body validation failure gets (`invalid_rule` on the faults route). */
    controlBody?: 'fault_rule'
  }
}

export interface ControlPlaneOptions extends SiteGuardOptions {
  enabled: boolean
  token: string | null
}

const controlPlane: FastifyPluginAsync<ControlPlaneOptions> = async (app, options) => {
  app.setErrorHandler((error, request, reply) => {
    const controlError = toControlError(error as Error, request)
    if (controlError.status >= 500) request.log.error({ err: error }, 'control API failed')
    return sendControlError(reply, controlError)
  })
  app.setNotFoundHandler((request, reply) =>
    sendControlError(reply, controlErrors.notFound(request.method, request.url.split('?')[0] ?? request.url))
  )

  // Registered first, so that it sees every control route (and only those).
  if (options.enabled) {
    serveDocs(app)
    serveV1Docs(app, app.routeList)
    serveDocsUi(app)
    serveDashboard(app)
  }

  // CI wait loops poll this: it answers once every route is registered and the server listens.
  // Always served, whatever --no-control and --control-token say.
  app.get('/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Readiness', response: { 200: HealthSchema } } }, async () => {
    const failure = app.dataFile?.persistence.degraded ?? null
    return failure === null ? { status: 'ok' as const } : { status: 'degraded' as const, data_file: failure }
  })

  if (!options.enabled) {
    app.all('/*', async (_request, reply) => sendControlError(reply, controlErrors.disabled()))
    return
  }

  // Before the token: a page of another site is refused even when it guessed the token.
  const refusalOf = siteChecker(options)
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.config.public === true) return done()
    const refusal = refusalOf(request)
    if (refusal === null) return done()
    const error =
      refusal.kind === 'host'
        ? controlErrors.foreignHost(refusal.host)
        : refusal.kind === 'origin'
          ? controlErrors.foreignOrigin(refusal.origin)
          : controlErrors.notJson(refusal.type)
    done(error)
  })

  if (options.token !== null) {
    const isValid = tokenChecker(options.token)
    app.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.public === true) return
      if (!isValid(controlTokenOf(request))) return sendControlError(reply, controlErrors.unauthorized())
    })
  }

  app.setValidatorCompiler(({ schema, httpPart }) => compileControlValidator(schema, httpPart === 'body'))
  // Answers are sent as ready JSON strings (sendJson); the response schemas only document them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data))

  await app.register(reset)
  await app.register(state)
  await app.register(faults)
  await app.register(clock)
  await app.register(requests)
  await app.register(webhooks)
  await app.register(merchants)
  await app.register(families)
  await app.register(checkoutAuto)
}

export default controlPlane
