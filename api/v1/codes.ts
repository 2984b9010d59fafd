/**
 * Tables and merchant facts: standard codes (`GET /banks`, `/cards`), the merchant's PG settings
 * (`GET /users/pg`), sub-merchants (`GET /tiers/{tier_code}`) and a payment's amount detail
 * (`GET /payments/{imp_uid}/balance`).
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { Amount, NullableString, UnixSeconds } from './common.js'

/** `StandardCodeAnnotation`. */
export const StandardCodeSchema = Type.Object({ code: Type.String(), name: Type.String() }, { additionalProperties: false })
export type StandardCode = Static<typeof StandardCodeSchema>
export const StandardCodeResponseSchema = envelope(StandardCodeSchema)
export const StandardCodeListResponseSchema = envelope(Type.Array(StandardCodeSchema))

/** `PgSettingAnnotation`. */
export const PgSettingSchema = Type.Object(
  {
    pg_provider: Type.String(),
    pg_id: Type.String(),
    sandbox: Type.Boolean(),
    type: Type.String({ description: 'payment, api_payment or certification' }),
    channel_name: NullableString(),
    channel_key: Type.String()
  },
  { additionalProperties: false }
)
export type PgSettingView = Static<typeof PgSettingSchema>
export const PgSettingListResponseSchema = envelope(Type.Array(PgSettingSchema))

/** `TierAnnotation`. */
export const TierSchema = Type.Object({ tier_code: Type.String(), tier_name: Type.String() }, { additionalProperties: false })
export type Tier = Static<typeof TierSchema>
export const TierResponseSchema = envelope(TierSchema)

/** `PaymentBalanceAnnotation`. */
export const BalanceSchema = Type.Object({ tax_free: Amount(), supply: Amount(), vat: Amount(), service: Amount() }, { additionalProperties: false })
export type Balance = Static<typeof BalanceSchema>

const BalanceParts = {
  cash_receipt: BalanceSchema,
  primary: BalanceSchema,
  secondary: BalanceSchema,
  discount: BalanceSchema
}

/** `PaymentBalanceResponseAnnotation`. */
export const PaymentBalanceSchema = Type.Object(
  {
    amount: Amount(),
    ...BalanceParts,
    histories: Type.Array(Type.Object({ ...BalanceParts, created: UnixSeconds() }, { additionalProperties: false }))
  },
  { additionalProperties: false }
)
export type PaymentBalance = Static<typeof PaymentBalanceSchema>
export const PaymentBalanceResponseSchema = envelope(PaymentBalanceSchema)
