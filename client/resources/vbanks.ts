/**
 * `/vbanks…`: virtual accounts (무통장입금). An issued account is a payment (`pay_method: vbank`)
 * in `ready` until the buyer's deposit makes it `paid` (with its webhook). On the simulator, the
 * deposit is made with the control client (`mock.vbanks.deposit`).
 */
import type { Payment } from '../../api/v1/payment.js'
import type { VbankCreateBody, VbankHolder, VbankUpdateBody } from '../../api/v1/vbank.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class VbanksResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * Issues an account for a new payment (`POST /vbanks`, operationId `createVbank`): `channel_key`
   * (from `client.users.pgSettings()`), `vbank_code` (a bank code, `client.codes.banks()`),
   * `vbank_due` (UNIX seconds). A refusal is an `IamportApiError` (HTTP 200, code ≠ 0).
   */
  create(body: VbankCreateBody, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>({ operationId: 'createVbank', method: 'POST', path: '/vbanks', body, idempotent: false }, options)
  }

  /** Changes amount or due time of an account still waiting (`PUT /vbanks/{imp_uid}`, `modifyVbank`). */
  update(impUid: string, body: VbankUpdateBody, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>(
      { operationId: 'modifyVbank', method: 'PUT', path: '/vbanks/{imp_uid}', pathParams: { imp_uid: impUid }, body, idempotent: true },
      options
    )
  }

  /** Revokes an account still waiting (`DELETE /vbanks/{imp_uid}`, `revokeVbank`): the payment is `cancelled`. */
  revoke(impUid: string, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>(
      { operationId: 'revokeVbank', method: 'DELETE', path: '/vbanks/{imp_uid}', pathParams: { imp_uid: impUid }, idempotent: false },
      options
    )
  }

  /** The holder of a bank account (`GET /vbanks/holder`, hidden `queryBankHolder`), before a refund. */
  holder(bankCode: string, bankNum: string, options?: RequestOptions): Promise<Result<M, VbankHolder>> {
    return this.call<VbankHolder>(
      { operationId: 'queryBankHolder', method: 'GET', path: '/vbanks/holder', query: { bank_code: bankCode, bank_num: bankNum }, idempotent: true },
      options
    )
  }
}
