/**
 * The simulator's shared services, decorated onto the Fastify instance: the store (merchants and
 * their data) and the resolved configuration. Routes read them from `app.mock`; nothing is a
 * module-level singleton, so two apps in one process are fully separate.
 */
import fp from 'fastify-plugin'
import type { ResolvedConfig } from '../config/config.js'
import type { Store } from './store.js'
import type { MerchantState } from './merchant-state.js'
import type { EventBus } from './events.js'

export interface MockContext {
  readonly store: Store
  readonly config: ResolvedConfig
  /** Payment and clock events, for webhooks, schedules and the journal. */
  readonly events: EventBus
}

declare module 'fastify' {
  interface FastifyInstance {
    mock: MockContext
  }
  interface FastifyRequest {
    /** The merchant the access token belongs to; set by the auth hook on every i'mport route. */
    merchant: MerchantState | null
    /** Set by the fault engine: record this request's charge as `failed` with this reason. */
    declineReason: string | null
  }
}

export default fp<MockContext>(
  async (app, context) => {
    app.decorate('mock', context)
    app.decorateRequest('merchant', null)
    app.decorateRequest('declineReason', null)
  },
  { name: 'mock-context', fastify: '5.x' }
)
