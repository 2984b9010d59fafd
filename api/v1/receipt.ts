/**
 * Cash receipts (현금영수증): `ReceiptAnnotation` (for a payment), `ExternalReceiptAnnotation` (for
 * a sale made outside i'mport) and the bodies that issue them.
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { Amount, NullableString, UnixSeconds } from './common.js'

const ReceiptFields = {
  receipt_tid: NullableString(),
  apply_num: Type.String(),
  type: Type.String({ description: 'person or company' }),
  amount: Type.Integer(),
  vat: Type.Integer(),
  receipt_url: NullableString(),
  applied_at: UnixSeconds(),
  cancelled_at: UnixSeconds()
}

export const ReceiptSchema = Type.Object({ imp_uid: Type.String(), ...ReceiptFields }, { additionalProperties: false })
export type Receipt = Static<typeof ReceiptSchema>
export const ReceiptResponseSchema = envelope(ReceiptSchema)

export const ExternalReceiptSchema = Type.Object({ merchant_uid: Type.String(), ...ReceiptFields }, { additionalProperties: false })
export type ExternalReceipt = Static<typeof ExternalReceiptSchema>
export const ExternalReceiptResponseSchema = envelope(ExternalReceiptSchema)

const IdentifierType = Type.Unsafe<'person' | 'business' | 'phone' | 'taxcard'>({
  type: 'string',
  enum: ['person', 'business', 'phone', 'taxcard']
})
const ReceiptType = Type.Unsafe<'person' | 'company'>({ type: 'string', enum: ['person', 'company'] })

const IssueFields = {
  identifier: Type.String({ minLength: 1 }),
  identifier_type: Type.Optional(IdentifierType),
  type: Type.Optional(ReceiptType),
  product_type: Type.Optional(Type.Unsafe<'real' | 'digital'>({ type: 'string', enum: ['real', 'digital'] })),
  buyer_name: Type.Optional(Type.String()),
  buyer_email: Type.Optional(Type.String()),
  buyer_tel: Type.Optional(Type.String()),
  tax_free: Type.Optional(Type.Integer({ minimum: 0 })),
  vat_amount: Type.Optional(Amount({ minimum: 0 })),
  corp_reg_no: Type.Optional(Type.String())
}

/** Body of `POST /receipts/{imp_uid}` (operationId `issueReceipt`). */
export const ReceiptIssueBodySchema = Type.Object({
  ...IssueFields,
  company_tel: Type.Optional(Type.String()),
  company_name: Type.Optional(Type.String()),
  vat: Type.Optional(Type.Integer({ minimum: 0 }))
})
export type ReceiptIssueBody = Static<typeof ReceiptIssueBodySchema>

/** Body of `POST /receipts/external/{merchant_uid}` (operationId `issueExternalReceipt`). */
export const ExternalReceiptIssueBodySchema = Type.Object({
  ...IssueFields,
  channel_key: Type.String(),
  name: Type.String(),
  amount: Type.Integer({ minimum: 1 }),
  pay_method: Type.Optional(Type.Unsafe<'trans' | 'vbank'>({ type: 'string', enum: ['trans', 'vbank'] }))
})
export type ExternalReceiptIssueBody = Static<typeof ExternalReceiptIssueBodySchema>
