/**
 * `/subscribe/payments/onetime` and `/subscribe/payments/again`: charges without a payment window.
 * Neither is ever retried by the client: i'mport has no idempotency key, so after a lost answer
 * look the payment up by `merchant_uid` (`payments.find`) before charging again.
 */
import type { AgainBody, OnetimeBody, Payment } from '../../api/v1/payment.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class SubscribeResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * Charges a card given by its number (key-in), and with `customer_uid` also stores it as that
   * customer's billing key (`POST /subscribe/payments/onetime`, operationId `onetime`). `amount` is
   * in the payment's currency (KRW by default, whole won). A card the PG refuses is an
   * `IamportApiError` (HTTP 200, code -1) and nothing is charged; a PG decline after that is a
   * payment with `status: 'failed'` and `fail_reason`. Moves money: never retried.
   */
  onetime(body: OnetimeBody, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>({ operationId: 'onetime', method: 'POST', path: '/subscribe/payments/onetime', body, idempotent: false }, options)
  }

  /**
   * Charges the billing key stored under `customer_uid` (`POST /subscribe/payments/again`,
   * operationId `again`). `amount` in KRW (whole won) unless `currency` says otherwise. Check the
   * result's `status`: a PG decline (insufficient balance, limit exceeded…) still answers code 0,
   * with `status: 'failed'` and `fail_reason`. An unknown customer_uid is an `IamportApiError`
   * with code 1 (`등록되지 않은 구매자입니다.`). Moves money: never retried.
   */
  again(body: AgainBody, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>({ operationId: 'again', method: 'POST', path: '/subscribe/payments/again', body, idempotent: false }, options)
  }
}
