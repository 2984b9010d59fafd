/**
 * Wires webhooks into the app: `app.webhooks`, deliveries on the payment events routes and the
 * schedules engine emit, emptied with the store on a reset, attempts abandoned on close.
 */
import fp from 'fastify-plugin'
import { WebhookService } from './service.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The webhook outbox: deliveries, their attempts, webhook faults. */
    webhooks: WebhookService
  }
}

export default fp(
  async (app) => {
    const { store, config, events } = app.mock
    const webhooks = new WebhookService(store, config.webhooks, (err) => app.log.error({ err }, 'webhook delivery failed'))
    app.decorate('webhooks', webhooks)
    app.addHook('onListen', async () => {
      const address = app.server.address()
      if (typeof address === 'object' && address !== null) webhooks.self.listening(address.port)
    })

    events.on('payment.paid', ({ merchant, payment }) => void webhooks.notify(merchant, payment, 'payment.paid'))
    // A virtual account is reported when issued (`ready`) as well as when deposited (`paid`).
    events.on('payment.ready', ({ merchant, payment }) => void webhooks.notify(merchant, payment, 'payment.ready'))
    // "결제 실패 시에는 웹훅이 호출되지 않아요!": a failure is reported only for a scheduled attempt.
    events.on('payment.failed', ({ merchant, payment }) => {
      if (payment.customer_uid_usage === 'payment.scheduled') webhooks.notify(merchant, payment, 'payment.failed')
    })
    // An API cancel is reported only when it asks for it (enable_webhook=true).
    events.on('payment.cancelled', ({ merchant, payment, enable_webhook }) => {
      if (enable_webhook) webhooks.notify(merchant, payment, 'payment.cancelled', payment.cancel_history?.at(-1)?.cancellation_id)
    })
    store.onReset((merchant) => webhooks.reset(merchant))
    // Before the server waits for requests in flight: a control read waiting on a delivery is
    // released at once, and no attempt holds the close.
    app.addHook('preClose', async () => webhooks.close())
  },
  { name: 'mock-webhooks', fastify: '5.x', dependencies: ['mock-context'] }
)
