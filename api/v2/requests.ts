/**
 * TypeBox schemas of the V2 request bodies the simulator serves, as the official OpenAPI document
 * (api/v2/official/) defines them: required fields, types, enums and formats. Fields the simulator
 * does not act on (bypass, products, cashReceipt…) are accepted and ignored, as unknown fields
 * are: the document's schemas do not forbid them and the SDK sends `undefined` ones as absent.
 */
import { Type, type Static } from 'typebox'

const Str = (options: { minLength?: number; maxLength?: number } = {}) => Type.String(options)
const Int64 = Type.Integer()
const DateTime = Type.String({ format: 'date-time' })
/** One of a list of strings, typed as their union. */
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] })

export const CardCredentialSchema = Type.Object({
  number: Str(),
  expiryYear: Str(),
  expiryMonth: Str(),
  birthOrBusinessRegistrationNumber: Type.Optional(Str()),
  passwordTwoDigits: Type.Optional(Str())
})
export type CardCredential = Static<typeof CardCredentialSchema>

export const CustomerInputSchema = Type.Object({
  id: Type.Optional(Str()),
  name: Type.Optional(
    Type.Object({
      full: Type.Optional(Str()),
      separated: Type.Optional(Type.Object({ first: Str(), last: Str() }))
    })
  ),
  birthYear: Type.Optional(Str()),
  birthMonth: Type.Optional(Str()),
  birthDay: Type.Optional(Str()),
  country: Type.Optional(Str()),
  gender: Type.Optional(Type.Union([Type.Literal('MALE'), Type.Literal('FEMALE'), Type.Literal('OTHER')])),
  email: Type.Optional(Str()),
  phoneNumber: Type.Optional(Str()),
  address: Type.Optional(Type.Object({})),
  zipcode: Type.Optional(Str()),
  businessRegistrationNumber: Type.Optional(Str())
})
export type CustomerInput = Static<typeof CustomerInputSchema>

const NoticeUrls = Type.Optional(Type.Array(Str()))

export const IssueBillingKeyBodySchema = Type.Object({
  storeId: Type.Optional(Str()),
  method: Type.Object({ card: Type.Optional(Type.Object({ credential: CardCredentialSchema })) }),
  channelKey: Type.Optional(Str()),
  channelGroupId: Type.Optional(Str()),
  customer: Type.Optional(CustomerInputSchema),
  customData: Type.Optional(Str()),
  bypass: Type.Optional(Type.Object({})),
  noticeUrls: NoticeUrls,
  skipWebhook: Type.Optional(Type.Boolean())
})
export type IssueBillingKeyBody = Static<typeof IssueBillingKeyBodySchema>

export const PaymentAmountInputSchema = Type.Object({
  total: Int64,
  taxFree: Type.Optional(Int64),
  vat: Type.Optional(Int64)
})
export type PaymentAmountInput = Static<typeof PaymentAmountInputSchema>

/** Fields shared by a billing-key payment, a key-in payment and a schedule's payment. */
const chargeFields = {
  storeId: Type.Optional(Str()),
  channelKey: Type.Optional(Str()),
  orderName: Str(),
  customer: Type.Optional(CustomerInputSchema),
  customData: Type.Optional(Str()),
  amount: PaymentAmountInputSchema,
  currency: Str({ minLength: 3, maxLength: 3 }),
  country: Type.Optional(Str()),
  noticeUrls: NoticeUrls,
  productCount: Type.Optional(Type.Integer()),
  productType: Type.Optional(Type.Union([Type.Literal('PHYSICAL'), Type.Literal('DIGITAL')])),
  promotionId: Type.Optional(Str()),
  skipWebhook: Type.Optional(Type.Boolean())
}

export const BillingKeyPaymentInputSchema = Type.Object({
  ...chargeFields,
  billingKey: Str(),
  installmentMonth: Type.Optional(Type.Integer({ minimum: 0 })),
  useFreeInterestFromMerchant: Type.Optional(Type.Boolean()),
  useCardPoint: Type.Optional(Type.Boolean()),
  locale: Type.Optional(Str())
})
export type BillingKeyPaymentInput = Static<typeof BillingKeyPaymentInputSchema>

export const InstantPaymentInputSchema = Type.Object({
  ...chargeFields,
  channelGroupId: Type.Optional(Str()),
  method: Type.Object({
    card: Type.Optional(
      Type.Object({
        credential: CardCredentialSchema,
        installmentMonth: Type.Optional(Type.Integer({ minimum: 0 })),
        useFreeInstallmentPlan: Type.Optional(Type.Boolean()),
        useFreeInterestFromMerchant: Type.Optional(Type.Boolean()),
        useCardPoint: Type.Optional(Type.Boolean())
      })
    ),
    virtualAccount: Type.Optional(Type.Object({}))
  }),
  isCulturalExpense: Type.Optional(Type.Boolean()),
  isEscrow: Type.Optional(Type.Boolean())
})
export type InstantPaymentInput = Static<typeof InstantPaymentInputSchema>

export const CancelPaymentBodySchema = Type.Object({
  storeId: Type.Optional(Str()),
  amount: Type.Optional(Int64),
  taxFreeAmount: Type.Optional(Int64),
  vatAmount: Type.Optional(Int64),
  reason: Str(),
  requester: Type.Optional(Type.Union([Type.Literal('CUSTOMER'), Type.Literal('ADMIN')])),
  currentCancellableAmount: Type.Optional(Int64),
  refundEmail: Type.Optional(Str()),
  skipWebhook: Type.Optional(Type.Boolean())
})
export type CancelPaymentBody = Static<typeof CancelPaymentBodySchema>

export const CreatePaymentScheduleBodySchema = Type.Object({
  payment: BillingKeyPaymentInputSchema,
  timeToPay: DateTime
})
export type CreatePaymentScheduleBody = Static<typeof CreatePaymentScheduleBodySchema>

export const PageInputSchema = Type.Object({
  number: Type.Optional(Type.Integer({ minimum: 0 })),
  size: Type.Optional(Type.Integer({ minimum: 1 }))
})

const SortOrder = Type.Union([Type.Literal('DESC'), Type.Literal('ASC')])

export const GetBillingKeyInfosBodySchema = Type.Object({
  page: Type.Optional(PageInputSchema),
  sort: Type.Optional(
    Type.Object({
      by: Type.Optional(Enum(['REQUESTED_AT', 'ISSUED_AT', 'DELETED_AT', 'STATUS_TIMESTAMP'] as const)),
      order: Type.Optional(SortOrder)
    })
  ),
  filter: Type.Optional(
    Type.Object({
      storeId: Type.Optional(Str()),
      timeRangeField: Type.Optional(Enum(['REQUESTED_AT', 'ISSUED_AT', 'DELETED_AT', 'STATUS_TIMESTAMP'] as const)),
      from: Type.Optional(DateTime),
      until: Type.Optional(DateTime),
      status: Type.Optional(Type.Array(Type.Union([Type.Literal('ISSUED'), Type.Literal('DELETED')]))),
      customerId: Type.Optional(Str())
    })
  )
})
export type GetBillingKeyInfosBody = Static<typeof GetBillingKeyInfosBodySchema>

export const PAYMENT_STATUSES = ['READY', 'PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'PARTIAL_CANCELLED', 'CANCELLED'] as const

export const GetPaymentsBodySchema = Type.Object({
  page: Type.Optional(PageInputSchema),
  filter: Type.Optional(
    Type.Object({
      storeId: Type.Optional(Str()),
      timestampType: Type.Optional(Type.Union([Type.Literal('CREATED_AT'), Type.Literal('STATUS_CHANGED_AT')])),
      from: Type.Optional(DateTime),
      until: Type.Optional(DateTime),
      status: Type.Optional(Type.Array(Enum(PAYMENT_STATUSES))),
      isScheduled: Type.Optional(Type.Boolean()),
      sortOrder: Type.Optional(SortOrder),
      currency: Type.Optional(Str())
    })
  )
})
export type GetPaymentsBody = Static<typeof GetPaymentsBodySchema>

export const SCHEDULE_STATUSES = ['SCHEDULED', 'STARTED', 'SUCCEEDED', 'FAILED', 'REVOKED', 'PENDING'] as const

export const GetPaymentSchedulesBodySchema = Type.Object({
  page: Type.Optional(PageInputSchema),
  sort: Type.Optional(
    Type.Object({
      by: Type.Optional(Enum(['CREATED_AT', 'TIME_TO_PAY', 'COMPLETED_AT', 'STATUS_TIMESTAMP'] as const)),
      order: Type.Optional(SortOrder)
    })
  ),
  filter: Type.Optional(
    Type.Object({
      storeId: Type.Optional(Str()),
      billingKey: Type.Optional(Str()),
      from: Type.Optional(DateTime),
      until: Type.Optional(DateTime),
      status: Type.Optional(Type.Array(Enum(SCHEDULE_STATUSES))),
      isForTest: Type.Optional(Type.Boolean())
    })
  )
})
export type GetPaymentSchedulesBody = Static<typeof GetPaymentSchedulesBodySchema>

export const RevokePaymentSchedulesBodySchema = Type.Object({
  storeId: Type.Optional(Str()),
  billingKey: Type.Optional(Str()),
  scheduleIds: Type.Optional(Type.Array(Str()))
})
export type RevokePaymentSchedulesBody = Static<typeof RevokePaymentSchedulesBodySchema>

export const LoginViaApiSecretBodySchema = Type.Object({ apiSecret: Str() })
export const RefreshTokenBodySchema = Type.Object({ refreshToken: Str() })

/** `storeId` as a query parameter (GET one payment, key or schedule; DELETE a key). */
export const StoreIdQuerySchema = Type.Object({
  storeId: Type.Optional(Str()),
  reason: Type.Optional(Str()),
  requester: Type.Optional(Type.Union([Type.Literal('CUSTOMER'), Type.Literal('ADMIN')])),
  /** A query string carries text: `true` or `false`. */
  skipWebhook: Type.Optional(Enum(['true', 'false'] as const))
})
