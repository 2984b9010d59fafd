/**
 * Every operation of the official V1 document, as data: method, path (swagger `{param}` form),
 * operationId, first tag and the HTTP statuses its `responses` list. Derived, not hand-written: read from
 *   - `iamport-swagger-2026-07.json`, `src/schema/v1.openapi.json` of portone-io/developers.portone.io
 *     @ 0a8743aae939dbee11449224d3042604a2ab5a19 (2026-07-27; fetched by that repo from
 *     https://api.iamport.kr/api/docs, hidden entries removed): 80 operations;
 *   - `iamport-swagger.json`, `openapi.json` of iamport/iamport-rest-client-java
 *     @ 3c51e4ffb8d87648d5ee0fd67ee752ac88840d08 (2026-03-04; the raw dump): adds the one hidden
 *     operation, `GET /vbanks/holder` (`source: 'raw'`).
 * Taken 2026-12-06. The every-path test walks this list: each operation is either simulated or
 * answers the "not simulated" envelope (tags in `NOT_SIMULATED_TAGS`); none may fall through to 404.
 */

export interface OfficialOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** As the swagger writes it, e.g. `/payments/{imp_uid}`. */
  readonly path: string
  readonly operationId: string
  /** The operation's first swagger tag (its family). */
  readonly tag: string
  /** The HTTP statuses its `responses` document. */
  readonly statuses: readonly number[]
  /** `raw` for the operation only the raw dump has (`x-portone-hidden` in the live document). */
  readonly source?: 'raw'
}

/**
 * Families the simulator does not model: PG-specific APIs (naver pay orders, KCP quick pay,
 * Benepia points, Paymentwall, PAYCO order status, partner receipts) and convenience-store
 * payments, whose document gives no barcode field in the payment to answer with. Each of their
 * routes answers the `notSimulated` catalogue entry.
 */
export const NOT_SIMULATED_TAGS = ['benepia', 'cvs', 'kcpquick', 'naver', 'partners', 'payco', 'paymentwall'] as const

export const OFFICIAL_OPERATIONS: readonly OfficialOperation[] = [
  { method: 'POST', path: '/users/getToken', operationId: 'getToken', tag: 'authenticate', statuses: [200, 401] },
  { method: 'POST', path: '/benepia/point', operationId: 'queryBenepiaPoint', tag: 'benepia', statuses: [200, 401, 500] },
  { method: 'POST', path: '/benepia/payment', operationId: 'payBenepiaPoint', tag: 'benepia', statuses: [200, 401, 500] },
  { method: 'GET', path: '/certifications/{imp_uid}', operationId: 'getCertification', tag: 'certifications', statuses: [200, 401, 404] },
  { method: 'DELETE', path: '/certifications/{imp_uid}', operationId: 'deleteCertification', tag: 'certifications', statuses: [200, 401, 404, 500] },
  { method: 'POST', path: '/certifications/otp/request', operationId: 'requestOTP', tag: 'certifications', statuses: [200, 400, 401, 500] },
  {
    method: 'POST',
    path: '/certifications/otp/confirm/{imp_uid}',
    operationId: 'confirmOTP',
    tag: 'certifications',
    statuses: [200, 400, 401, 404, 500]
  },
  { method: 'GET', path: '/subscribe/customers', operationId: 'customer_view_multiple', tag: 'subscribe.customer', statuses: [200, 207, 401, 404] },
  { method: 'GET', path: '/subscribe/customers/{customer_uid}', operationId: 'customer_view', tag: 'subscribe.customer', statuses: [200, 401, 404] },
  { method: 'POST', path: '/subscribe/customers/{customer_uid}', operationId: 'customer_save', tag: 'subscribe.customer', statuses: [200, 401] },
  {
    method: 'DELETE',
    path: '/subscribe/customers/{customer_uid}',
    operationId: 'customer_delete',
    tag: 'subscribe.customer',
    statuses: [200, 401, 404]
  },
  {
    method: 'GET',
    path: '/subscribe/customers/{customer_uid}/payments',
    operationId: 'customer_payments',
    tag: 'subscribe.customer',
    statuses: [200, 401, 404]
  },
  {
    method: 'GET',
    path: '/subscribe/customers/{customer_uid}/schedules',
    operationId: 'findSchedulesByCustomer',
    tag: 'subscribe.customer',
    statuses: [200, 400, 401]
  },
  { method: 'POST', path: '/cvs', operationId: 'issueCvsPayment', tag: 'cvs', statuses: [200, 401] },
  { method: 'DELETE', path: '/cvs/{imp_uid}', operationId: 'revokeCvsPayment', tag: 'cvs', statuses: [200, 401] },
  { method: 'GET', path: '/escrows/logis/{imp_uid}', operationId: 'escrow_logis_get', tag: 'escrow.logis', statuses: [200, 400, 401, 404, 409, 500] },
  {
    method: 'PUT',
    path: '/escrows/logis/{imp_uid}',
    operationId: 'escrow_logis_edit',
    tag: 'escrow.logis',
    statuses: [200, 400, 401, 404, 405, 409, 500]
  },
  {
    method: 'POST',
    path: '/escrows/logis/{imp_uid}',
    operationId: 'escrow_logis_save',
    tag: 'escrow.logis',
    statuses: [200, 400, 401, 404, 405, 409, 500]
  },
  { method: 'DELETE', path: '/kcpquick/members/{member_id}', operationId: 'member_delete', tag: 'kcpquick', statuses: [200, 401, 404] },
  { method: 'POST', path: '/kcpquick/payment/money', operationId: 'payWithMoney', tag: 'kcpquick', statuses: [200, 401] },
  { method: 'PUT', path: '/kcpquick/prepare/{merchant_uid}', operationId: 'prepare_update', tag: 'kcpquick', statuses: [200, 400, 401, 404] },
  { method: 'POST', path: '/kcpquick/prepare/{merchant_uid}', operationId: 'prepare_create', tag: 'kcpquick', statuses: [200, 400, 401, 409] },
  { method: 'POST', path: '/kcpquick/payment/autopay', operationId: 'payWithAutoPaymentKey', tag: 'kcpquick', statuses: [200, 401] },
  { method: 'DELETE', path: '/kcpquick/autopay/{customer_uid}', operationId: 'deleteAutoPayKey', tag: 'kcpquick', statuses: [200, 401, 404, 500] },
  { method: 'POST', path: '/kcpquick/members/{member_id}/fido/release', operationId: 'releaseFido', tag: 'kcpquick', statuses: [200, 400, 401, 500] },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/cancel',
    operationId: 'naverCancelProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/approve-cancel',
    operationId: 'naverApproveCancelProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/ship',
    operationId: 'naverShipProductOrder',
    tag: 'naver',
    statuses: [200, 207, 400, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/ship-exchanged',
    operationId: 'naverShipProductOrder',
    tag: 'naver',
    statuses: [200, 207, 400, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/collect-exchanged',
    operationId: 'naverCollectProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/place',
    operationId: 'naverPlaceProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/request-return',
    operationId: 'naverRequestReturnProductOrder',
    tag: 'naver',
    statuses: [200, 207, 400, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/approve-return',
    operationId: 'naverApproveReturnProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/reject-return',
    operationId: 'naverRejectReturnProductOrder',
    tag: 'naver',
    statuses: [200, 207, 400, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/withhold-return',
    operationId: 'naverWithholdReturnProductOrder',
    tag: 'naver',
    statuses: [200, 207, 400, 401, 404, 500]
  },
  {
    method: 'POST',
    path: '/payments/{imp_uid}/naver/resolve-return',
    operationId: 'naverResolveReturnProductOrder',
    tag: 'naver',
    statuses: [200, 207, 401, 404, 500]
  },
  { method: 'POST', path: '/payments/{imp_uid}/naver/point', operationId: 'naverDepositPoint', tag: 'naver', statuses: [200, 401, 404, 500] },
  { method: 'POST', path: '/payments/{imp_uid}/naver/confirm', operationId: 'naverConfirmPayment', tag: 'naver', statuses: [200, 401, 404, 500] },
  { method: 'GET', path: '/payments/{imp_uid}/naver/product-orders', operationId: 'getProductOrders', tag: 'naver', statuses: [200, 401, 404] },
  {
    method: 'GET',
    path: '/naver/product-orders/{product_order_id}',
    operationId: 'getProductOrderSingle',
    tag: 'naver',
    statuses: [200, 400, 401, 404]
  },
  { method: 'GET', path: '/naver/reviews', operationId: 'getReviews', tag: 'naver', statuses: [200, 400, 401, 500] },
  { method: 'GET', path: '/payments/{imp_uid}/naver/cash-amount', operationId: 'queryCashAmount', tag: 'naver', statuses: [200, 400, 401, 500] },
  { method: 'POST', path: '/partners/receipts/{imp_uid}', operationId: 'partner', tag: 'partners', statuses: [200, 400, 401, 404, 500, 501] },
  { method: 'POST', path: '/payco/orders/status/{imp_uid}', operationId: 'changeOrderStatus', tag: 'payco', statuses: [200, 401] },
  { method: 'GET', path: '/payments/{imp_uid}/balance', operationId: 'balanceByImpUid', tag: 'payments', statuses: [200, 401, 404, 405] },
  { method: 'GET', path: '/payments/{imp_uid}', operationId: 'getPaymentByImpUid', tag: 'payments', statuses: [200, 401, 404] },
  { method: 'GET', path: '/payments', operationId: 'getPaymentListByImpUid', tag: 'payments', statuses: [200, 207, 401, 404] },
  {
    method: 'GET',
    path: '/payments/find/{merchant_uid}/{payment_status}',
    operationId: 'getPaymentByMerchantUid',
    tag: 'payments',
    statuses: [200, 401, 404]
  },
  {
    method: 'GET',
    path: '/payments/findAll/{merchant_uid}/{payment_status}',
    operationId: 'getAllPaymentsByMerchantUid',
    tag: 'payments',
    statuses: [200, 400, 401, 404]
  },
  { method: 'GET', path: '/payments/status/{payment_status}', operationId: 'getPaymentsByStatus', tag: 'payments', statuses: [200, 400, 401] },
  { method: 'POST', path: '/payments/cancel', operationId: 'cancelPayment', tag: 'payments', statuses: [200, 401] },
  { method: 'PUT', path: '/payments/prepare', operationId: 'editPreparePayment', tag: 'payments.validation', statuses: [200, 401, 404] },
  { method: 'POST', path: '/payments/prepare', operationId: 'preparePayment', tag: 'payments.validation', statuses: [200, 401] },
  {
    method: 'GET',
    path: '/payments/prepare/{merchant_uid}',
    operationId: 'getPaymentPrepareByMerchantUid',
    tag: 'payments.validation',
    statuses: [200, 401]
  },
  { method: 'POST', path: '/paymentwall/delivery', operationId: 'paymentwall_delivery', tag: 'paymentwall', statuses: [200, 401] },
  { method: 'GET', path: '/receipts/{imp_uid}', operationId: 'getReceipt', tag: 'receipts', statuses: [200, 401, 404] },
  { method: 'POST', path: '/receipts/{imp_uid}', operationId: 'issueReceipt', tag: 'receipts', statuses: [200, 400, 401, 500, 501] },
  { method: 'DELETE', path: '/receipts/{imp_uid}', operationId: 'revokeReceipt', tag: 'receipts', statuses: [200, 400, 401, 500, 501] },
  { method: 'GET', path: '/receipts/external/{merchant_uid}', operationId: 'getExternalReceipt', tag: 'receipts', statuses: [200, 401, 404] },
  {
    method: 'POST',
    path: '/receipts/external/{merchant_uid}',
    operationId: 'issueExternalReceipt',
    tag: 'receipts',
    statuses: [200, 400, 401, 500, 501]
  },
  {
    method: 'DELETE',
    path: '/receipts/external/{merchant_uid}',
    operationId: 'revokeExternalReceipt',
    tag: 'receipts',
    statuses: [200, 400, 401, 404, 500, 501]
  },
  { method: 'GET', path: '/cards', operationId: 'allCardCodes', tag: 'codes', statuses: [200, 401, 404] },
  { method: 'GET', path: '/cards/{card_standard_code}', operationId: 'cardCodes', tag: 'codes', statuses: [200, 401, 404] },
  { method: 'GET', path: '/banks', operationId: 'allBankCodes', tag: 'codes', statuses: [200, 401, 404] },
  { method: 'GET', path: '/banks/{bank_standard_code}', operationId: 'bankCodes', tag: 'codes', statuses: [200, 401, 404] },
  { method: 'POST', path: '/subscribe/payments/onetime', operationId: 'onetime', tag: 'subscribe', statuses: [200, 401] },
  { method: 'POST', path: '/subscribe/payments/again', operationId: 'again', tag: 'subscribe', statuses: [200, 401] },
  { method: 'GET', path: '/subscribe/payments/schedule', operationId: 'findSchedulesByRange', tag: 'subscribe', statuses: [200, 400, 401] },
  { method: 'POST', path: '/subscribe/payments/schedule', operationId: 'schedule', tag: 'subscribe', statuses: [200, 401] },
  { method: 'POST', path: '/subscribe/payments/unschedule', operationId: 'unschedule', tag: 'subscribe', statuses: [200, 401] },
  {
    method: 'GET',
    path: '/subscribe/payments/schedule/{merchant_uid}',
    operationId: 'getScheduleByMid',
    tag: 'subscribe',
    statuses: [200, 401, 404]
  },
  {
    method: 'PUT',
    path: '/subscribe/payments/schedule/{merchant_uid}',
    operationId: 'updateScheduleByMid',
    tag: 'subscribe',
    statuses: [200, 400, 404, 500]
  },
  {
    method: 'POST',
    path: '/subscribe/payments/schedule/{merchant_uid}/reschedule',
    operationId: 'rescheduleByMid',
    tag: 'subscribe',
    statuses: [200, 400, 404, 500]
  },
  {
    method: 'POST',
    path: '/subscribe/payments/schedule/{merchant_uid}/retry',
    operationId: 'retryScheduleByMid',
    tag: 'subscribe',
    statuses: [200, 400, 404, 500]
  },
  {
    method: 'GET',
    path: '/subscribe/payments/schedule/customers/{customer_uid}',
    operationId: 'findSchedulesByCustomer',
    tag: 'subscribe',
    statuses: [200, 400, 401]
  },
  { method: 'GET', path: '/tiers/{tier_code}', operationId: 'GetTier', tag: 'tiers', statuses: [200, 401, 404] },
  { method: 'GET', path: '/users/pg', operationId: 'getPgSettingList', tag: 'users', statuses: [200] },
  { method: 'POST', path: '/vbanks', operationId: 'createVbank', tag: 'vbanks', statuses: [200, 401] },
  { method: 'PUT', path: '/vbanks/{imp_uid}', operationId: 'modifyVbank', tag: 'vbanks', statuses: [200, 400, 401, 404] },
  { method: 'DELETE', path: '/vbanks/{imp_uid}', operationId: 'revokeVbank', tag: 'vbanks', statuses: [200, 400, 401, 404] },
  { method: 'GET', path: '/vbanks/holder', operationId: 'queryBankHolder', tag: 'vbanks', statuses: [200, 400, 401, 404], source: 'raw' }
]

/** True for operations of a family the simulator names as not simulated. */
export function isNotSimulated(operation: OfficialOperation): boolean {
  return (NOT_SIMULATED_TAGS as readonly string[]).includes(operation.tag)
}

/** `/payments/{imp_uid}` as a Fastify route URL: `/payments/:imp_uid`. */
export function routeUrlOf(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1')
}
