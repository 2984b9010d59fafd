/**
 * Scheduled payments: `ScheduleResultAnnotation` (what every schedule call answers), the paged list
 * the official clients parse, and the request bodies and queries of the schedule operations
 * (`schedule`, `unschedule`, `getScheduleByMid`, `findSchedulesByRange`, `findSchedulesByCustomer`,
 * `updateScheduleByMid`, `rescheduleByMid`, `retryScheduleByMid`). Field names, types and limits
 * follow the official swagger (committed in `official/`).
 */
import { Type, type Static } from 'typebox'
import { envelope, paged } from './envelope.js'
import { Amount, MAX_UNIX_SECONDS, NullableString, UnixSeconds } from './common.js'
import { CardFieldsSchema, LIMITS } from './customer.js'
import { BuyerFieldsSchema, BuyerResponseFields } from './payment.js'

export const SCHEDULE_STATUSES = ['scheduled', 'executed', 'revoked'] as const
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number]

/** `payment_status` of an executed schedule; `null` until it has run (a real null, the swagger stresses). */
export const SCHEDULE_PAYMENT_STATUSES = ['paid', 'failed', 'cancelled'] as const
export type SchedulePaymentStatus = (typeof SCHEDULE_PAYMENT_STATUSES)[number]

/** `ScheduleResultAnnotation`: one schedule, every field, `0` for times that have not happened. */
export const ScheduleResultSchema = Type.Object(
  {
    customer_uid: Type.String(),
    merchant_uid: Type.String(),
    imp_uid: NullableString({ description: 'null until the schedule has run' }),
    pg_provider: NullableString(),
    pg_id: NullableString(),
    customer_id: NullableString(),
    schedule_at: UnixSeconds(),
    executed_at: UnixSeconds(),
    revoked_at: UnixSeconds(),
    amount: Amount(),
    currency: Type.String(),
    name: NullableString(),
    ...BuyerResponseFields,
    custom_data: NullableString(),
    schedule_status: Type.Unsafe<ScheduleStatus>({ type: 'string', enum: [...SCHEDULE_STATUSES] }),
    payment_status: Type.Unsafe<SchedulePaymentStatus | null>({
      type: ['string', 'null'],
      enum: [...SCHEDULE_PAYMENT_STATUSES, null]
    }),
    fail_reason: NullableString(),
    promotion_id: NullableString()
  },
  { additionalProperties: false }
)
export type ScheduleResult = Static<typeof ScheduleResultSchema>

/** `ScheduleResponse`: schedule and unschedule answer an array. */
export const ScheduleListResponseSchema = envelope(Type.Array(ScheduleResultSchema))
/** `SingleScheduleResponse`: lookup, update and reschedule of one merchant_uid. */
export const SingleScheduleResponseSchema = envelope(ScheduleResultSchema)
/**
 * The list lookups. The swagger says `ScheduleResponse` (an array), but every official client reads
 * `{ total, previous, next, list }` (java `ScheduleList`, node `Collection`, go `GetList()`), so that is what is sent.
 */
export const PagedSchedulesSchema = paged(ScheduleResultSchema)
export const PagedSchedulesResponseSchema = envelope(PagedSchedulesSchema)

/** `ScheduleAnnotation`: one item of `schedules[]` in `POST /subscribe/payments/schedule`. */
export const ScheduleItemSchema = Type.Object({
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }),
  schedule_at: Type.Integer({ minimum: 0, maximum: MAX_UNIX_SECONDS, description: 'UNIX seconds' }),
  currency: Type.Optional(Type.String({ description: 'default KRW' })),
  amount: Amount(),
  tax_free: Type.Optional(Amount()),
  vat_amount: Type.Optional(Amount()),
  name: Type.String({ maxLength: LIMITS.name }),
  ...BuyerFieldsSchema,
  custom_data: Type.Optional(Type.String()),
  notice_url: Type.Optional(Type.String({ description: 'webhook URL for this schedule; the console URL otherwise' })),
  product_type: Type.Optional(Type.Unsafe<'real' | 'digital'>({ type: 'string', enum: ['real', 'digital'] })),
  cash_receipt_type: Type.Optional(Type.Unsafe<'person' | 'company' | 'anonymous'>({ type: 'string', enum: ['person', 'company', 'anonymous'] })),
  card_quota: Type.Optional(Type.Integer({ minimum: 0 })),
  interest_free_by_merchant: Type.Optional(Type.Boolean()),
  use_card_point: Type.Optional(Type.Boolean()),
  product_count: Type.Optional(Type.Integer()),
  browser_ip: Type.Optional(Type.String()),
  extra: Type.Optional(Type.Object({ naverUseCfm: Type.Optional(Type.String()) })),
  bypass: Type.Optional(Type.String()),
  promotion_id: Type.Optional(Type.String())
})
export type ScheduleItem = Static<typeof ScheduleItemSchema>

/**
 * Body of `POST /subscribe/payments/schedule`. The card fields are needed only when the customer_uid
 * has no key yet; `pg` is in the 2022 docs (not the swagger) and picks the channel of such a new key.
 */
export const ScheduleBodySchema = Type.Object({
  customer_uid: Type.String({ minLength: 1, maxLength: LIMITS.customer_uid }),
  customer_id: Type.Optional(Type.String()),
  checking_amount: Type.Optional(Type.Integer({ minimum: 0, description: 'test charge, cancelled at once; 0 = none' })),
  card_number: Type.Optional(CardFieldsSchema.card_number),
  expiry: Type.Optional(CardFieldsSchema.expiry),
  birth: CardFieldsSchema.birth,
  pwd_2digit: CardFieldsSchema.pwd_2digit,
  cvc: CardFieldsSchema.cvc,
  pg: Type.Optional(Type.String({ maxLength: LIMITS.pg })),
  channel_key: Type.Optional(Type.String({ maxLength: LIMITS.channel_key })),
  schedules: Type.Array(ScheduleItemSchema, { minItems: 1 })
})
export type ScheduleBody = Static<typeof ScheduleBodySchema>

/**
 * Body of `POST /subscribe/payments/unschedule`: a customer's schedules (all, or the listed ones),
 * or the listed merchant_uids whoever they belong to. `merchant_uid` may be one string, a JSON array
 * or `merchant_uid[]=…` form fields (the array type coerces a single string).
 */
export const UnscheduleBodySchema = Type.Object({
  customer_uid: Type.Optional(Type.String({ maxLength: LIMITS.customer_uid })),
  merchant_uid: Type.Optional(Type.Array(Type.String({ maxLength: LIMITS.merchant_uid })))
})
export type UnscheduleBody = Static<typeof UnscheduleBodySchema>

/** Body of `PUT /subscribe/payments/schedule/{merchant_uid}` and `POST …/{merchant_uid}/reschedule`. */
export const ScheduleAtBodySchema = Type.Object({
  schedule_at: Type.Integer({ minimum: 0, maximum: MAX_UNIX_SECONDS, description: 'UNIX seconds' })
})

export const ScheduleMerchantUidParamsSchema = Type.Object({
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid })
})

const ScheduleStatusQuery = Type.Optional(Type.String({ description: 'scheduled | executed | revoked' }))

/** `GET /subscribe/payments/schedule` (operationId `findSchedulesByRange`). */
export const ScheduleRangeQuerySchema = Type.Object({
  schedule_from: Type.Integer({ description: 'from <= schedule_at (UNIX seconds)' }),
  schedule_to: Type.Integer({ description: 'schedule_at < to (UNIX seconds)' }),
  schedule_status: ScheduleStatusQuery,
  page: Type.Optional(Type.Integer()),
  limit: Type.Optional(Type.Integer()),
  sorting: Type.Optional(Type.String({ description: '"scheduled": oldest first; newest first otherwise' }))
})
export type ScheduleRangeQuery = Static<typeof ScheduleRangeQuerySchema>

/**
 * `GET /subscribe/customers/{customer_uid}/schedules` and `GET /subscribe/payments/schedule/customers/{customer_uid}`
 * (operationId `findSchedulesByCustomer`). The swagger names `from`, `to` and `schedule-status` (with a
 * hyphen); the java client sends `schedule_from`/`schedule_to`, so both spellings are read.
 */
export const CustomerSchedulesQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer()),
  from: Type.Optional(Type.Integer()),
  to: Type.Optional(Type.Integer()),
  schedule_from: Type.Optional(Type.Integer()),
  schedule_to: Type.Optional(Type.Integer()),
  'schedule-status': ScheduleStatusQuery,
  schedule_status: ScheduleStatusQuery
})
export type CustomerSchedulesQuery = Static<typeof CustomerSchedulesQuerySchema>
