/**
 * Prepared amounts: `POST`/`PUT /payments/prepare`, `GET /payments/prepare/{merchant_uid}`.
 * The swagger's `PaymentPrepareAnnotation.required` wrongly lists `total, previous, next`
 * (copied from the paged type); the real fields are these three.
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { Amount, NullableString } from './common.js'
import { LIMITS } from './customer.js'

export const PrepareBodySchema = Type.Object({
  merchant_uid: Type.String({ minLength: 1, maxLength: LIMITS.merchant_uid }),
  amount: Amount(),
  currency: Type.Optional(Type.String())
})
export type PrepareBody = Static<typeof PrepareBodySchema>

export const PrepareSchema = Type.Object(
  {
    merchant_uid: Type.String(),
    amount: Amount(),
    currency: NullableString()
  },
  { additionalProperties: false }
)
export type Prepare = Static<typeof PrepareSchema>
export const PrepareResponseSchema = envelope(PrepareSchema)
