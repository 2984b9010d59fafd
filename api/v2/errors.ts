/**
 * The V2 error catalogue: every `{ type, message }` answer the V2 wing can give, in one place.
 *
 * `type` and the HTTP status are the official OpenAPI document's (each error schema's `type` and
 * `x-portone-status-code`; errors.test.ts checks every entry against api/v2/official/). The
 * document gives no message texts, only a Korean description of each case; the messages here are
 * written from those descriptions (`doc-description`) or are the simulator's own (`inferred`).
 * Routes and domain functions throw `V2Error`s; the V2 error handler sends `toBody()`.
 */

export type V2Evidence = 'doc' | 'doc-description' | 'inferred'

export type V2ErrorType =
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'CHANNEL_NOT_FOUND'
  | 'PG_PROVIDER'
  | 'BILLING_KEY_NOT_FOUND'
  | 'BILLING_KEY_ALREADY_DELETED'
  | 'BILLING_KEY_NOT_ISSUED'
  | 'PAYMENT_NOT_FOUND'
  | 'ALREADY_PAID'
  | 'PAYMENT_NOT_PAID'
  | 'PAYMENT_ALREADY_CANCELLED'
  | 'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT'
  | 'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT'
  | 'CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN'
  | 'SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT'
  | 'PAYMENT_SCHEDULE_NOT_FOUND'
  | 'PAYMENT_SCHEDULE_ALREADY_EXISTS'
  | 'PAYMENT_SCHEDULE_ALREADY_PROCESSED'
  | 'PAYMENT_SCHEDULE_ALREADY_REVOKED'
  | 'ALREADY_PAID_OR_WAITING'

/** Each type's HTTP status (`x-portone-status-code`) and the schema that documents it. */
export const V2_ERROR_TYPES: Readonly<Record<V2ErrorType, { readonly status: number; readonly schema: string }>> = {
  INVALID_REQUEST: { status: 400, schema: 'InvalidRequestError' },
  UNAUTHORIZED: { status: 401, schema: 'UnauthorizedError' },
  FORBIDDEN: { status: 403, schema: 'ForbiddenError' },
  CHANNEL_NOT_FOUND: { status: 404, schema: 'ChannelNotFoundError' },
  PG_PROVIDER: { status: 502, schema: 'PgProviderError' },
  BILLING_KEY_NOT_FOUND: { status: 404, schema: 'BillingKeyNotFoundError' },
  BILLING_KEY_ALREADY_DELETED: { status: 409, schema: 'BillingKeyAlreadyDeletedError' },
  BILLING_KEY_NOT_ISSUED: { status: 404, schema: 'BillingKeyNotIssuedError' },
  PAYMENT_NOT_FOUND: { status: 404, schema: 'PaymentNotFoundError' },
  ALREADY_PAID: { status: 409, schema: 'AlreadyPaidError' },
  PAYMENT_NOT_PAID: { status: 409, schema: 'PaymentNotPaidError' },
  PAYMENT_ALREADY_CANCELLED: { status: 409, schema: 'PaymentAlreadyCancelledError' },
  CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT: { status: 409, schema: 'CancelAmountExceedsCancellableAmountError' },
  CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT: {
    status: 409,
    schema: 'CancelTaxFreeAmountExceedsCancellableTaxFreeAmountError'
  },
  CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN: { status: 409, schema: 'CancellableAmountConsistencyBrokenError' },
  SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT: { status: 409, schema: 'SumOfPartsExceedsTotalAmountError' },
  PAYMENT_SCHEDULE_NOT_FOUND: { status: 404, schema: 'PaymentScheduleNotFoundError' },
  PAYMENT_SCHEDULE_ALREADY_EXISTS: { status: 409, schema: 'PaymentScheduleAlreadyExistsError' },
  PAYMENT_SCHEDULE_ALREADY_PROCESSED: { status: 409, schema: 'PaymentScheduleAlreadyProcessedError' },
  PAYMENT_SCHEDULE_ALREADY_REVOKED: { status: 409, schema: 'PaymentScheduleAlreadyRevokedError' },
  ALREADY_PAID_OR_WAITING: { status: 409, schema: 'AlreadyPaidOrWaitingError' }
}

/** The body of a V2 error answer: `type`, `message`, and `pgCode`/`pgMessage` for PG_PROVIDER. */
export interface V2ErrorBody {
  type: V2ErrorType
  message: string
  pgCode?: string
  pgMessage?: string
}

/** An error the V2 wing means to answer with (anything else is a bug: a 500 with no stack). */
export class V2Error extends Error {
  override readonly name = 'V2Error'
  readonly httpStatus: number
  constructor(
    readonly type: V2ErrorType,
    message: string,
    readonly evidence: V2Evidence,
    readonly pg: { readonly pgCode: string; readonly pgMessage: string } | null = null
  ) {
    super(message)
    this.httpStatus = V2_ERROR_TYPES[type].status
  }

  toBody(): V2ErrorBody {
    return this.pg === null ? { type: this.type, message: this.message } : { type: this.type, message: this.message, ...this.pg }
  }
}

const e = (type: V2ErrorType, message: string, evidence: V2Evidence = 'doc-description') => new V2Error(type, message, evidence)

export const v2errors = {
  // --- authentication and request shape --------------------------------------------------------
  /** No Authorization header, an unknown API secret, or an unknown or expired access token. */
  unauthorized: () => e('UNAUTHORIZED', '인증 정보가 올바르지 않습니다.'),
  /** A refresh token that was never issued or has expired. */
  invalidRefreshToken: () => e('UNAUTHORIZED', '리프레시 토큰이 올바르지 않습니다.', 'inferred'),
  /** A body that is not JSON, a field of the wrong type, a missing required field… (`detail` names it). */
  invalidRequest: (detail: string) => e('INVALID_REQUEST', `요청된 입력 정보가 유효하지 않습니다: ${detail}`),
  /** A `storeId` that is not one of the secret's stores. */
  forbiddenStore: (storeId: string) => e('FORBIDDEN', `상점(${storeId})에 대한 권한이 없습니다.`, 'inferred'),
  channelNotFound: (channelKey: string) => e('CHANNEL_NOT_FOUND', `채널(${channelKey})이 존재하지 않습니다.`),

  // --- the PG -------------------------------------------------------------------------------
  /** The PG refused the card or the charge: HTTP 502 with the PG's own code and Korean message. */
  pgProvider: (pgCode: string, pgMessage: string) =>
    new V2Error('PG_PROVIDER', `PG사에서 오류를 전달했습니다: ${pgMessage}`, 'doc-description', { pgCode, pgMessage }),

  // --- billing keys -------------------------------------------------------------------------
  billingKeyNotFound: () => e('BILLING_KEY_NOT_FOUND', '빌링키가 존재하지 않습니다.'),
  billingKeyAlreadyDeleted: () => e('BILLING_KEY_ALREADY_DELETED', '빌링키가 이미 삭제되었습니다.'),

  // --- payments -----------------------------------------------------------------------------
  paymentNotFound: () => e('PAYMENT_NOT_FOUND', '결제 건이 존재하지 않습니다.'),
  alreadyPaid: () => e('ALREADY_PAID', '결제가 이미 완료되었습니다.'),
  paymentNotPaid: () => e('PAYMENT_NOT_PAID', '결제가 완료되지 않았습니다.'),
  paymentAlreadyCancelled: () => e('PAYMENT_ALREADY_CANCELLED', '결제가 이미 취소되었습니다.'),
  cancelAmountExceeds: () => e('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT', '결제 취소 금액이 취소 가능 금액을 초과합니다.'),
  cancelTaxFreeExceeds: () => e('CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT', '취소 면세 금액이 취소 가능한 면세 금액을 초과합니다.'),
  /** `currentCancellableAmount` given and different from what is left. */
  cancellableAmountMismatch: () => e('CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', '취소 가능 잔액 검증에 실패했습니다.'),
  sumOfPartsExceedsTotal: () => e('SUM_OF_PARTS_EXCEEDS_TOTAL_AMOUNT', '면세 금액 등 하위 항목들의 합이 전체 결제 금액을 초과합니다.'),

  // --- schedules ----------------------------------------------------------------------------
  scheduleNotFound: () => e('PAYMENT_SCHEDULE_NOT_FOUND', '결제 예약건이 존재하지 않습니다.'),
  scheduleAlreadyExists: () => e('PAYMENT_SCHEDULE_ALREADY_EXISTS', '결제 예약건이 이미 존재합니다.'),
  scheduleAlreadyProcessed: () => e('PAYMENT_SCHEDULE_ALREADY_PROCESSED', '결제 예약건이 이미 처리되었습니다.'),
  scheduleAlreadyRevoked: () => e('PAYMENT_SCHEDULE_ALREADY_REVOKED', '결제 예약건이 이미 취소되었습니다.'),
  alreadyPaidOrWaiting: () => e('ALREADY_PAID_OR_WAITING', '결제가 이미 완료되었거나 대기중입니다.')
} as const
