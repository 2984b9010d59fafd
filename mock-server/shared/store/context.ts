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
    /** Set by a decline preset: record this request's charge as `failed` with this reason. */
    declineReason: string | null
    /**
     * Set by the fault plugin when a decline rule matches: the charge calls it at the point the
     * real API would call the PG, which is when the rule is drawn and used up (a request refused
     * before that leaves the rule armed). Returns the fail_reason, or null when the rule does not fire.
     */
    pendingDecline: (() => string | null) | null
  }
}

export default fp<MockContext>(
  async (app, context) => {
    app.decorate('mock', context)
    app.decorateRequest('merchant', null)
    app.decorateRequest('declineReason', null)
    app.decorateRequest('pendingDecline', null)
  },
  { name: 'mock-context', fastify: '5.x' }
)
