/**
 * Query strings of the read endpoints, as the official swagger declares them. The simulator's
 * routes declare the same parameters; the client takes its parameter types from here.
 */
import { Type, type Static } from 'typebox'
import { PAYMENT_STATUSES, SORTINGS, type PaymentStatus, type Sorting } from './payment.js'
import type { DeleteBillingKeyQuerySchema } from './customer.js'

const SortingSchema = Type.Unsafe<Sorting>({ type: 'string', enum: [...SORTINGS] })

/** `GET /payments/{imp_uid}` (operationId `getPaymentByImpUid`). */
export const GetPaymentQuerySchema = Type.Object({
  include_sandbox: Type.Optional(Type.Boolean({ description: 'include payments made through a test channel (default false; added 2026-01-26)' }))
})
export type GetPaymentQuery = Static<typeof GetPaymentQuerySchema>

/** `GET /payments?imp_uid[]=…&merchant_uid[]=…` (operationId `getPaymentListByImpUid`). */
export const MultiplePaymentsQuerySchema = Type.Object({
  imp_uid: Type.Optional(Type.Array(Type.String())),
  merchant_uid: Type.Optional(Type.Array(Type.String()))
})
export type MultiplePaymentsQuery = Static<typeof MultiplePaymentsQuerySchema>

/** A payment status as a path segment of the find/findAll lookups. */
export const PaymentStatusParamSchema = Type.Unsafe<PaymentStatus>({ type: 'string', enum: [...PAYMENT_STATUSES] })

/** `GET /payments/find/{merchant_uid}[/{payment_status}]` (operationId `getPaymentByMerchantUid`). */
export const FindPaymentQuerySchema = Type.Object({
  payment_status: Type.Optional(PaymentStatusParamSchema),
  sorting: Type.Optional(SortingSchema)
})
export type FindPaymentQuery = Static<typeof FindPaymentQuerySchema>

/** Paging shared by the list lookups: `page` starts at 1, `limit` defaults to 20 (max 1000). */
export const PagingQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  sorting: Type.Optional(SortingSchema)
})
export type PagingQuery = Static<typeof PagingQuerySchema>

/** `GET /payments/findAll/{merchant_uid}[/{payment_status}]` (operationId `getAllPaymentsByMerchantUid`). */
export const FindAllPaymentsQuerySchema = Type.Object({
  ...PagingQuerySchema.properties,
  payment_status: Type.Optional(PaymentStatusParamSchema)
})
export type FindAllPaymentsQuery = Static<typeof FindAllPaymentsQuerySchema>

/**
 * `GET /payments/status/{payment_status}` (operationId `getPaymentsByStatus`): `from <= t <= to`
 * in UNIX seconds, `t` being the time of each payment's current status (started, paid, cancelled,
 * failed); `to` defaults to now, `from` to 90 days before `to`.
 */
export const PaymentsByStatusQuerySchema = Type.Object({
  ...PagingQuerySchema.properties,
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  to: Type.Optional(Type.Integer({ minimum: 0 }))
})
export type PaymentsByStatusQuery = Static<typeof PaymentsByStatusQuerySchema>

/** `GET /subscribe/customers/{customer_uid}/payments` (operationId `customer_payments`): 20 a page. */
export const CustomerPaymentsQuerySchema = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1 }))
})
export type CustomerPaymentsQuery = Static<typeof CustomerPaymentsQuerySchema>

/** `DELETE /subscribe/customers/{customer_uid}` query (operationId `customer_delete`). */
export type DeleteBillingKeyQuery = Static<typeof DeleteBillingKeyQuerySchema>
