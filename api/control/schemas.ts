/**
 * Wire shapes of the control API (`/__mock/…`): plain JSON, not the i'mport envelope. They
 * document the API at `/__mock/docs`, check its inputs, and type the client's control helpers.
 */
import { Type, type Static } from 'typebox'
import { CustomerSchema } from '../v1/customer.js'
import { PaymentSchema } from '../v1/payment.js'
import { ScheduleResultSchema } from '../v1/schedule.js'
import { ActionSchema, MatchSchema } from './faults.js'

/** Every control API failure: `{ error: { code, message, details? } }`. */
export const ControlErrorSchema = Type.Object(
  {
    error: Type.Object(
      {
        code: Type.String({ description: 'stable machine-readable code, e.g. invalid_rule, unknown_merchant' }),
        message: Type.String(),
        details: Type.Optional(Type.Array(Type.String(), { description: 'one line per problem' }))
      },
      { additionalProperties: false }
    )
  },
  { additionalProperties: false }
)
export type ControlErrorBody = Static<typeof ControlErrorSchema>

export const ImpKeyQuerySchema = Type.Object(
  { imp_key: Type.Optional(Type.String({ minLength: 1, description: 'one merchant only' })) },
  { additionalProperties: false }
)

export const HealthSchema = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    data_file: Type.Optional(
      Type.String({ description: 'present when degraded: why the last write to the --data file failed; changes are refused until one succeeds' })
    )
  },
  { additionalProperties: false }
)
export type HealthView = Static<typeof HealthSchema>

// --- reset -----------------------------------------------------------------------------------

export const ResetBodySchema = Type.Object(
  { imp_key: Type.Optional(Type.String({ minLength: 1, description: 'reset this merchant only' })) },
  { additionalProperties: false }
)
export const ResetResultSchema = Type.Object(
  {
    reset: Type.Unsafe<'all' | 'merchant'>({ type: 'string', enum: ['all', 'merchant'] }),
    imp_key: Type.Union([Type.String(), Type.Null()])
  },
  { additionalProperties: false }
)
export type ResetResult = Static<typeof ResetResultSchema>

// --- clock -----------------------------------------------------------------------------------

export const ClockViewSchema = Type.Object(
  {
    scope: Type.Unsafe<'server' | 'merchant'>({ type: 'string', enum: ['server', 'merchant'] }),
    imp_key: Type.Union([Type.String(), Type.Null()]),
    now: Type.Integer({ description: "UNIX seconds, the unit of every i'mport timestamp" }),
    now_ms: Type.Integer(),
    iso: Type.String({ description: 'now as an ISO 8601 UTC string' }),
    frozen: Type.Boolean({ description: 'true: time stands still until moved; false: it ticks on' })
  },
  { additionalProperties: false }
)
export type ClockView = Static<typeof ClockViewSchema>

/** 9999-12-31T23:59:59Z: a bound that keeps dates printable. */
export const MAX_UNIX_SECONDS = 253_402_300_799
/** A century either way. */
export const MAX_ADVANCE_SECONDS = 100 * 366 * 86_400

export const ClockMoveSchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1, description: "move this merchant's clock only" })),
    advance_seconds: Type.Optional(
      Type.Number({ minimum: -MAX_ADVANCE_SECONDS, maximum: MAX_ADVANCE_SECONDS, description: 'move by this much (negative: back)' })
    ),
    now: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_UNIX_SECONDS, description: 'set to this UNIX time (seconds)' })),
    freeze: Type.Optional(Type.Boolean({ description: 'true: stand still from then on; false: tick on. Omitted: unchanged' }))
  },
  { additionalProperties: false }
)
export type ClockMove = Static<typeof ClockMoveSchema>

// --- faults ----------------------------------------------------------------------------------

export const FaultRuleViewSchema = Type.Object(
  {
    id: Type.String({ description: 'flt_<n>, for DELETE /__mock/faults/{id}' }),
    origin: Type.Unsafe<'api' | 'config'>({ type: 'string', enum: ['api', 'config'] }),
    match: MatchSchema,
    action: ActionSchema,
    then: Type.Array(ActionSchema),
    times: Type.Union([Type.Integer(), Type.Null()]),
    remaining: Type.Union([Type.Integer(), Type.Null()], { description: 'matching calls it will still act on' }),
    probability: Type.Number(),
    hits: Type.Integer({ description: 'calls it has acted on' }),
    description: Type.Union([Type.String(), Type.Null()])
  },
  { additionalProperties: false }
)
export const FaultListSchema = Type.Object({ rules: Type.Array(FaultRuleViewSchema) }, { additionalProperties: false })
export const DeletedSchema = Type.Object({ deleted: Type.Integer() }, { additionalProperties: false })
export type DeletedResult = Static<typeof DeletedSchema>

// --- journal ---------------------------------------------------------------------------------

export const JournalQuerySchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, description: 'the most recent N' }))
  },
  { additionalProperties: false }
)

export const JournalEntrySchema = Type.Object(
  {
    seq: Type.Integer(),
    at: Type.Integer({ description: "UNIX seconds on the merchant's clock" }),
    method: Type.String(),
    path: Type.String({ description: 'with _token masked' }),
    status: Type.Union([Type.Integer(), Type.Null()], { description: 'null: dropped without an answer' }),
    code: Type.Union([Type.Integer(), Type.Null()], { description: 'the envelope code, when the answer was one' }),
    duration_ms: Type.Number(),
    imp_key: Type.Union([Type.String(), Type.Null()]),
    fault: Type.Union([Type.String(), Type.Null()], { description: 'rule id or preset:<name> that acted on it' }),
    outcome: Type.Unsafe<'answered' | 'dropped'>({ type: 'string', enum: ['answered', 'dropped'] }),
    hint: Type.Optional(Type.String({ description: 'the X-Iamport-Mock-Hint sent with a refusal caused by a common mistake (docs/hints.md)' }))
  },
  { additionalProperties: false }
)
export const JournalSchema = Type.Object(
  {
    capacity: Type.Integer({ description: 'the ring buffer size (config journal_size)' }),
    total: Type.Integer({ description: 'requests recorded since start or the last full reset' }),
    entries: Type.Array(JournalEntrySchema, { description: 'oldest first' })
  },
  { additionalProperties: false }
)
export type JournalView = Static<typeof JournalSchema>

// --- state -----------------------------------------------------------------------------------

const StateCursor = Type.Union([Type.String(), Type.Null()])

export const MerchantSnapshotSchema = Type.Object(
  {
    imp_key: Type.String(),
    name: Type.String(),
    open: Type.Boolean({ description: 'registered by --accept-any-key rather than configured' }),
    clock: ClockViewSchema,
    token: Type.Union([Type.Object({ expired_at: Type.Integer() }), Type.Null()]),
    billing_keys: Type.Array(CustomerSchema, { description: 'as GET /subscribe/customers/{customer_uid} shows them (card number masked)' }),
    payments: Type.Array(PaymentSchema, { description: 'every payment, oldest first, as GET /payments/{imp_uid} shows it' }),
    prepares: Type.Array(Type.Object({ merchant_uid: Type.String(), amount: Type.Number(), currency: Type.Union([Type.String(), Type.Null()]) })),
    schedules: Type.Array(ScheduleResultSchema, {
      description:
        'every schedule ever registered (revoked and run ones too), oldest first, as GET /subscribe/payments/schedule/{merchant_uid} shows it'
    }),
    counts: Type.Object(
      { billing_keys: Type.Integer(), payments: Type.Integer(), prepares: Type.Integer(), schedules: Type.Integer() },
      { additionalProperties: false, description: 'how many records each family holds in all' }
    ),
    next: Type.Object(
      { billing_keys: StateCursor, payments: StateCursor, prepares: StateCursor, schedules: StateCursor },
      {
        additionalProperties: false,
        description: 'where each family goes on (GET /__mock/state/{family}?imp_key=…&cursor=…), null when the page above holds the rest'
      }
    )
  },
  { additionalProperties: false }
)
/** A PortOne V2 merchant as the state API shows it: its credentials in full (they are test values), stores and data. */
export const V2MerchantSnapshotSchema = Type.Object(
  {
    merchant_id: Type.String(),
    name: Type.String(),
    api_secret: Type.String({ description: "for `Authorization: PortOne <secret>` or the SDK's `secret`" }),
    open: Type.Boolean({ description: 'registered by --accept-any-key at its first use' }),
    stores: Type.Array(
      Type.Object({
        store_id: Type.String(),
        webhook_secret: Type.String({ description: 'for Webhook.verify' }),
        webhook_url: Type.Union([Type.String(), Type.Null()]),
        channel_keys: Type.Array(Type.String())
      })
    ),
    billing_keys: Type.Array(Type.Unknown(), { description: 'BillingKeyInfo, as GET /billing-keys/{billingKey} answers' }),
    payments: Type.Array(Type.Unknown(), { description: 'Payment, as GET /payments/{paymentId} answers' }),
    schedules: Type.Array(Type.Unknown(), { description: 'PaymentSchedule, as GET /payment-schedules/{id} answers' })
  },
  { additionalProperties: false }
)
export type V2MerchantSnapshot = Static<typeof V2MerchantSnapshotSchema>

export const StateSchema = Type.Object(
  {
    merchants: Type.Array(MerchantSnapshotSchema),
    v2_merchants: Type.Optional(Type.Array(V2MerchantSnapshotSchema, { description: 'PortOne V2 merchants (without imp_key)' }))
  },
  { additionalProperties: false }
)

export const STATE_FAMILIES = ['billing_keys', 'payments', 'prepares', 'schedules'] as const
export type StateFamily = (typeof STATE_FAMILIES)[number]
export const DEFAULT_STATE_PAGE = 100
export const MAX_STATE_PAGE = 1000

export const StateQuerySchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1, description: 'one merchant only' })),
    limit: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_STATE_PAGE,
        description: `records of each family per merchant (default ${DEFAULT_STATE_PAGE}; 0 = counts only)`
      })
    )
  },
  { additionalProperties: false }
)

export const StateFamilyParamsSchema = Type.Object(
  { family: Type.Unsafe<StateFamily>({ type: 'string', enum: [...STATE_FAMILIES] }) },
  { additionalProperties: false }
)

export const StateFamilyQuerySchema = Type.Object(
  {
    imp_key: Type.String({ minLength: 1, description: 'the merchant' }),
    cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,12}$', description: "from a previous answer's `next`" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_STATE_PAGE, description: `records per page (default ${DEFAULT_STATE_PAGE})` })),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { description: 'oldest first (asc, the default) or newest first' })),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'payments only: this status' })),
    merchant_uid: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'payments only: this merchant_uid' })),
    customer_uid: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'payments only: this customer_uid' })),
    from: Type.Optional(Type.Integer({ minimum: 0, description: 'payments only: started at or after (UNIX seconds)' })),
    to: Type.Optional(Type.Integer({ minimum: 0, description: 'payments only: started before (UNIX seconds)' }))
  },
  { additionalProperties: false }
)

/** The payment filters of `GET /__mock/state/payments` (the dashboard's table). */
export type StatePaymentFilter = Partial<Record<'status' | 'merchant_uid' | 'customer_uid', string> & Record<'from' | 'to', number>>

export const StateFamilyPageSchema = Type.Object(
  {
    imp_key: Type.String(),
    family: Type.String(),
    total: Type.Integer(),
    items: Type.Array(Type.Unknown(), { description: 'records of the family, oldest first, shown as in GET /__mock/state' }),
    next: StateCursor
  },
  { additionalProperties: false }
)
export type StateFamilyPage = Static<typeof StateFamilyPageSchema>
export type StateView = Static<typeof StateSchema>
export type MerchantSnapshot = Static<typeof MerchantSnapshotSchema>
