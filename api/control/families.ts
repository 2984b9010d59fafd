/**
 * Control API shapes for the V1 families of issue 15: a deposit into a virtual account (what the
 * bank's notice would do on the real service) and the OTP of a pending certification (what the
 * person's phone would show). Simulator-only; the real API has neither.
 */
import { Type, type Static } from 'typebox'
import { PaymentSchema } from '../v1/payment.js'

/** Body of `POST /__mock/vbanks/{imp_uid}/deposit`. */
export const DepositInputSchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1, description: 'the merchant; found by imp_uid when omitted' })),
    amount: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'what is deposited; default: all that is still due. Less leaves the account ready' })
    ),
    depositor_name: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "default: the buyer's name, else the holder" }))
  },
  { additionalProperties: false }
)
export type DepositInput = Static<typeof DepositInputSchema>

export const DepositResultSchema = Type.Object(
  {
    imp_key: Type.String(),
    paid: Type.Boolean({ description: 'this deposit completed the account: it is paid and its webhook was attempted' }),
    payment: PaymentSchema
  },
  { additionalProperties: false }
)
export type DepositResult = Static<typeof DepositResultSchema>

export const OtpViewSchema = Type.Object(
  {
    imp_key: Type.String(),
    imp_uid: Type.String(),
    otp: Type.Union([Type.String(), Type.Null()], { description: 'null once confirmed' }),
    expires_at: Type.Integer({ description: "UNIX seconds on the merchant's clock" }),
    certified: Type.Boolean()
  },
  { additionalProperties: false }
)
export type OtpView = Static<typeof OtpViewSchema>
