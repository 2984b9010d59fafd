/**
 * Wires the schedules engine into the app: `app.schedules`, runs on `clock.moved` (awaitable
 * through `events.emitAndWait`), a wall-time poll while the app is up, and emptied with the store
 * on a reset.
 */
import fp from 'fastify-plugin'
import type { DueWork } from './engine.js'
import { Scheduler } from './engine.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Scheduled payments: each merchant's book, and `runDue()` to run what the clock has reached. */
    schedules: Scheduler
  }
}

export interface SchedulesPluginOptions {
  /** Wall-time poll in ms; overrides the config's `schedules.poll_ms` (tests pass 0). */
  pollMs?: number | undefined
  /** Work to run and wait for after the schedules on each tick (the webhook outbox). */
  after?: DueWork | undefined
}

export default fp<SchedulesPluginOptions>(
  async (app, options) => {
    const { store, config, events } = app.mock
    const scheduler = new Scheduler({
      store,
      events,
      fidelity: config.fidelity,
      pollMs: options.pollMs ?? config.schedules.poll_ms,
      settleTimeoutMs: config.webhooks.settle_timeout_ms,
      after: options.after,
      onError: (err) => app.log.error({ err }, 'scheduled payment run failed')
    })
    app.decorate('schedules', scheduler)
    events.on('clock.moved', ({ merchant }) => scheduler.runDue(merchant))
    store.onReset((merchant) => scheduler.reset(merchant))
    app.addHook('onReady', async () => scheduler.start())
    app.addHook('onClose', async () => scheduler.stop())
  },
  { name: 'mock-schedules', fastify: '5.x', dependencies: ['mock-context'] }
)
