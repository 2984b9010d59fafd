/**
 * Billing keys: `CustomerAnnotation` and the body of `POST /subscribe/customers/{customer_uid}`
 * (operationId `customer_save`). Lengths are the swagger's `maxLength`s.
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { NullableInteger, NullableString, UnixSeconds } from './common.js'

/** Identifier limits from the official definitions. */
export const LIMITS = {
  customer_uid: 80,
  merchant_uid: 40,
  pg: 80,
  customer_name: 20,
  customer_tel: 20,
  customer_email: 200,
  customer_addr: 200,
  customer_postcode: 8,
  channel_group_id: 55,
  channel_key: 55,
  name: 40,
  buyer_name: 16,
  buyer_email: 64,
  buyer_tel: 16,
  buyer_addr: 128,
  buyer_postcode: 8
} as const

/** The card fields every key-in call shares. Never stored or echoed: only the masked number survives. */
export const CardFieldsSchema = {
  card_number: Type.String({ description: 'dddd-dddd-dddd-dddd' }),
  expiry: Type.String({ description: 'YYYY-MM' }),
  birth: Type.Optional(Type.String({ description: 'YYMMDD, or a 10-digit business number for corporate cards' })),
  pwd_2digit: Type.Optional(Type.String({ description: 'first two digits of the card password' })),
  cvc: Type.Optional(Type.String())
}

export const CustomerFieldsSchema = {
  customer_id: Type.Optional(Type.String()),
  customer_name: Type.Optional(Type.String({ maxLength: LIMITS.customer_name })),
  customer_tel: Type.Optional(Type.String({ maxLength: LIMITS.customer_tel })),
  customer_email: Type.Optional(Type.String({ maxLength: LIMITS.customer_email })),
  customer_addr: Type.Optional(Type.String({ maxLength: LIMITS.customer_addr })),
  customer_postcode: Type.Optional(Type.String({ maxLength: LIMITS.customer_postcode }))
}

export const CustomerUidParamsSchema = Type.Object({
  customer_uid: Type.String({ minLength: 1, maxLength: LIMITS.customer_uid })
})

/** Body of `POST /subscribe/customers/{customer_uid}`. */
export const IssueBillingKeyBodySchema = Type.Object({
  ...CardFieldsSchema,
  ...CustomerFieldsSchema,
  pg: Type.Optional(Type.String({ maxLength: LIMITS.pg })),
  channel_group_id: Type.Optional(Type.String({ maxLength: LIMITS.channel_group_id })),
  channel_key: Type.Optional(Type.String({ maxLength: LIMITS.channel_key }))
})
export type IssueBillingKeyBody = Static<typeof IssueBillingKeyBodySchema>

/** `CustomerAnnotation`: a billing key as i'mport returns it (card number masked). */
export const CustomerSchema = Type.Object(
  {
    customer_uid: Type.String(),
    pg_provider: Type.String(),
    pg_id: Type.String(),
    sandbox: Type.Boolean(),
    customer_id: NullableString(),
    card_name: Type.String(),
    card_code: NullableString(),
    card_issuer_code: NullableString(),
    card_issuer_name: NullableString(),
    card_publisher_code: NullableString(),
    card_publisher_name: NullableString(),
    card_number: NullableString(),
    card_type: NullableInteger({ description: '0 credit, 1 check, null when the PG does not say' }),
    customer_name: NullableString(),
    customer_tel: NullableString(),
    customer_email: NullableString(),
    customer_addr: NullableString(),
    customer_postcode: NullableString(),
    inserted: UnixSeconds({ description: 'first issue under this customer_uid' }),
    updated: UnixSeconds({ description: 'last issue (or deletion) under this customer_uid' })
  },
  { additionalProperties: false }
)
export type Customer = Static<typeof CustomerSchema>
export const CustomerResponseSchema = envelope(CustomerSchema)
export const CustomerListResponseSchema = envelope(Type.Array(CustomerSchema))

/** `DELETE /subscribe/customers/{customer_uid}` query. */
export const DeleteBillingKeyQuerySchema = Type.Object({
  reason: Type.Optional(Type.String()),
  extra: Type.Optional(Type.Object({ requester: Type.Optional(Type.String()) }))
})

/** `GET /subscribe/customers?customer_uid[]=…` query (the bracket suffix is removed by the query parser). */
export const MultipleCustomersQuerySchema = Type.Object({
  customer_uid: Type.Array(Type.String({ maxLength: LIMITS.customer_uid }), { minItems: 1 })
})
