/**
 * Wires the schedules engine into the app: `app.schedules`, runs on `clock.moved` (awaitable
 * through `events.emitAndWait`), a wall-time poll while the app is up, and emptied with the store
 * on a reset.
 */
import fp from 'fastify-plugin'
import type { FaultEngine } from '../faults/engine.js'
import { SCHEDULED_RUN } from '../faults/route-kinds.js'
import type { MerchantState } from '../store/merchant-state.js'
import type { DueWork } from './engine.js'
import { Scheduler, type ScheduleRunner } from './engine.js'
import type { ScheduleRecord } from '../store/schedule-records.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Scheduled payments: each merchant's book, and `runDue()` to run what the clock has reached. */
    schedules: Scheduler
  }
}

export interface SchedulesPluginOptions {
  /** What a run is: the API wing's charge for one schedule. */
  run: ScheduleRunner
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
      run: options.run,
      events,
      pollMs: options.pollMs ?? config.schedules.poll_ms,
      settleTimeoutMs: config.webhooks.settle_timeout_ms,
      after: options.after,
      onError: (err) => app.log.error({ err }, 'scheduled payment run failed')
    })
    scheduler.declineRule = (merchant, record) => faultFor(app.faults, merchant, record)
    app.decorate('schedules', scheduler)
    events.on('clock.moved', ({ merchant }) => scheduler.runDue(merchant))
    store.onReset((merchant) => scheduler.reset(merchant))
    app.addHook('onReady', async () => scheduler.start())
    app.addHook('onClose', async () => scheduler.stop())
  },
  { name: 'mock-schedules', fastify: '5.x', dependencies: ['mock-context', 'mock-faults'] }
)

/**
 * The fault rules' say on a due run: rules matching its merchant (`imp_key`), `customer_uid`,
 * `merchant_uid` or `amount` act on it; a run has no method or path, so rules naming either do
 * not. A `decline` fails the charge with its fail_reason; an `error` fails it before the card is
 * reached, with its message as the reason (the run still leaves a failed payment and webhook).
 */
function faultFor(faults: FaultEngine, merchant: MerchantState, record: ScheduleRecord): string | null {
  if (faults.size === 0) return null
  const decision = faults.decide({
    method: '',
    path: SCHEDULED_RUN,
    routeUrl: SCHEDULED_RUN,
    kind: 'scheduled',
    impKey: merchant.merchant.imp_key,
    customerUids: [record.customer_uid],
    merchantUids: [record.merchant_uid],
    amount: record.charge.amount
  })
  switch (decision?.action.type) {
    case 'decline':
      return decision.action.fail_reason
    case 'error':
      return decision.action.message
    // No rule, or an action that only shapes an HTTP answer: the scheduled charge runs as usual.
    case undefined:
    case 'pass':
    case 'delay':
    case 'http':
    case 'drop':
    case 'commit_then_drop':
      return null
    default: {
      // A new fault action fails to compile here until scheduled runs say what it means for them.
      const unreachable: never = decision!.action
      return unreachable
    }
  }
}
