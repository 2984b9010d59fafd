/**
 * `/receipts…`: cash receipts (현금영수증), for a payment made without a card (`issue`, `get`,
 * `cancel`) and for a sale made outside i'mport (`issueExternal`, `getExternal`, `cancelExternal`).
 */
import type { ExternalReceipt, ExternalReceiptIssueBody, Receipt, ReceiptIssueBody } from '../../api/v1/receipt.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class ReceiptsResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  private byImpUid<T>(operationId: string, method: 'GET' | 'POST' | 'DELETE', impUid: string, body: object | undefined, options?: RequestOptions) {
    return this.call<T>(
      { operationId, method, path: '/receipts/{imp_uid}', pathParams: { imp_uid: impUid }, ...(body ? { body } : {}), idempotent: method !== 'POST' },
      options
    )
  }

  private byMerchantUid<T>(
    operationId: string,
    method: 'GET' | 'POST' | 'DELETE',
    merchantUid: string,
    body: object | undefined,
    options?: RequestOptions
  ) {
    return this.call<T>(
      {
        operationId,
        method,
        path: '/receipts/external/{merchant_uid}',
        pathParams: { merchant_uid: merchantUid },
        ...(body ? { body } : {}),
        idempotent: method !== 'POST'
      },
      options
    )
  }

  /** `POST /receipts/{imp_uid}` (`issueReceipt`): on a paid payment made without a card. Refusals: HTTP 400. */
  issue(impUid: string, body: ReceiptIssueBody, options?: RequestOptions): Promise<Result<M, Receipt>> {
    return this.byImpUid<Receipt>('issueReceipt', 'POST', impUid, body, options)
  }

  /** `GET /receipts/{imp_uid}` (`getReceipt`). None issued: `IamportNotFoundError`. */
  get(impUid: string, options?: RequestOptions): Promise<Result<M, Receipt>> {
    return this.byImpUid<Receipt>('getReceipt', 'GET', impUid, undefined, options)
  }

  /** `DELETE /receipts/{imp_uid}` (`revokeReceipt`): the receipt answers with its `cancelled_at`. */
  cancel(impUid: string, options?: RequestOptions): Promise<Result<M, Receipt>> {
    return this.byImpUid<Receipt>('revokeReceipt', 'DELETE', impUid, undefined, options)
  }

  /** `POST /receipts/external/{merchant_uid}` (`issueExternalReceipt`). */
  issueExternal(merchantUid: string, body: ExternalReceiptIssueBody, options?: RequestOptions): Promise<Result<M, ExternalReceipt>> {
    return this.byMerchantUid<ExternalReceipt>('issueExternalReceipt', 'POST', merchantUid, body, options)
  }

  /** `GET /receipts/external/{merchant_uid}` (`getExternalReceipt`). */
  getExternal(merchantUid: string, options?: RequestOptions): Promise<Result<M, ExternalReceipt>> {
    return this.byMerchantUid<ExternalReceipt>('getExternalReceipt', 'GET', merchantUid, undefined, options)
  }

  /** `DELETE /receipts/external/{merchant_uid}` (`revokeExternalReceipt`). */
  cancelExternal(merchantUid: string, options?: RequestOptions): Promise<Result<M, ExternalReceipt>> {
    return this.byMerchantUid<ExternalReceipt>('revokeExternalReceipt', 'DELETE', merchantUid, undefined, options)
  }
}
