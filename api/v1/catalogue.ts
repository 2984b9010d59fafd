/**
 * The error catalogue: every failure the simulator can answer with, in one place.
 *
 * Each entry carries the HTTP status, the envelope `code` and the real API's exact message, and
 * says how strong the evidence is (the research notes on the real API, §7 of iamport-api.md):
 *   - `obs`: seen from the real server (live client tests, captured logs);
 *   - `doc`: official documentation or swagger;
 *   - `third-party`: code by others quoting the text;
 *   - `inferred`: the simulator's own choice where nothing public says; listed in docs/fidelity.md
 *     (and, for virtual accounts, certifications, receipts and the rest, in docs/v1-families.md).
 *
 * Routes and domain functions throw these; the one error handler (plugins/error-handler.ts) turns
 * them into `{ code, message, response: null }`. Tests import the same factories, never retype text.
 */

export type Evidence = 'obs' | 'doc' | 'third-party' | 'inferred'

/** An error the simulator means to answer with (as opposed to a bug, which becomes a 500 envelope). */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError'
  constructor(
    /** HTTP status of the answer. */
    readonly httpStatus: number,
    /** Envelope `code`: 1 or -1 in every observed case. */
    readonly code: number,
    message: string,
    readonly evidence: Evidence
  ) {
    super(message)
  }

  /** The envelope sent to the client. */
  toEnvelope(): { code: number; message: string; response: null } {
    return { code: this.code, message: this.message, response: null }
  }
}

const e = (httpStatus: number, code: number, message: string, evidence: Evidence) => new CatalogueError(httpStatus, code, message, evidence)

/** Prefix i'mport puts before the PG's text when a billing key cannot be issued. */
export const ISSUE_FAILED_PREFIX = '카드정보 인증 및 빌키 발급에 실패하였습니다.'
/** Prefix i'mport puts before the PG's text when a key-in (onetime) payment's card is refused. */
export const KEYIN_FAILED_PREFIX = '카드정보 인증에 실패하였습니다.'
/** Prefix of a schedule's card check when the customer had no key yet. */
export const SCHEDULE_CARD_FAILED_PREFIX = '카드정보 확인에 실패하였습니다.'

export const errors = {
  // --- authentication -----------------------------------------------------------------------
  /** getToken with a wrong `imp_key`/`imp_secret` pair. */
  authFailed: () => e(401, -1, '인증에 실패하였습니다. API키와 secret을 확인하세요.', 'obs'),
  /** getToken without `imp_key` or `imp_secret`. Status 400 or 200 is unsettled; see fidelity switch `get_token_missing_params_status`. */
  tokenParamsMissing: (httpStatus: number) => e(httpStatus, -1, 'imp_key, imp_secret 파라메터가 누락되었습니다.', 'obs'),
  /** Any other call with a missing, unknown or expired token. */
  unauthorized: () => e(401, -1, 'Unauthorized', 'third-party'),

  // --- request shape --------------------------------------------------------------------------
  /** A required body field is missing: `["card_number"] 파라메터는 필수입니다.` (several names when several are missing). */
  requiredParams: (names: readonly string[]) => e(200, -1, `${JSON.stringify(names)} 파라메터는 필수입니다.`, 'third-party'),
  /** A field has the wrong JSON type or format. */
  invalidParam: (name: string) => e(200, -1, `["${name}"] 파라메터의 형식이 올바르지 않습니다.`, 'inferred'),
  /** A field is longer than the swagger's `maxLength`. */
  paramTooLong: (name: string, max: number) => e(200, -1, `["${name}"] 파라메터는 최대 ${max}자까지 입력할 수 있습니다.`, 'inferred'),
  /** An amount that is zero, negative, not finite, or fractional in KRW. */
  invalidAmount: (name: string) => e(200, -1, `["${name}"] 파라메터는 0보다 큰 금액이어야 합니다.`, 'inferred'),
  /** The request body could not be parsed (malformed JSON, unsupported content type). */
  malformedBody: () => e(400, -1, '요청 본문을 해석할 수 없습니다.', 'inferred'),
  /** An amount above `MAX_AMOUNT` (domain/money.ts), where sums of amounts stop being exact. */
  amountTooLarge: (name: string, max: number) => e(200, -1, `["${name}"] 파라메터는 ${max} 이하의 금액이어야 합니다.`, 'inferred'),
  /** The request line cannot be read: a broken percent-encoding such as `/payments/%`. */
  malformedUrl: () => e(400, -1, '요청 URL을 해석할 수 없습니다.', 'inferred'),
  /** The request line is longer than nginx's 8 KiB buffer (`MAX_URL_BYTES`). */
  urlTooLong: (limit: number) => e(414, -1, `요청 URL이 너무 깁니다. (최대 ${limit} bytes)`, 'inferred'),
  /** The headers together exceed Node's `maxHeaderSize`; answered before Fastify sees the request. */
  headersTooLarge: (limit: number) => e(431, -1, `요청 헤더가 너무 큽니다. (최대 ${limit} bytes)`, 'inferred'),
  /** Node could not read the request at all (a broken request line or header). */
  malformedRequest: () => e(400, -1, '요청을 해석할 수 없습니다.', 'inferred'),
  /** The client took too long to send its request (Node's `requestTimeout`). */
  requestTimeout: () => e(408, -1, '요청 시간이 초과되었습니다.', 'inferred'),
  /** The request body exceeds the configured limit. */
  bodyTooLarge: (limit: number) => e(413, -1, `요청 본문이 너무 큽니다. (최대 ${limit} bytes)`, 'inferred'),
  /** GET list endpoints: an unsupported `payment_status`. */
  unsupportedStatus: () => e(400, -1, '지원되지 않는 상태값입니다.', 'obs'),
  /** GET list endpoints: a page or limit outside the allowed range. */
  invalidPaging: (detail: string) => e(400, -1, `페이지 파라메터가 올바르지 않습니다. (${detail})`, 'inferred'),
  /** Unknown route. The real server's answer is not recorded; the simulator keeps the envelope. */
  routeNotFound: (method: string, url: string) => e(404, -1, `요청하신 API를 찾을 수 없습니다. (${method} ${url})`, 'inferred'),
  /** A bug in the simulator: never a stack trace on the wire. */
  internal: () => e(500, -1, '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해주세요.', 'inferred'),

  // --- PG channels ----------------------------------------------------------------------------
  /** The merchant has no API (non-auth) PG channel configured. */
  noApiChannel: () => e(200, -1, '비인증결제모듈 사용정보를 찾을 수 없습니다.', 'third-party'),

  // --- billing keys ---------------------------------------------------------------------------
  /** The PG refused the card while issuing a key. */
  issueFailed: (pgDetail: string) => e(200, -1, `${ISSUE_FAILED_PREFIX} ${pgDetail}`, 'obs'),
  /** GET/DELETE of an unknown customer_uid (observed 200 + code 1; swagger says 404: switch `unknown_customer_http_status`). */
  customerNotFound: (customerUid: string, httpStatus: number) =>
    e(httpStatus, 1, `요청하신 customer_uid(${customerUid})로 등록된 정보를 찾을 수 없습니다.`, 'obs'),
  /** `GET /subscribe/customers?customer_uid[]=` where none is found (swagger: 404). */
  noCustomersFound: () => e(404, -1, '요청하신 customer_uid로 등록된 정보를 찾을 수 없습니다.', 'inferred'),

  // --- charges --------------------------------------------------------------------------------
  /** again with a customer_uid that has no billing key. */
  unknownBuyer: () => e(200, 1, '등록되지 않은 구매자입니다.', 'obs'),
  /** A key-in (onetime) card refused by the PG. */
  keyInFailed: (pgDetail: string) => e(200, -1, `${KEYIN_FAILED_PREFIX} ${pgDetail}`, 'obs'),
  /** A charge with a merchant_uid that already has a paid payment. No public source records the real answer. */
  alreadyPaid: (merchantUid: string) => e(200, 1, `이미 결제가 완료된 주문번호(merchant_uid: ${merchantUid})입니다.`, 'inferred'),
  /** A PG communication failure on a charge (fault preset `pg_error`). */
  pgError: (pgDetail: string) => e(200, -1, `카드사 요청에 실패하였습니다. ${pgDetail}`, 'inferred'),
  /** Installments (card_quota ≥ 2) on an amount under 50,000 KRW. */
  installmentsNotAllowed: () => e(200, -1, '할부결제는 50,000원 이상 결제건에 대해서만 가능합니다.', 'inferred'),

  // --- lookups --------------------------------------------------------------------------------
  /** GET of a payment that does not exist (or a sandbox payment without include_sandbox). */
  paymentNotFound: () => e(404, -1, '존재하지 않는 결제정보입니다.', 'obs'),

  // --- cancel ---------------------------------------------------------------------------------
  /** Neither imp_uid nor merchant_uid on a cancel. The observed text only contains `지정해주셔야합니다.`. */
  cancelTargetMissing: () => e(200, -1, 'imp_uid 또는 merchant_uid 중 하나는 지정해주셔야합니다.', 'inferred'),
  /** Nothing to cancel for the given imp_uid / merchant_uid. */
  cancelTargetNotFound: () => e(200, 1, '취소할 결제건이 존재하지 않습니다.', 'obs'),
  /** The payment is already fully cancelled. */
  alreadyCancelled: () => e(200, 1, '이미 전액취소된 주문입니다.', 'third-party'),
  /** The PG refused the cancel (amount over the cancellable balance). */
  cancelAmountTooLarge: () => e(200, -1, '결제취소에 실패하였습니다.(requested cancel amount is bigger than cancelable amount)', 'obs'),
  /** checksum differs from the cancellable balance. The real text is unknown. */
  checksumMismatch: (checksum: number, cancellable: number) =>
    e(200, 1, `[환불가능금액 불일치] 요청하신 checksum(${checksum})이 실제 환불가능금액(${cancellable})과 일치하지 않습니다.`, 'inferred'),

  // --- schedules ------------------------------------------------------------------------------
  /** POST schedule for a customer_uid without a key and without card data. */
  scheduleCustomerUnknown: () => e(200, 1, '등록된 고객정보가 없습니다.', 'obs'),
  /** POST schedule: the card given to issue the key (or its checking_amount test charge) was refused. */
  scheduleCardFailed: (pgDetail: string) => e(200, 1, `${SCHEDULE_CARD_FAILED_PREFIX} ${pgDetail}`, 'third-party'),
  /**
   * POST schedule with a merchant_uid that is already scheduled, executed or paid. Code 1 is
   * observed (java client test); the text is the simulator's, modelled on the prepare duplicate.
   */
  scheduleDuplicate: (merchantUid: string) =>
    e(200, 1, `결제예약 등록에 실패하였습니다(이미 등록된 merchant_uid입니다: ${merchantUid}).`, 'inferred'),
  /**
   * POST schedule with a schedule_at before now (fidelity switch `schedule_in_past`). Nothing public
   * says; the simulator follows the documented rule of PUT/reschedule, as a write failure (200, code 1).
   */
  scheduleInPast: (merchantUid: string) => e(200, 1, `예약시각이 현재 시각보다 과거입니다. (merchant_uid: ${merchantUid})`, 'inferred'),
  /** PUT/reschedule with a schedule_at before now (swagger: 400; the text is the simulator's). */
  scheduleAtInPast: () => e(400, -1, '예약시각이 현재 시각보다 과거입니다.', 'inferred'),
  /** POST unschedule with nothing left to revoke. */
  nothingToUnschedule: () => e(200, 1, '취소할 예약결제 기록이 존재하지 않습니다.', 'obs'),
  /** GET/PUT/reschedule/retry of a merchant_uid that was never scheduled (404 observed; text unknown). */
  scheduleNotFound: () => e(404, -1, '존재하지 않는 결제예약입니다.', 'inferred'),
  /** PUT of a schedule that has already run or was revoked (swagger: 400). */
  scheduleNotModifiable: (status: string) =>
    e(400, -1, `이미 실행되었거나 취소된 결제예약은 수정할 수 없습니다. (schedule_status: ${status})`, 'inferred'),
  /** reschedule/retry of a schedule that has not run, was revoked or was paid (swagger: 400). */
  scheduleNotRetryable: (state: string) => e(400, -1, `결제에 실패한 결제예약만 다시 처리할 수 있습니다. (${state})`, 'inferred'),
  /** retry of a schedule whose billing key was deleted (swagger: 404 "존재하지 않는 결제예약 혹은 빌링키"). */
  scheduleKeyNotFound: (customerUid: string) => e(404, -1, `요청하신 customer_uid(${customerUid})로 등록된 정보를 찾을 수 없습니다.`, 'obs'),
  /** Schedule searches: bad range (to <= from, longer than 3 months) or bad status (swagger: 400). */
  scheduleSearchInvalid: (detail: string) => e(400, -1, `검색 파라메터가 유효하지 않습니다. (${detail})`, 'inferred'),
  /** A required parameter is missing where the swagger answers 400 (GET queries, schedule update): the parameter error with a 400. */
  requiredParamsBadRequest: (names: readonly string[]) => e(400, -1, `${JSON.stringify(names)} 파라메터는 필수입니다.`, 'third-party'),

  // --- prepare --------------------------------------------------------------------------------
  prepareDuplicate: () => e(200, 1, '결제정보 사전등록에 실패하였습니다(이미 등록된 merchant_uid입니다).', 'third-party'),
  prepareNotFound: () => e(404, -1, '사전등록된 결제정보가 존재하지 않습니다.', 'obs'),

  // --- families of issue 15 (docs/v1-families.md lists every inferred choice) ----------------
  /** A parameter with the wrong form where the swagger answers 400 (certification OTP request). */
  invalidParamBadRequest: (name: string) => e(400, -1, `["${name}"] 파라메터의 형식이 올바르지 않습니다.`, 'inferred'),
  /** A `channel_key` that names none of the merchant's channels (or one of the wrong type). */
  unknownChannelKey: (httpStatus: number, channelKey: string) =>
    e(httpStatus, -1, `channel_key(${channelKey.slice(0, 100)})에 해당하는 채널 설정을 찾을 수 없습니다.`, 'inferred'),
  /** A bank code that is not in the standard table (POST /vbanks `vbank_code`). */
  unknownBankCode: (code: string) => e(200, -1, `유효하지 않은 은행코드입니다. (${code.slice(0, 20)})`, 'inferred'),
  /** POST /vbanks with a `vbank_due` that has already passed. */
  vbankDueInPast: () => e(200, 1, '가상계좌 입금기한(vbank_due)이 현재 시각보다 과거입니다.', 'inferred'),
  /** PUT/DELETE /vbanks on a payment that is not a virtual account (swagger: 400). */
  notVbank: () => e(400, -1, '가상계좌 결제건이 아닙니다.', 'inferred'),
  /** PUT/DELETE /vbanks on an account no longer waiting for its deposit (swagger: 400). */
  vbankNotReady: (status: string) => e(400, -1, `입금대기(ready) 상태의 가상계좌가 아닙니다. (status: ${status})`, 'inferred'),
  /** GET /vbanks/holder for an account the simulator does not know (swagger: 404). */
  holderNotFound: () => e(404, -1, '계좌정보 조회에 실패하였습니다.', 'inferred'),
  /** POST /payments/cancel of a paid virtual account without the refund account fields. */
  refundAccountRequired: () =>
    e(200, -1, '가상계좌 결제건의 환불에는 환불계좌정보(refund_holder, refund_bank, refund_account)가 필요합니다.', 'inferred'),
  /** POST /payments/cancel of a virtual account that was never paid: revoke it with DELETE /vbanks instead. */
  vbankNotPaid: () => e(200, 1, '입금되지 않은 가상계좌는 취소할 수 없습니다. 가상계좌 발급취소 API를 이용해주세요.', 'inferred'),
  /** GET/DELETE/confirm of a certification that does not exist. */
  certificationNotFound: () => e(404, -1, '인증결과가 존재하지 않습니다.', 'obs'),
  /** OTP confirm with a wrong number (swagger: 400 for a bad request on this route). */
  otpMismatch: () => e(400, -1, '인증번호가 일치하지 않습니다.', 'inferred'),
  /** OTP confirm after the number's validity (OTP_VALID_SECONDS on the merchant clock). */
  otpExpired: () => e(400, -1, '인증번호 입력시간이 초과되었습니다. 본인인증을 다시 요청해주세요.', 'inferred'),
  /** OTP confirm of a certification already completed (swagger: 400). */
  alreadyCertified: () => e(400, -1, '이미 본인인증이 완료된 요청입니다.', 'inferred'),
  /** Cash receipt lookup or cancel where none was issued (swagger: 404). */
  receiptNotFound: () => e(404, -1, '현금영수증 발행내역이 존재하지 않습니다.', 'inferred'),
  /** Cash receipt on a payment that is not paid (swagger: 400). */
  receiptPaymentNotPaid: (status: string) =>
    e(400, -1, `결제완료(paid) 상태의 결제건에 대해서만 현금영수증을 발행할 수 있습니다. (status: ${status})`, 'inferred'),
  /** Cash receipt on a card payment: the card slip is the receipt (swagger: 400). */
  receiptNotApplicable: (payMethod: string) => e(400, -1, `현금영수증을 발행할 수 없는 결제수단입니다. (pay_method: ${payMethod})`, 'inferred'),
  /** Cash receipt already issued and not cancelled (swagger: 400). */
  receiptAlreadyIssued: () => e(400, -1, '이미 현금영수증이 발행된 거래건입니다.', 'inferred'),
  /** DELETE /receipts/{imp_uid} for a payment with no receipt issued (swagger: 400). */
  receiptNeverIssued: () => e(400, -1, '포트원을 통해 현금영수증이 발행된 적 없는 거래건입니다.', 'inferred'),
  /** Escrow shipping on a payment that is not an escrow payment (swagger: 400). */
  notEscrow: () => e(400, -1, '에스크로 결제건이 아닙니다.', 'inferred'),
  /** GET escrow shipping where none is registered (swagger 409 description, word for word). */
  escrowLogisNotFound: () => e(409, -1, '등록된 배송정보가 존재하지 않습니다.', 'doc'),
  /** POST escrow shipping a second time (swagger: 409). */
  escrowLogisExists: () => e(409, -1, '이미 배송정보 등록이 완료된 거래건입니다.', 'inferred'),
  /** Escrow shipping on an escrow payment that is not paid (swagger: 409). */
  escrowLogisNotAllowed: (status: string) => e(409, -1, `배송정보를 등록하거나 수정할 수 없는 거래건입니다. (status: ${status})`, 'inferred'),
  /** GET /cards/{code} with an unknown code (swagger: 404). */
  cardCodeNotFound: () => e(404, -1, '코드에 해당되는 카드사정보를 찾을 수 없습니다.', 'inferred'),
  /** GET /banks/{code} with an unknown code (swagger: 404). */
  bankCodeNotFound: () => e(404, -1, '코드에 해당되는 은행정보를 찾을 수 없습니다.', 'inferred'),
  /** GET /tiers/{code}, or a `Tier` header, naming no sub-merchant of this merchant (swagger: 404). */
  tierNotFound: () => e(404, -1, '등록되지 않았거나 이미 삭제된 tier_code입니다.', 'inferred'),
  /** GET /payments/{imp_uid}/balance outside PAYCO/KCP or before paid (text observed; the status is not). */
  balanceUnavailable: () =>
    e(
      400,
      -1,
      '(현재는 PAYCO, KCP만 지원됩니다) 결제건에 대한 금액상세정보가 확인되지 않습니다. 결제 상태가 paid 또는 cancelled가 아닌 경우 확인되지 않습니다.',
      'obs'
    ),
  /**
   * An official route of a family the simulator does not model (api/v1/official-operations.ts). HTTP 400:
   * not 404 (the unknown-route answer), not 5xx (clients retry those, and the simulator counts 5xx as its own failure).
   */
  notSimulated: (method: string, path: string) =>
    e(400, -1, `iamport-mock: ${method} ${path.slice(0, 200)} 은(는) 시뮬레이션하지 않는 API입니다. (docs/v1-families.md)`, 'inferred'),

  // --- the simulator's own test controls (no real counterpart) -----------------------------
  /** An `X-Iamport-Mock-Fault` header that names no preset. */
  unknownFaultPreset: (name: string, known: readonly string[]) =>
    e(400, -1, `iamport-mock: X-Iamport-Mock-Fault "${name.slice(0, 100)}" is not a preset (one of ${known.join(', ')})`, 'inferred'),
  /** An `X-Iamport-Mock-Fault` card preset on a route where no card is presented or charged. */
  faultPresetNotApplicable: (name: string, route: string, actsOn: string) =>
    e(400, -1, `iamport-mock: X-Iamport-Mock-Fault "${name}" does not apply to ${route.slice(0, 200)} (it acts on ${actsOn})`, 'inferred')
} as const

export type ErrorName = keyof typeof errors
