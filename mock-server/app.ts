/**
 * `buildApp(options)`: the simulator as a Fastify instance that never listens. Unit tests use it
 * with `app.inject`, `createMockServer` and the CLI listen on it. Everything it needs (config,
 * clock, seed) is passed in; it reads no environment and keeps no module-level state.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Server } from 'node:http'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { systemClock, type Clock } from './shared/clock.js'
import { resolveConfig, type ConfigInput, type ResolvedConfig } from './shared/config/config.js'
import { Store } from './shared/store/store.js'
import { EventBus } from './shared/store/events.js'
import type { StateObserver } from './shared/store/merchant-state.js'
import { Persistence, type PersistenceOptions } from './shared/persistence/persistence.js'
import context from './shared/store/context.js'
import bodyParsers, { parseQueryString } from './shared/http/body-parsers.js'
import errorHandler, { answerFrameworkError } from './v1/http/errors.js'
import { answerControlFrameworkError } from './control/errors.js'
import { apiOfUrl, collectRoutes, type RouteFacts } from './shared/http/namespaces.js'
import limits, { MAX_PARAM_LENGTH, clientErrorHandler } from './shared/http/limits.js'
import auth from './v1/http/auth.js'
import { OneLinePerRequest, loggerOptions } from './shared/http/logging.js'
import { lazyValidatorFactory } from './shared/http/lazy-validation.js'
import { lazySerializerFactory } from './shared/http/lazy-serialization.js'
import v1Api from './v1/index.js'
import control from './control/plugin.js'
import checkout from './checkout/index.js'
import journal from './shared/journal/plugin.js'
import faults, { type Sleep } from './v1/faults/plugin.js'
import scheduleEngine from './shared/schedules/plugin.js'
import webhooks from './shared/webhooks/plugin.js'
import { runSchedule } from './v1/schedules/execute.js'
import hints from './shared/http/hints.js'
import v1Hints from './v1/hints/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered, with its API and fault kind (see shared/http/namespaces.ts). */
    readonly routeList: readonly RouteFacts[]
  }
}

export interface BuildAppOptions {
  /** A resolved config, or the raw JSON shape of a config file (validated here). */
  config?: ResolvedConfig | ConfigInput
  /** Id seed; wins over the config's. Same seed, same requests → same ids. */
  seed?: string
  /** Time source; defaults to the wall clock. Tests pass a `ManualClock`. */
  clock?: Clock
  /** `false` (default) for silence, `true` or a level name for the redacting request logger. */
  logger?: boolean | 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace'
  /** Where log lines go (stdout by default); tests pass a sink to inspect them. */
  logStream?: NodeJS.WritableStream
  /** Told about every state change. */
  observer?: StateObserver
  /** Keep the store in this file across restarts (`--data`); in memory only without it. */
  data?: PersistenceOptions
  /** Replaces the real wait of `delay` faults (tests pass one that resolves at once). */
  faultSleep?: Sleep
  /**
   * How often wall time is checked for due schedules and webhook retries, in ms; wins over the
   * config's `schedules.poll_ms`. Tests pass 0 and move time themselves, so runs are deterministic.
   */
  schedulePollMs?: number
  /** The address or name the server will listen on; the control API answers to it as a Host. */
  listenHost?: string
}

export type MockApp = FastifyInstance

/**
 * Node checks request timeouts every `connectionsCheckingInterval` (30 s by default), which would
 * let a short limit run 30 s over; the check runs at least four times per limit instead. The
 * headers get no longer than the whole request.
 */
function limitRequestTime(server: Server, requestTimeoutMs: number): void {
  if (requestTimeoutMs <= 0) return // Read by Node when the server starts listening (not in its typings).
  ;(server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    30_000,
    Math.max(50, Math.floor(requestTimeoutMs / 4))
  )
  server.headersTimeout = Math.min(server.headersTimeout, requestTimeoutMs)
}

function isResolved(config: ResolvedConfig | ConfigInput | undefined): config is ResolvedConfig {
  return (config as ResolvedConfig | undefined)?.resolved === true
}

export async function buildApp(options: BuildAppOptions = {}): Promise<MockApp> {
  const config = isResolved(options.config)
    ? { ...options.config, seed: options.seed ?? options.config.seed, seed_given: options.seed !== undefined || options.config.seed_given !== false }
    : resolveConfig(options.config ?? {}, options.seed === undefined ? {} : { seed: options.seed })
  const persistence = options.data ? new Persistence(options.data) : null
  const observers = [options.observer, persistence?.observer].filter((o): o is StateObserver => o !== undefined)
  const observer: StateObserver | null =
    observers.length === 0 ? null : observers.length === 1 ? observers[0]! : (m, c) => observers.forEach((o) => void o(m, c))
  const store = new Store(config, options.clock ?? systemClock, observer)
  const loaded = persistence?.open(store, config)

  const fastifyOptions: FastifyServerOptions = {
    logger: loggerOptions(options.logger ?? false, options.logStream),
    logController: new OneLinePerRequest(),
    bodyLimit: config.body_limit,
    // Unfinished requests (a body that never ends) are closed: 400 of them once held 380 MiB.
    requestTimeout: config.request_timeout_ms,
    connectionTimeout: config.connection_timeout_ms,
    // A broken percent-encoding is refused before any route or hook: answer it in the envelope too.
    frameworkErrors: (error, request, reply) =>
      apiOfUrl(request.url, 'v1') === 'control' ? answerControlFrameworkError(error, request, reply) : answerFrameworkError(error, request, reply),
    // Requests Node cannot read (headers over 16 KiB…) are answered in the envelope, not Fastify's body.
    clientErrorHandler,
    routerOptions: { querystringParser: parseQueryString, maxParamLength: MAX_PARAM_LENGTH },
    schemaController: {
      compilersFactory: { buildValidator: lazyValidatorFactory() as never, buildSerializer: lazySerializerFactory() as never }
    },
    ajv: {
      customOptions: {
        // Form bodies and query strings are all strings; the real API is PHP and reads them loosely.
        coerceTypes: 'array',
        // Report every missing field at once, as `["a","b"] 파라메터는 필수입니다.`
        allErrors: true,
        removeAdditional: false
      }
    }
  }
  const app = Fastify(fastifyOptions).withTypeProvider<TypeBoxTypeProvider>()
  limitRequestTime(app.server, config.request_timeout_ms)
  app.decorate('dataFile', persistence && loaded ? { file: options.data!.file, loaded, persistence } : null)
  if (persistence) app.addHook('onClose', async () => persistence.close())

  app.decorate('routeList', collectRoutes(app))
  const events = new EventBus((err) => app.log.error({ err }, 'event listener failed'))
  await app.register(context, { store, config, events })
  await app.register(bodyParsers)
  await app.register(errorHandler)
  await app.register(limits)
  await app.register(auth)
  await app.register(journal, { size: config.journal_size })
  await app.register(faults, { seed: config.seed, startupRules: config.faults, sleep: options.faultSleep })
  await app.register(webhooks)
  await app.register(scheduleEngine, {
    run: (merchant, record, runOptions) => runSchedule(merchant, record, config.fidelity, runOptions),
    pollMs: options.schedulePollMs,
    after: app.webhooks
  })
  persistence?.restoreSchedules(store, app.schedules)
  await app.register(hints, { enabled: config.hints })
  await app.register(v1Hints)
  await app.register(v1Api)
  await app.register(checkout)
  await app.register(control, { listenHost: options.listenHost })
  return app
}
