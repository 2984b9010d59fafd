/**
 * `/payments/prepare`: registers the amount a merchant_uid is expected to be paid with. It guards
 * the browser SDK's payment window; the REST charge calls do not check it.
 */
import type { Prepare, PrepareBody } from '../../api/v1/prepare.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class PrepareResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * Registers `amount` (KRW unless `currency` says otherwise) for `merchant_uid`
   * (`POST /payments/prepare`, operationId `preparePayment`). A merchant_uid registered before is
   * an `IamportApiError` with code 1.
   */
  create(body: PrepareBody, options?: RequestOptions): Promise<Result<M, Prepare>> {
    return this.call<Prepare>({ operationId: 'preparePayment', method: 'POST', path: '/payments/prepare', body, idempotent: false }, options)
  }

  /**
   * Changes the amount registered for `merchant_uid` (`PUT /payments/prepare`, operationId
   * `editPreparePayment`). Not registered: `IamportNotFoundError`. Safe to repeat.
   */
  update(body: PrepareBody, options?: RequestOptions): Promise<Result<M, Prepare>> {
    return this.call<Prepare>({ operationId: 'editPreparePayment', method: 'PUT', path: '/payments/prepare', body, idempotent: true }, options)
  }

  /**
   * The amount registered for `merchantUid` (`GET /payments/prepare/{merchant_uid}`, operationId
   * `getPaymentPrepareByMerchantUid`). Not registered: `IamportNotFoundError`.
   */
  get(merchantUid: string, options?: RequestOptions): Promise<Result<M, Prepare>> {
    return this.call<Prepare>(
      {
        operationId: 'getPaymentPrepareByMerchantUid',
        method: 'GET',
        path: '/payments/prepare/{merchant_uid}',
        pathParams: { merchant_uid: merchantUid },
        idempotent: true
      },
      options
    )
  }
}
