/**
 * The shop's web app: the card form, the two billing endpoints and the webhook receiver.
 * `buildApp` never listens (src/server.ts does), so tests can listen on any port they like.
 */
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify'
import formbody from '@fastify/formbody'
import { IAMPORT_SCRIPT_URL, type Config } from './config.js'
import { createIamportApi, IamportAuthError, NoAnswerError, type CardDetails, type ChargeRequest } from './iamport.js'
import { createBilling, FIRST_MONTH, OrderConflictError } from './billing.js'
import { MemoryStore } from './store.js'
import { cardFormPage } from './card-form-page.js'
import { windowResultPage, windowSubscribePage } from './window-subscribe-page.js'

export interface AppOptions {
  /** The shop's store; tests pass their own to look into it. */
  store?: MemoryStore
  /** Fastify's `logger` option (default: on, JSON lines to stdout). */
  logger?: FastifyServerOptions['logger']
}

const CUSTOMER_UID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,80}$' } as const

const IssueBillingBody = {
  type: 'object',
  required: ['card_number', 'expiry', 'birth', 'pwd_2digit', 'customer_uid'],
  properties: {
    card_number: { type: 'string', pattern: '^\\d{4}-\\d{4}-\\d{4}-\\d{4}$' },
    expiry: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
    birth: { type: 'string', pattern: '^(\\d{6}|\\d{10})$' },
    pwd_2digit: { type: 'string', pattern: '^\\d{2}$' },
    customer_uid: CUSTOMER_UID
  }
} as const

const ChargeBody = {
  type: 'object',
  required: ['customer_uid', 'merchant_uid', 'amount'],
  properties: {
    customer_uid: CUSTOMER_UID,
    // Chosen by the caller (e.g. `${customer_uid}_2026_03` for a monthly renewal), so asking again is safe.
    merchant_uid: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,40}$' },
    amount: { type: 'integer', minimum: 100 },
    name: { type: 'string', minLength: 1, maxLength: 40, default: '월간 이용권' }
  }
} as const

// i'mport posts `{imp_uid, merchant_uid, status}`, as JSON or form-encoded (a console setting).
const WebhookBody = {
  type: 'object',
  required: ['imp_uid'],
  properties: { imp_uid: { type: 'string', minLength: 1, maxLength: 100 }, merchant_uid: { type: 'string' }, status: { type: 'string' } }
} as const

/** Messages the card form shows when a field is not in the guide's format. */
const FIELD_MESSAGES: Record<string, string> = {
  card_number: '카드 번호를 XXXX-XXXX-XXXX-XXXX 형식으로 입력해주세요.',
  expiry: '카드 유효기간을 YYYY-MM 형식으로 입력해주세요.',
  birth: '생년월일 6자리(YYMMDD) 또는 사업자등록번호 10자리를 입력해주세요.',
  pwd_2digit: '카드 비밀번호 앞 두자리를 입력해주세요.'
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  // A card page: no third-party script, no framing, no caching, no referrer.
  'content-security-policy': "default-src 'self'; form-action 'self'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer'
}

const WindowCompleteBody = {
  type: 'object',
  required: ['imp_uid', 'customer_uid'],
  properties: { imp_uid: { type: 'string', minLength: 1, maxLength: 100 }, customer_uid: CUSTOMER_UID }
} as const

// The payment-window page runs i'mport's script and frames its window, so it cannot have the card
// form's strict policy; it holds no card field either.
const WINDOW_PAGE_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }

const cardFormScript = readFileSync(new URL('../public/card-form.js', import.meta.url), 'utf8')
const windowScript = readFileSync(new URL('../public/window-subscribe.js', import.meta.url), 'utf8')

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? true })
  await app.register(formbody)

  const store = options.store ?? new MemoryStore()
  const billing = createBilling({ api: createIamportApi(config), store, log: app.log })

  app.get<{ Querystring: { customer_uid?: string } }>(
    '/',
    { schema: { querystring: { type: 'object', properties: { customer_uid: CUSTOMER_UID } } } },
    async (request, reply) => {
      // A real shop takes the signed-in customer's uid from the session; this example takes it
      // from the query, or makes one up.
      const customerUid = request.query.customer_uid ?? `customer_${randomUUID().slice(0, 8)}`
      return reply.headers(PAGE_HEADERS).send(cardFormPage(customerUid))
    }
  )

  app.get('/card-form.js', async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-store').send(cardFormScript)
  )

  app.get<{ Querystring: { customer_uid?: string } }>(
    '/subscribe-window',
    { schema: { querystring: { type: 'object', properties: { customer_uid: CUSTOMER_UID } } } },
    async (request, reply) => {
      const customerUid = request.query.customer_uid ?? `customer_${randomUUID().slice(0, 8)}`
      const returnUrl = `${request.protocol}://${request.host}/subscribe-window/complete?customer_uid=${encodeURIComponent(customerUid)}`
      const page = windowSubscribePage({
        customerUid,
        merchantUid: `issue_${randomUUID().slice(0, 12)}`,
        impCode: config.impCode ?? 'imp00000000',
        scriptUrl: config.iamportScriptUrl ?? IAMPORT_SCRIPT_URL,
        returnUrl,
        firstMonth: FIRST_MONTH
      })
      return reply.headers(WINDOW_PAGE_HEADERS).send(page)
    }
  )

  app.get('/window-subscribe.js', async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-store').send(windowScript)
  )

  // The browser's word is not proof: the server asks i'mport (GET /payments/{imp_uid}) first.
  app.post<{ Body: { imp_uid: string; customer_uid: string } }>(
    '/subscriptions/window-complete',
    { schema: { body: WindowCompleteBody } },
    async (request) => billing.completeWindowSubscription(request.body.imp_uid, request.body.customer_uid)
  )

  // A phone's window returns here with imp_uid, merchant_uid, imp_success (and error_msg) appended.
  app.get<{ Querystring: { customer_uid: string; imp_uid?: string; imp_success?: string; error_msg?: string } }>(
    '/subscribe-window/complete',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['customer_uid'],
          properties: {
            customer_uid: CUSTOMER_UID,
            imp_uid: { type: 'string', maxLength: 100 },
            imp_success: { type: 'string' },
            error_msg: { type: 'string', maxLength: 500 }
          }
        }
      }
    },
    async (request, reply) => {
      const { customer_uid, imp_uid, error_msg } = request.query
      const outcome = imp_uid
        ? await billing.completeWindowSubscription(imp_uid, customer_uid)
        : { status: 'failed' as const, message: `카드 등록에 실패했습니다: ${error_msg ?? ''}` }
      return reply.headers(WINDOW_PAGE_HEADERS).send(windowResultPage(outcome.status, outcome.message))
    }
  )

  app.post<{ Body: CardDetails & { customer_uid: string } }>(
    '/subscriptions/issue-billing',
    { schema: { body: IssueBillingBody } },
    async (request) => {
      const { customer_uid, card_number, expiry, birth, pwd_2digit } = request.body
      return billing.issueBilling(customer_uid, { card_number, expiry, birth, pwd_2digit })
    }
  )

  app.post<{ Body: ChargeRequest }>('/subscriptions/charge', { schema: { body: ChargeBody } }, async (request, reply) => {
    const result = await billing.charge(request.body)
    // 202: the outcome is not known yet; asking again with the same merchant_uid looks it up first.
    return reply.code(result.status === 'unknown' ? 202 : 200).send(result)
  })

  app.post<{ Body: { imp_uid: string } }>('/iamport-webhook', { schema: { body: WebhookBody } }, async (request) => ({
    // 200 either way: i'mport stops resending once it gets a 200.
    status: await billing.handleWebhook({ imp_uid: request.body.imp_uid })
  }))

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error.validation) {
      const [first] = error.validation
      const field = (first?.params as { missingProperty?: string } | undefined)?.missingProperty ?? first?.instancePath.slice(1) ?? ''
      return reply.code(400).send({ status: 'failed', message: FIELD_MESSAGES[field] ?? `invalid ${field || 'request'}` })
    }
    if (error instanceof NoAnswerError) {
      request.log.warn({ operation: error.operation, reason: error.reason }, "no answer from i'mport")
      // Registering a card again is safe: the same customer_uid just gets the new key.
      return reply.code(502).send({ status: 'failed', message: '카드사와 통신하지 못했습니다. 잠시 후 다시 시도해주세요.' })
    }
    if (error instanceof OrderConflictError) return reply.code(409).send({ status: 'failed', message: error.message })
    if (error instanceof IamportAuthError) {
      request.log.error({ message: error.message }, "i'mport refused the shop's key pair")
      return reply.code(500).send({ status: 'failed', message: 'Payment service unavailable' })
    }
    const statusCode = error.statusCode ?? 500
    if (statusCode < 500) {
      // A body Fastify could not read (broken JSON, wrong content type, too large): answered
      // without detail, and nothing of it is logged; the body may hold a card.
      return reply.code(statusCode).send({ status: 'failed', message: 'Invalid request' })
    }
    request.log.error({ err: error }, 'request failed')
    return reply.code(500).send({ status: 'failed', message: 'Internal error' })
  })

  return app
}
