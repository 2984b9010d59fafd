/**
 * Escrow shipping (에스크로 배송정보): the sender, receiver and logistics of an escrow payment,
 * as `POST/PUT /escrows/logis/{imp_uid}` take them and `EscrowLogisAnnotation` answers.
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { UnixSeconds } from './common.js'

const FormedAddress = Type.Object({
  address_line_1: Type.Optional(Type.String()),
  address_line_2: Type.Optional(Type.String())
})

export const EscrowSenderSchema = Type.Object({
  name: Type.Optional(Type.String()),
  tel: Type.Optional(Type.String()),
  addr: Type.Optional(Type.String()),
  postcode: Type.Optional(Type.String()),
  relationship: Type.Optional(Type.String()),
  formed_address: Type.Optional(FormedAddress)
})

export const EscrowReceiverSchema = Type.Object({
  name: Type.Optional(Type.String()),
  tel: Type.Optional(Type.String()),
  addr: Type.Optional(Type.String()),
  postcode: Type.Optional(Type.String()),
  formed_address: Type.Optional(FormedAddress)
})

/** `EscrowLogisInfoAnnotation`: company code, invoice number, when it was sent. */
export const EscrowLogisInfoSchema = Type.Object({
  company: Type.String({ minLength: 1 }),
  invoice: Type.String({ minLength: 1 }),
  sent_at: Type.Integer({ minimum: 0 }),
  receiving_at: Type.Optional(Type.String()),
  address: Type.Optional(Type.String())
})

/** `EscrowLogisProductsAnnotation`. */
export const EscrowProductSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  code: Type.Optional(Type.String()),
  amount: Type.Number(),
  currency: Type.Optional(Type.String()),
  quantity: Type.Optional(Type.Integer()),
  tag: Type.Optional(Type.String())
})

/** Body of `POST /escrows/logis/{imp_uid}` (`escrow_logis_save`) and `PUT` (`escrow_logis_edit`). */
export const EscrowLogisBodySchema = Type.Object({
  sender: EscrowSenderSchema,
  receiver: EscrowReceiverSchema,
  logis: EscrowLogisInfoSchema,
  products: Type.Optional(Type.Array(EscrowProductSchema)),
  send_email: Type.Optional(Type.Boolean())
})
export type EscrowLogisBody = Static<typeof EscrowLogisBodySchema>

/** `EscrowLogisAnnotation`: what the PG registered. */
export const EscrowLogisSchema = Type.Object(
  {
    company: Type.String(),
    invoice: Type.String(),
    sent_at: UnixSeconds(),
    applied_at: UnixSeconds()
  },
  { additionalProperties: false }
)
export type EscrowLogis = Static<typeof EscrowLogisSchema>
export const EscrowLogisResponseSchema = envelope(EscrowLogisSchema)
