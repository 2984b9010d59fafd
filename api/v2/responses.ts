/**
 * TypeBox schemas of the V2 answers the simulator sends, the subset of the official document's
 * shapes it fills in (card billing keys and card payments). Optional fields of the document that
 * the simulator never sets are left out; every field it sets is here with the document's type.
 * The conformance test checks real answers against the official document itself.
 */
import { Type, type Static } from 'typebox'

const Opt = Type.Optional
const Str = Type.String()
const Int = Type.Integer()
const DateTime = Type.String({ format: 'date-time' })

export const SelectedChannelSchema = Type.Object({
  type: Type.Union([Type.Literal('LIVE'), Type.Literal('TEST')]),
  id: Opt(Str),
  key: Opt(Str),
  name: Opt(Str),
  pgProvider: Str,
  pgMerchantId: Str
})
export type SelectedChannel = Static<typeof SelectedChannelSchema>

export const CustomerSchema = Type.Object({
  id: Opt(Str),
  name: Opt(Str),
  birthYear: Opt(Str),
  birthMonth: Opt(Str),
  birthDay: Opt(Str),
  gender: Opt(Str),
  email: Opt(Str),
  phoneNumber: Opt(Str),
  zipcode: Opt(Str)
})
export type Customer = Static<typeof CustomerSchema>

export const CardSchema = Type.Object({
  publisher: Opt(Str),
  issuer: Opt(Str),
  brand: Opt(Str),
  type: Opt(Type.Union([Type.Literal('CREDIT'), Type.Literal('DEBIT'), Type.Literal('GIFT')])),
  ownerType: Opt(Type.Union([Type.Literal('PERSONAL'), Type.Literal('CORPORATE')])),
  bin: Opt(Str),
  name: Opt(Str),
  number: Opt(Str)
})
export type Card = Static<typeof CardSchema>

export const LoginResponseSchema = Type.Object({ accessToken: Str, refreshToken: Str })

export const IssueBillingKeyResponseSchema = Type.Object({
  billingKeyInfo: Type.Object({ billingKey: Str, channels: Opt(Type.Array(SelectedChannelSchema)), issuedAt: DateTime })
})

export const BillingKeyInfoSchema = Type.Object({
  status: Type.Union([Type.Literal('ISSUED'), Type.Literal('DELETED')]),
  billingKey: Str,
  merchantId: Str,
  storeId: Str,
  methods: Opt(Type.Array(Type.Object({ type: Type.Literal('BillingKeyPaymentMethodCard'), card: Opt(CardSchema) }))),
  channels: Type.Array(SelectedChannelSchema),
  customer: CustomerSchema,
  customData: Opt(Str),
  issueId: Opt(Str),
  requestedAt: Opt(DateTime),
  issuedAt: DateTime,
  /** DELETED only. */
  deletedAt: Opt(DateTime)
})
export type BillingKeyInfo = Static<typeof BillingKeyInfoSchema>

export const PageInfoSchema = Type.Object({ number: Int, size: Int, totalCount: Int })
export type PageInfo = Static<typeof PageInfoSchema>

export const DeleteBillingKeyResponseSchema = Type.Object({ deletedAt: DateTime })

export const PaymentAmountSchema = Type.Object({
  total: Int,
  taxFree: Int,
  vat: Opt(Int),
  supply: Opt(Int),
  discount: Int,
  paid: Int,
  cancelled: Int,
  cancelledTaxFree: Int
})

export const PaymentCancellationSchema = Type.Object({
  status: Type.Literal('SUCCEEDED'),
  id: Str,
  pgCancellationId: Opt(Str),
  totalAmount: Int,
  taxFreeAmount: Int,
  vatAmount: Int,
  reason: Str,
  cancelledAt: Opt(DateTime),
  requestedAt: DateTime,
  trigger: Opt(Type.Literal('API'))
})
export type PaymentCancellation = Static<typeof PaymentCancellationSchema>

export const PaymentSchema = Type.Object({
  status: Type.Union([Type.Literal('PAID'), Type.Literal('FAILED'), Type.Literal('CANCELLED'), Type.Literal('PARTIAL_CANCELLED')]),
  id: Str,
  transactionId: Str,
  merchantId: Str,
  storeId: Str,
  method: Opt(
    Type.Object({
      type: Type.Literal('PaymentMethodCard'),
      card: Opt(CardSchema),
      approvalNumber: Opt(Str),
      installment: Opt(Type.Object({ month: Int, isInterestFree: Type.Boolean() }))
    })
  ),
  channel: Opt(SelectedChannelSchema),
  version: Type.Literal('V2'),
  scheduleId: Opt(Str),
  billingKey: Opt(Str),
  requestedAt: DateTime,
  updatedAt: DateTime,
  statusChangedAt: DateTime,
  orderName: Str,
  amount: PaymentAmountSchema,
  currency: Str,
  customer: CustomerSchema,
  origin: Type.Object({ platformType: Type.Literal('API'), ipAddress: Str }),
  customData: Opt(Str),
  paidAt: Opt(DateTime),
  pgTxId: Opt(Str),
  receiptUrl: Opt(Str),
  disputes: Opt(Type.Array(Type.Object({}))),
  cancellations: Opt(Type.Array(PaymentCancellationSchema)),
  cancelledAt: Opt(DateTime),
  failedAt: Opt(DateTime),
  failure: Opt(Type.Object({ reason: Opt(Str), pgCode: Opt(Str), pgMessage: Opt(Str) }))
})
export type Payment = Static<typeof PaymentSchema>

export const PaymentSummarySchema = Type.Object({ payment: Type.Object({ pgTxId: Str, paidAt: DateTime }) })
export const CancelPaymentResponseSchema = Type.Object({ cancellation: PaymentCancellationSchema })

export const PaymentScheduleSchema = Type.Object({
  status: Type.Unsafe<'SCHEDULED' | 'STARTED' | 'SUCCEEDED' | 'FAILED' | 'REVOKED' | 'PENDING'>({
    type: 'string',
    enum: ['SCHEDULED', 'STARTED', 'SUCCEEDED', 'FAILED', 'REVOKED', 'PENDING']
  }),
  id: Str,
  merchantId: Str,
  storeId: Str,
  paymentId: Str,
  billingKey: Str,
  orderName: Str,
  isCulturalExpense: Type.Boolean(),
  isEscrow: Type.Boolean(),
  customer: CustomerSchema,
  customData: Str,
  totalAmount: Int,
  taxFreeAmount: Opt(Int),
  vatAmount: Opt(Int),
  currency: Str,
  installmentMonth: Opt(Int),
  noticeUrls: Opt(Type.Array(Str)),
  createdAt: DateTime,
  timeToPay: DateTime,
  startedAt: Opt(DateTime),
  completedAt: Opt(DateTime),
  revokedAt: Opt(DateTime)
})
export type PaymentSchedule = Static<typeof PaymentScheduleSchema>

export const CreatePaymentScheduleResponseSchema = Type.Object({ schedule: Type.Object({ id: Str }) })
export const RevokePaymentSchedulesResponseSchema = Type.Object({ revokedScheduleIds: Type.Array(Str), revokedAt: Opt(DateTime) })

/** The 2024-04-25 webhook body: `{ type, timestamp, data }`. */
export const WebhookBodySchema = Type.Object({
  type: Str,
  timestamp: DateTime,
  data: Type.Object({
    storeId: Str,
    paymentId: Opt(Str),
    transactionId: Opt(Str),
    cancellationId: Opt(Str),
    billingKey: Opt(Str)
  })
})
export type WebhookBody = Static<typeof WebhookBodySchema>

export const ErrorBodySchema = Type.Object({ type: Str, message: Str, pgCode: Opt(Str), pgMessage: Opt(Str) })
