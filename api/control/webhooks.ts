/**
 * Wire shapes of the webhook part of the control API (`/__mock/webhooks…`): the outbox, hand-made
 * sends and webhook faults. They check the control API's inputs, document it at `/__mock/docs`
 * and type the control client.
 */
import { Type, type Static, type TSchema } from 'typebox'

/** The PortOne V2 webhook types (2024-04-25 format) the simulator sends, as outbox triggers. */
export const V2_WEBHOOK_TYPES = [
  'Transaction.Paid',
  'Transaction.Failed',
  'Transaction.Cancelled',
  'Transaction.PartialCancelled',
  'BillingKey.Issued',
  'BillingKey.Deleted'
] as const
export type V2WebhookType = (typeof V2_WEBHOOK_TYPES)[number]

export const WEBHOOK_FAULT_ACTIONS = ['drop', 'duplicate', 'delay'] as const
export type WebhookFaultAction = (typeof WEBHOOK_FAULT_ACTIONS)[number]

export interface WebhookFaultMatch {
  imp_key?: string | undefined
  merchant_uid?: string | undefined
  imp_uid?: string | undefined
  /** The webhook's status: paid, failed, cancelled. */
  status?: string | undefined
}

export interface WebhookFaultInput {
  match?: WebhookFaultMatch | undefined
  action: WebhookFaultAction
  /** For `delay`: how long, in simulator seconds. */
  delay_seconds?: number | undefined
  times?: number | null | undefined
}

export interface WebhookFaultView {
  id: string
  match: WebhookFaultMatch
  action: WebhookFaultAction
  delay_seconds: number | null
  times: number | null
  remaining: number | null
  hits: number
}

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const ContentTypeSchema = Type.Unsafe<'application/json' | 'application/x-www-form-urlencoded'>({
  type: 'string',
  enum: ['application/json', 'application/x-www-form-urlencoded']
})

export const DeliveryAttemptSchema = Type.Object(
  {
    n: Type.Integer({ description: '1 for the first send' }),
    kind: Type.Unsafe<'first' | 'retry' | 'redeliver'>({ type: 'string', enum: ['first', 'retry', 'redeliver'] }),
    at: Type.Integer({ description: "when it was sent, on the merchant's clock (UNIX seconds)" }),
    status_code: Nullable(Type.Integer({ description: "the receiver's HTTP status; null when none came" })),
    error: Nullable(Type.String({ description: 'connect timeout, read timeout, timeout, ECONNREFUSED, aborted…' })),
    duration_ms: Type.Number(),
    response_excerpt: Nullable(Type.String({ description: "the first 500 characters of the receiver's answer" }))
  },
  { additionalProperties: false }
)

export const DeliverySchema = Type.Object(
  {
    id: Type.String({ description: 'whd_<n>, for POST /__mock/webhooks/{id}/redeliver' }),
    imp_key: Nullable(Type.String()),
    trigger: Type.Unsafe<'payment.paid' | 'payment.ready' | 'payment.failed' | 'payment.cancelled' | 'manual' | V2WebhookType>({
      type: 'string',
      enum: ['payment.paid', 'payment.ready', 'payment.failed', 'payment.cancelled', 'manual', ...V2_WEBHOOK_TYPES],
      description: 'a V1 payment event, a hand-made send, or a PortOne V2 webhook type (Transaction.Paid…)'
    }),
    url: Type.String(),
    content_type: ContentTypeSchema,
    body: Type.Record(Type.String(), Nullable(Type.String()), {
      description: 'imp_uid, merchant_uid, status (+ cancellation_id); for V2: type, timestamp and the data fields, flattened'
    }),
    created_at: Type.Integer({ description: "UNIX seconds on the merchant's clock" }),
    status: Type.Unsafe<'pending' | 'delivered' | 'retrying' | 'failed' | 'dropped'>({
      type: 'string',
      enum: ['pending', 'delivered', 'retrying', 'failed', 'dropped']
    }),
    retries_enabled: Type.Boolean(),
    next_attempt_at: Nullable(Type.Integer({ description: 'the next send (simulator clock) while pending or retrying' })),
    attempts: Type.Array(DeliveryAttemptSchema),
    fault: Type.Union([Type.Unsafe<'delay' | 'drop' | 'duplicate'>({ type: 'string', enum: [...WEBHOOK_FAULT_ACTIONS] }), Type.Null()]),
    duplicate_of: Nullable(Type.String())
  },
  { additionalProperties: false }
)
export type DeliveryView = Static<typeof DeliverySchema>

export const DeliveryListSchema = Type.Object(
  {
    settled: Type.Boolean({ description: 'false when attempts were still in flight after webhooks.settle_timeout_ms' }),
    deliveries: Type.Array(DeliverySchema, { description: 'oldest first' })
  },
  { additionalProperties: false }
)
export type DeliveryListView = Static<typeof DeliveryListSchema>

export const DeliveryQuerySchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1, description: "one merchant's deliveries" })),
    imp_uid: Type.Optional(Type.String({ minLength: 1 })),
    merchant_uid: Type.Optional(Type.String({ minLength: 1 })),
    wait: Type.Optional(Type.Boolean({ description: 'wait for attempts in flight first (default true, bounded by webhooks.settle_timeout_ms)' }))
  },
  { additionalProperties: false }
)
export type DeliveryQuery = Static<typeof DeliveryQuerySchema>

export const WebhookSendSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https?://', maxLength: 2000, description: 'where to POST' }),
    body: Type.Optional(
      Type.Record(Type.String(), Nullable(Type.String({ maxLength: 2000 })), {
        maxProperties: 50,
        description: 'default: the console test sample {imp_uid: imp_1234567890, merchant_uid: merchant_1234567890, status: paid}'
      })
    ),
    content_type: Type.Optional(ContentTypeSchema),
    imp_key: Type.Optional(Type.String({ minLength: 1, description: "use this merchant's clock and content type" }))
  },
  { additionalProperties: false }
)
export type WebhookSend = Static<typeof WebhookSendSchema>

/** 30 days: longer than any test needs a webhook held back. */
export const MAX_WEBHOOK_DELAY_SECONDS = 30 * 86_400

export const WebhookFaultInputSchema = Type.Object(
  {
    match: Type.Optional(
      Type.Object(
        {
          imp_key: Type.Optional(Type.String({ minLength: 1 })),
          merchant_uid: Type.Optional(Type.String({ minLength: 1 })),
          imp_uid: Type.Optional(Type.String({ minLength: 1 })),
          status: Type.Optional(Type.Unsafe<'paid' | 'failed' | 'cancelled'>({ type: 'string', enum: ['paid', 'failed', 'cancelled'] }))
        },
        { additionalProperties: false, description: 'every given field must match the webhook; empty matches every webhook' }
      )
    ),
    action: Type.Unsafe<'drop' | 'duplicate' | 'delay'>({
      type: 'string',
      enum: [...WEBHOOK_FAULT_ACTIONS],
      description: 'drop: never sent; duplicate: sent twice; delay: held for delay_seconds of simulator time'
    }),
    delay_seconds: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WEBHOOK_DELAY_SECONDS })),
    times: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'webhooks it acts on: default 1; null = until deleted' })
    )
  },
  { additionalProperties: false }
)

export const WebhookFaultViewSchema = Type.Object(
  {
    id: Type.String({ description: 'whf_<n>, for DELETE /__mock/webhooks/faults/{id}' }),
    match: Type.Object({
      imp_key: Type.Optional(Type.String()),
      merchant_uid: Type.Optional(Type.String()),
      imp_uid: Type.Optional(Type.String()),
      status: Type.Optional(Type.String())
    }),
    action: Type.String(),
    delay_seconds: Nullable(Type.Integer()),
    times: Nullable(Type.Integer()),
    remaining: Nullable(Type.Integer()),
    hits: Type.Integer()
  },
  { additionalProperties: false }
)
export const WebhookFaultListSchema = Type.Object({ rules: Type.Array(WebhookFaultViewSchema) }, { additionalProperties: false })
