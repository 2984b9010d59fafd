/**
 * Virtual accounts (무통장입금): the bodies of `POST /vbanks` and `PUT /vbanks/{imp_uid}`, the
 * holder check and `VbankDepositAnnotation` (one entry of a payment's `deposit_history`).
 * An issued account is a payment (`PaymentAnnotation` with `pay_method: vbank`).
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { Amount, MAX_UNIX_SECONDS, UnixSeconds } from './common.js'
import { LIMITS } from './customer.js'

/** Body of `POST /vbanks` (operationId `createVbank`); limits from the swagger. */
export const VbankCreateBodySchema = Type.Object({
  channel_key: Type.String(),
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }),
  amount: Amount(),
  vbank_code: Type.String(),
  vbank_due: Type.Integer({ minimum: 0, maximum: MAX_UNIX_SECONDS }),
  vbank_holder: Type.Optional(Type.String({ maxLength: 16 })),
  vbank_num: Type.Optional(Type.String()),
  vbank_key: Type.Optional(Type.String({ maxLength: 13 })),
  product_type: Type.Optional(Type.Unsafe<'real' | 'digital'>({ type: 'string', enum: ['real', 'digital'] })),
  name: Type.Optional(Type.String({ maxLength: 40 })),
  buyer_name: Type.Optional(Type.String({ maxLength: 16 })),
  buyer_email: Type.Optional(Type.String({ maxLength: 64 })),
  buyer_tel: Type.Optional(Type.String({ maxLength: 16 })),
  buyer_addr: Type.Optional(Type.String({ maxLength: 128 })),
  buyer_postcode: Type.Optional(Type.String({ maxLength: 8 })),
  business_registration_number: Type.Optional(Type.String({ maxLength: 10 })),
  /** The swagger types it as an array; a single string is taken too. */
  notice_url: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  custom_data: Type.Optional(Type.String()),
  tax_free: Type.Optional(Amount({ minimum: 0 })),
  vat_amount: Type.Optional(Amount({ minimum: 0 })),
  product_count: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Hecto fixed-account escrow: its presence makes the payment an escrow payment (never stored). */
  escrow_password: Type.Optional(Type.String()),
  fixed_unlimited_vbank: Type.Optional(Type.Boolean())
})
export type VbankCreateBody = Static<typeof VbankCreateBodySchema>

/** Body of `PUT /vbanks/{imp_uid}` (operationId `modifyVbank`). */
export const VbankUpdateBodySchema = Type.Object({
  amount: Type.Optional(Amount()),
  vbank_due: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_UNIX_SECONDS }))
})
export type VbankUpdateBody = Static<typeof VbankUpdateBodySchema>

/** Query of `GET /vbanks/holder` (hidden operation of the raw swagger). */
export const VbankHolderQuerySchema = Type.Object({
  bank_code: Type.Optional(Type.String()),
  bank_num: Type.Optional(Type.String())
})

export const VbankHolderSchema = Type.Object({ bank_holder: Type.String() }, { additionalProperties: false })
export type VbankHolder = Static<typeof VbankHolderSchema>
export const VbankHolderResponseSchema = envelope(VbankHolderSchema)

/** `VbankDepositAnnotation`: one deposit into a virtual account. */
export const VbankDepositSchema = Type.Object(
  {
    pg_tid: Type.String(),
    amount: Amount(),
    depositor_name: Type.String(),
    deposited_at: UnixSeconds()
  },
  { additionalProperties: false }
)
export type VbankDeposit = Static<typeof VbankDepositSchema>
