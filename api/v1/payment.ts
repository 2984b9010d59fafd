/**
 * Payments: `PaymentAnnotation` and the bodies of the calls that make or cancel one.
 * Field names, types and limits follow the official swagger (committed in `official/`).
 */
import { Type, type Static } from 'typebox'
import { envelope, paged } from './envelope.js'
import { Amount, NullableInteger, NullableString, UnixSeconds } from './common.js'
import { CardFieldsSchema, LIMITS } from './customer.js'
import { VbankDepositSchema } from './vbank.js'

export const PAYMENT_STATUSES = ['ready', 'paid', 'cancelled', 'failed'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

/** How a billing key took part in a payment (`customer_uid_usage`). */
export const CUSTOMER_UID_USAGES = ['issue', 'payment', 'payment.scheduled'] as const
export type CustomerUidUsage = (typeof CUSTOMER_UID_USAGES)[number]

/** `PaymentCancelAnnotation`: one entry of `cancel_history`. */
export const CancelHistorySchema = Type.Object(
  {
    pg_tid: Type.String(),
    amount: Amount(),
    cancelled_at: UnixSeconds(),
    reason: Type.String(),
    cancellation_id: Type.String(),
    receipt_url: NullableString()
  },
  { additionalProperties: false }
)
export type CancelHistory = Static<typeof CancelHistorySchema>

/** Buyer fields as payments and schedules answer them (`null` where not given). */
export const BuyerResponseFields = {
  buyer_name: NullableString(),
  buyer_email: NullableString(),
  buyer_tel: NullableString(),
  buyer_addr: NullableString(),
  buyer_postcode: NullableString()
}

/** `PaymentAnnotation`: every field, with the JSON type the real API sends (nullable where captures show `null`). */
export const PaymentSchema = Type.Object(
  {
    imp_uid: Type.String(),
    merchant_uid: Type.String(),
    pay_method: NullableString(),
    channel: NullableString({ description: 'pc, mobile, or api for billing-key payments' }),
    pg_provider: NullableString(),
    emb_pg_provider: NullableString(),
    pg_tid: NullableString(),
    pg_id: NullableString(),
    sandbox: Type.Boolean(),
    escrow: Type.Boolean(),
    apply_num: NullableString(),
    bank_code: NullableString(),
    bank_name: NullableString(),
    card_code: NullableString(),
    card_name: NullableString(),
    card_issuer_code: NullableString(),
    card_issuer_name: NullableString(),
    card_publisher_code: NullableString(),
    card_publisher_name: NullableString(),
    card_quota: Type.Integer({ minimum: 0 }),
    card_number: NullableString(),
    card_type: NullableInteger(),
    vbank_code: NullableString(),
    vbank_name: NullableString(),
    vbank_num: NullableString(),
    vbank_holder: NullableString(),
    vbank_date: UnixSeconds(),
    vbank_issued_at: UnixSeconds(),
    name: NullableString(),
    amount: Amount(),
    cancel_amount: Amount(),
    currency: Type.String(),
    ...BuyerResponseFields,
    custom_data: NullableString(),
    user_agent: NullableString(),
    status: Type.Unsafe<PaymentStatus>({ type: 'string', enum: [...PAYMENT_STATUSES] }),
    started_at: UnixSeconds(),
    paid_at: UnixSeconds(),
    failed_at: UnixSeconds(),
    cancelled_at: UnixSeconds(),
    fail_reason: NullableString(),
    cancel_reason: NullableString(),
    receipt_url: NullableString(),
    cancel_history: Type.Array(CancelHistorySchema),
    cancel_receipt_urls: Type.Array(Type.String()),
    deposit_history: Type.Array(VbankDepositSchema),
    cash_receipt_issued: Type.Boolean(),
    customer_uid: NullableString(),
    customer_uid_usage: NullableString(),
    promotion: Type.Unsafe<{ id: string; discount: number } | null>({
      type: ['object', 'null'],
      properties: { id: { type: 'string' }, discount: { type: 'number' } }
    })
  },
  { additionalProperties: false }
)
export type Payment = Static<typeof PaymentSchema>
export const PaymentResponseSchema = envelope(PaymentSchema)
export const PaymentListResponseSchema = envelope(Type.Array(PaymentSchema))
export const PagedPaymentsSchema = paged(PaymentSchema)
export const PagedPaymentsResponseSchema = envelope(PagedPaymentsSchema)

/** Buyer fields shared by onetime, again and schedules (swagger limits). */
export const BuyerFieldsSchema = {
  buyer_name: Type.Optional(Type.String({ maxLength: LIMITS.buyer_name })),
  buyer_email: Type.Optional(Type.String({ maxLength: LIMITS.buyer_email })),
  buyer_tel: Type.Optional(Type.String({ maxLength: LIMITS.buyer_tel })),
  buyer_addr: Type.Optional(Type.String({ maxLength: LIMITS.buyer_addr })),
  buyer_postcode: Type.Optional(Type.String({ maxLength: LIMITS.buyer_postcode }))
}

/** Fields common to every charge request (onetime, again). */
export const ChargeFieldsSchema = {
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }),
  amount: Amount(),
  currency: Type.Optional(Type.String()),
  tax_free: Type.Optional(Amount()),
  vat_amount: Type.Optional(Amount()),
  vat: Type.Optional(Amount()),
  ...BuyerFieldsSchema,
  card_quota: Type.Optional(Type.Integer({ minimum: 0 })),
  interest_free_by_merchant: Type.Optional(Type.Boolean()),
  use_card_point: Type.Optional(Type.Boolean()),
  custom_data: Type.Optional(Type.String()),
  notice_url: Type.Optional(Type.String()),
  browser_ip: Type.Optional(Type.String()),
  product_type: Type.Optional(Type.Unsafe<'real' | 'digital'>({ type: 'string', enum: ['real', 'digital'] })),
  promotion_id: Type.Optional(Type.String()),
  bypass: Type.Optional(Type.String())
}

/** Body of `POST /subscribe/payments/onetime` (operationId `onetime`). */
export const OnetimeBodySchema = Type.Object({
  ...ChargeFieldsSchema,
  ...CardFieldsSchema,
  name: Type.Optional(Type.String({ maxLength: LIMITS.name })),
  customer_uid: Type.Optional(Type.String({ minLength: 1, maxLength: LIMITS.customer_uid })),
  pg: Type.Optional(Type.String({ maxLength: LIMITS.pg })),
  channelGroupId: Type.Optional(Type.String()),
  secure_3d_charge_id: Type.Optional(Type.String()),
  secure_3d_token: Type.Optional(Type.String())
})
export type OnetimeBody = Static<typeof OnetimeBodySchema>

/** Body of `POST /subscribe/payments/again` (operationId `again`). `name` is required by both swagger files. */
export const AgainBodySchema = Type.Object({
  ...ChargeFieldsSchema,
  customer_uid: Type.String({ minLength: 1, maxLength: LIMITS.customer_uid }),
  name: Type.String({ maxLength: LIMITS.name }),
  product_count: Type.Optional(Type.Integer()),
  cash_receipt_type: Type.Optional(Type.Unsafe<'person' | 'company' | 'anonymous'>({ type: 'string', enum: ['person', 'company', 'anonymous'] })),
  extra: Type.Optional(Type.Object({ naverUseCfm: Type.Optional(Type.String()) })),
  channel_key: Type.Optional(Type.String())
})
export type AgainBody = Static<typeof AgainBodySchema>

/** Body of `POST /payments/cancel` (operationId `cancelPayment`). */
export const CancelBodySchema = Type.Object({
  imp_uid: Type.Optional(Type.String()),
  merchant_uid: Type.Optional(Type.String()),
  amount: Type.Optional(Amount({ minimum: 0 })),
  tax_free: Type.Optional(Amount({ minimum: 0 })),
  vat_amount: Type.Optional(Amount({ minimum: 0 })),
  checksum: Type.Optional(Type.Unsafe<number | null>({ type: ['number', 'null'] })),
  reason: Type.Optional(Type.String()),
  refund_holder: Type.Optional(Type.String()),
  refund_bank: Type.Optional(Type.String()),
  refund_account: Type.Optional(Type.String()),
  refund_tel: Type.Optional(Type.String()),
  retain_promotion: Type.Optional(Type.Boolean()),
  enable_webhook: Type.Optional(Type.Boolean()),
  extra: Type.Optional(Type.Unknown())
})
export type CancelBody = Static<typeof CancelBodySchema>

export const SORTINGS = ['-started', 'started', '-paid', 'paid', '-updated', 'updated'] as const
export type Sorting = (typeof SORTINGS)[number]
