/** `/escrows/logis/{imp_uid}`: shipping of a paid escrow payment (company code, invoice number, sent time). */
import type { EscrowLogis, EscrowLogisBody } from '../../api/v1/escrow.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class EscrowsResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  private logis(operationId: string, method: 'GET' | 'POST' | 'PUT', impUid: string, body: EscrowLogisBody | undefined, options?: RequestOptions) {
    return this.call<EscrowLogis>(
      {
        operationId,
        method,
        path: '/escrows/logis/{imp_uid}',
        pathParams: { imp_uid: impUid },
        ...(body ? { body } : {}),
        idempotent: method !== 'POST'
      },
      options
    )
  }

  /** `GET` (`escrow_logis_get`). None registered: `IamportApiError` (HTTP 409). */
  get(impUid: string, options?: RequestOptions): Promise<Result<M, EscrowLogis>> {
    return this.logis('escrow_logis_get', 'GET', impUid, undefined, options)
  }

  /** `POST` (`escrow_logis_save`): registers the shipping once. */
  register(impUid: string, body: EscrowLogisBody, options?: RequestOptions): Promise<Result<M, EscrowLogis>> {
    return this.logis('escrow_logis_save', 'POST', impUid, body, options)
  }

  /** `PUT` (`escrow_logis_edit`): changes registered shipping. */
  update(impUid: string, body: EscrowLogisBody, options?: RequestOptions): Promise<Result<M, EscrowLogis>> {
    return this.logis('escrow_logis_edit', 'PUT', impUid, body, options)
  }
}
