/**
 * `buildV2App(options)`: the PortOne V2 wing as its own Fastify instance, for its own port (V1 and
 * V2 both own `GET /payments/{id}`, and the SDK builds absolute paths from `baseUrl`). It runs on
 * the machinery of the main app, passed in: the store (V2 merchants live in `store.v2`), the
 * clock, the event bus, the fault engine and the webhook outbox, so the control API's clock
 * moves, fault rules, reset and webhook listing act on V2 as on V1. It never listens itself.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { MockContext } from '../shared/store/context.js'
import context from '../shared/store/context.js'
import type { FaultEngine } from '../shared/faults/engine.js'
import type { WebhookService } from '../shared/webhooks/service.js'
import { tagRoutes } from '../shared/http/namespaces.js'
import { OneLinePerRequest, loggerOptions } from '../shared/http/logging.js'
import { MAX_PARAM_LENGTH } from '../shared/http/limits.js'
import { v2errors } from '../../api/v2/errors.js'
import { installV2ErrorHandling, sendV2Error } from './http/errors.js'
import { installJsonParsing } from './http/body.js'
import { installV2Auth } from './http/auth.js'
import { installV2Faults, type Sleep } from './runs/faults.js'
import { V2Webhooks } from './notify/webhooks.js'
import { V2Scheduler } from './runs/schedules.js'
import authRoutes from './routes/auth.js'
import billingKeys from './routes/billing-keys.js'
import payments from './routes/payments.js'
import schedules from './routes/schedules.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** V2 webhooks, signed, through the shared outbox. */
    v2Webhooks: V2Webhooks
    /** Runs due V2 schedules (on clock moves and a wall-time poll). */
    v2Schedules: V2Scheduler
  }
}

export interface BuildV2AppOptions {
  /** The main app's store, config and events (`app.mock`). */
  context: MockContext
  /** The main app's webhook outbox (`app.webhooks`). */
  webhooks: WebhookService
  /** The main app's fault rules (`app.faults`). */
  faults: FaultEngine
  logger?: boolean | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'
  logStream?: NodeJS.WritableStream
  /** Replaces the real wait of `delay` faults. */
  faultSleep?: Sleep
  /** Wall-time poll for due schedules in ms; wins over the config's (tests pass 0). */
  schedulePollMs?: number
}

export type V2App = FastifyInstance

export async function buildV2App(options: BuildV2AppOptions): Promise<V2App> {
  const { config, store, events } = options.context
  const app = Fastify({
    logger: loggerOptions(options.logger ?? false, options.logStream),
    logController: new OneLinePerRequest(),
    bodyLimit: config.body_limit,
    // Ids as long as V1 accepts them (Fastify's default is 100 characters).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A broken percent-encoding is refused before any route or hook: answer it in the V2 shape too.
    frameworkErrors: (_error, _request, reply) => void sendV2Error(reply, v2errors.invalidRequest('요청 URL을 해석할 수 없습니다.'))
  })
  await app.register(context, options.context)
  installV2ErrorHandling(app)
  installJsonParsing(app)
  installV2Auth(app, store.v2)
  installV2Faults(app, options.faults, options.faultSleep)
  const webhooks = new V2Webhooks(options.webhooks)
  app.decorate('v2Webhooks', webhooks)
  const scheduler = new V2Scheduler({
    registry: store.v2,
    faults: options.faults,
    webhooks,
    outbox: options.webhooks,
    events,
    pollMs: options.schedulePollMs ?? config.schedules.poll_ms,
    settleTimeoutMs: config.webhooks.settle_timeout_ms,
    onError: (err) => app.log.error({ err }, 'V2 scheduled payment run failed')
  })
  app.decorate('v2Schedules', scheduler)
  app.addHook('onReady', async () => scheduler.start())
  app.addHook('onClose', async () => scheduler.stop())
  await app.register(async (wing) => {
    tagRoutes(wing, 'v2')
    await wing.register(authRoutes)
    await wing.register(billingKeys)
    await wing.register(payments)
    await wing.register(schedules)
  })
  return app
}
