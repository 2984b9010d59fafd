/** `/payments…`: payment lookups and cancel. */
import type { Paged } from '../../api/v1/envelope.js'
import type { CancelBody, Payment, PaymentStatus } from '../../api/v1/payment.js'
import type { FindAllPaymentsQuery, FindPaymentQuery, GetPaymentQuery, MultiplePaymentsQuery, PaymentsByStatusQuery } from '../../api/v1/queries.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class PaymentsResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * One payment by its i'mport id (`GET /payments/{imp_uid}`, operationId `getPaymentByImpUid`).
   * Since 2026-01-26 payments made through a test channel are found only with
   * `include_sandbox: true`. Unknown: `IamportNotFoundError` (404). Amounts in the payment's
   * currency, times in UNIX seconds (0 when not happened).
   */
  get(impUid: string, query: GetPaymentQuery = {}, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>(
      {
        operationId: 'getPaymentByImpUid',
        method: 'GET',
        path: '/payments/{imp_uid}',
        pathParams: { imp_uid: impUid },
        query,
        idempotent: true
      },
      options
    )
  }

  /**
   * Several payments by `imp_uid[]` and/or `merchant_uid[]` (`GET /payments`, operationId
   * `getPaymentListByImpUid`). HTTP 207 when only some are found (the list holds those); none
   * found: `IamportNotFoundError`.
   */
  getMany(query: MultiplePaymentsQuery, options?: RequestOptions): Promise<Result<M, Payment[]>> {
    return this.call<Payment[]>({ operationId: 'getPaymentListByImpUid', method: 'GET', path: '/payments', query, idempotent: true }, options)
  }

  /**
   * The payment made for a `merchant_uid` (`GET /payments/find/{merchant_uid}[/{payment_status}]`,
   * operationId `getPaymentByMerchantUid`). When several attempts share the merchant_uid, the
   * first in `sorting` order (default `-started`, newest first) is returned. None:
   * `IamportNotFoundError`. The way to learn the outcome of a charge whose answer was lost.
   */
  find(merchantUid: string, query: FindPaymentQuery = {}, options?: RequestOptions): Promise<Result<M, Payment>> {
    const { payment_status, ...rest } = query
    return this.call<Payment>(
      {
        operationId: 'getPaymentByMerchantUid',
        method: 'GET',
        path: payment_status === undefined ? '/payments/find/{merchant_uid}' : '/payments/find/{merchant_uid}/{payment_status}',
        pathParams: { merchant_uid: merchantUid, ...(payment_status === undefined ? {} : { payment_status }) },
        query: rest,
        idempotent: true
      },
      options
    )
  }

  /**
   * Every payment attempt for a `merchant_uid`, paged
   * (`GET /payments/findAll/{merchant_uid}[/{payment_status}]`, operationId
   * `getAllPaymentsByMerchantUid`). None: `IamportNotFoundError`.
   */
  findAll(merchantUid: string, query: FindAllPaymentsQuery = {}, options?: RequestOptions): Promise<Result<M, Paged<Payment>>> {
    const { payment_status, ...rest } = query
    return this.call<Paged<Payment>>(
      {
        operationId: 'getAllPaymentsByMerchantUid',
        method: 'GET',
        path: payment_status === undefined ? '/payments/findAll/{merchant_uid}' : '/payments/findAll/{merchant_uid}/{payment_status}',
        pathParams: { merchant_uid: merchantUid, ...(payment_status === undefined ? {} : { payment_status }) },
        query: rest,
        idempotent: true
      },
      options
    )
  }

  /**
   * The merchant's payments in one state, or `all`, paged (`GET /payments/status/{payment_status}`,
   * operationId `getPaymentsByStatus`). `from`/`to` (UNIX seconds, both inclusive) filter on the
   * time of each payment's current status (paid_at for paid, cancelled_at for cancelled, …); by
   * default the last 90 days. An unsupported status or a page past the end is an
   * `IamportApiError` (HTTP 400).
   */
  byStatus(status: PaymentStatus | 'all', query: PaymentsByStatusQuery = {}, options?: RequestOptions): Promise<Result<M, Paged<Payment>>> {
    return this.call<Paged<Payment>>(
      {
        operationId: 'getPaymentsByStatus',
        method: 'GET',
        path: '/payments/status/{payment_status}',
        pathParams: { payment_status: status },
        query,
        idempotent: true
      },
      options
    )
  }

  /**
   * Refunds a payment, wholly or in part (`POST /payments/cancel`, operationId `cancelPayment`).
   * `imp_uid` wins over `merchant_uid`; `amount` (KRW) missing or 0 refunds the whole remaining
   * balance; `checksum` (the balance you believe is left) makes the call fail rather than refund a
   * balance you did not expect. The status becomes `cancelled` even after a partial refund: compare
   * `cancel_amount` with `amount`. Failures are HTTP 200 with code ≠ 0 (`IamportApiError`).
   * Moves money: never retried.
   */
  cancel(body: CancelBody, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>({ operationId: 'cancelPayment', method: 'POST', path: '/payments/cancel', body, idempotent: false }, options)
  }
}
