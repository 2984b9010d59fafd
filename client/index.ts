/** The typed i'mport V1 client. */
export { createIamportClient, type IamportClient, type IamportResources } from './client.js'
export {
  IamportError,
  IamportAuthError,
  IamportNotFoundError,
  IamportApiError,
  IamportConnectionError,
  errorFromResponse,
  type ConnectionFailure,
  type IamportErrorDetails
} from './errors.js'
export { DEFAULT_BASE_URL, DEFAULT_TIMEOUT_MS, type Operation } from './request.js'
export type { RetryOptions } from './retry.js'
export type { Exchange, IamportClientOptions, Mode, RawResponse, RequestOptions, Result } from './types.js'
export type { AuthResource } from './resources/auth.js'
export type { BillingKeysResource } from './resources/billing-keys.js'
export type { SubscribeResource } from './resources/subscribe.js'
export type { SchedulesResource } from './resources/schedules.js'
export type { PaymentsResource } from './resources/payments.js'
export type { PrepareResource } from './resources/prepare.js'
export type { VbanksResource } from './resources/vbanks.js'
export type { CertificationsResource } from './resources/certifications.js'
export type { ReceiptsResource } from './resources/receipts.js'
export type { EscrowsResource } from './resources/escrows.js'
export type { CodesResource } from './resources/codes.js'
// The wire types the methods take and return, so callers need one import.
export type {
  Auth,
  Customer,
  IssueBillingKeyBody,
  Payment,
  PaymentStatus,
  OnetimeBody,
  AgainBody,
  CancelBody,
  CancelHistory,
  Prepare,
  PrepareBody,
  Envelope,
  Paged,
  Sorting,
  GetPaymentQuery,
  MultiplePaymentsQuery,
  FindPaymentQuery,
  FindAllPaymentsQuery,
  PaymentsByStatusQuery,
  CustomerPaymentsQuery,
  DeleteBillingKeyQuery,
  ScheduleBody,
  ScheduleItem,
  ScheduleResult,
  ScheduleStatus,
  SchedulePaymentStatus,
  UnscheduleBody,
  ScheduleRangeQuery,
  CustomerSchedulesQuery,
  VbankCreateBody,
  VbankUpdateBody,
  VbankHolder,
  VbankDeposit,
  Certification,
  OtpRequestBody,
  Receipt,
  ExternalReceipt,
  ReceiptIssueBody,
  ExternalReceiptIssueBody,
  EscrowLogis,
  EscrowLogisBody,
  StandardCode,
  PgSettingView,
  Tier,
  PaymentBalance
} from '../api/v1/index.js'

// The simulator's control API (/__mock): faults, clock, reset, state, journal.
export {
  createMockControl,
  MockControlError,
  FAULT_PRESET_HEADER,
  type MockControl,
  type MockControlOptions,
  type ClockMoveOptions,
  type DepositOptions,
  type DepositResult,
  type OtpView
} from './mock-control.js'
export type {
  FaultRuleInput,
  FaultRuleView,
  ClockView,
  JournalView,
  StateView,
  ResetResult,
  FaultAction,
  FaultMatch,
  JournalEntry
} from './mock-control.js'
export type { DeliveryListView, DeliveryView, WebhookSend, WebhookFaultInput, WebhookFaultView } from './mock-control.js'
export type { MerchantCreate, MerchantPatch, MerchantView } from './mock-control.js'
