/** `/subscribe/customers…`: billing keys (a card stored with the PG under the merchant's `customer_uid`). */
import type { Customer, IssueBillingKeyBody } from '../../api/v1/customer.js'
import type { Paged } from '../../api/v1/envelope.js'
import type { Payment } from '../../api/v1/payment.js'
import type { CustomerSchedulesQuery, ScheduleResult } from '../../api/v1/schedule.js'
import type { CustomerPaymentsQuery, DeleteBillingKeyQuery } from '../../api/v1/queries.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

/**
 * The real server was observed to answer an unknown customer_uid with HTTP 200 and code 1
 * (iamport-api.md §3.1) where the swagger says 404; both become `IamportNotFoundError`.
 */
const UNKNOWN_CUSTOMER_CODE = 1

export class BillingKeysResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * Issues a billing key for a card and stores it under `customerUid`
   * (`POST /subscribe/customers/{customer_uid}`, operationId `customer_save`). Issuing again under
   * the same uid replaces the card; `inserted` keeps the first issue time, `updated` becomes now
   * (UNIX seconds). A card the PG refuses is an `IamportApiError` (HTTP 200, code -1). The answer
   * holds only the masked card number.
   */
  issue(customerUid: string, body: IssueBillingKeyBody, options?: RequestOptions): Promise<Result<M, Customer>> {
    return this.call<Customer>(
      {
        operationId: 'customer_save',
        method: 'POST',
        path: '/subscribe/customers/{customer_uid}',
        pathParams: { customer_uid: customerUid },
        body,
        idempotent: false
      },
      options
    )
  }

  /**
   * The billing key stored under `customerUid` (`GET /subscribe/customers/{customer_uid}`,
   * operationId `customer_view`). Unknown uid: `IamportNotFoundError`.
   */
  get(customerUid: string, options?: RequestOptions): Promise<Result<M, Customer>> {
    return this.call<Customer>(
      {
        operationId: 'customer_view',
        method: 'GET',
        path: '/subscribe/customers/{customer_uid}',
        pathParams: { customer_uid: customerUid },
        idempotent: true,
        notFoundCode: UNKNOWN_CUSTOMER_CODE
      },
      options
    )
  }

  /**
   * Deletes the billing key under `customerUid` and answers the deleted key
   * (`DELETE /subscribe/customers/{customer_uid}`, operationId `customer_delete`). A deleted key
   * cannot be restored, and schedules on it are not revoked by this call. Unknown uid:
   * `IamportNotFoundError`. Not retried: a repeat after a lost answer would report "not found".
   */
  delete(customerUid: string, query: DeleteBillingKeyQuery = {}, options?: RequestOptions): Promise<Result<M, Customer>> {
    return this.call<Customer>(
      {
        operationId: 'customer_delete',
        method: 'DELETE',
        path: '/subscribe/customers/{customer_uid}',
        pathParams: { customer_uid: customerUid },
        query,
        idempotent: false,
        notFoundCode: UNKNOWN_CUSTOMER_CODE
      },
      options
    )
  }

  /**
   * Several billing keys at once (`GET /subscribe/customers?customer_uid[]=…`, operationId
   * `customer_view_multiple`). HTTP 207 when only some are found: the list then holds just those.
   * None found: `IamportNotFoundError`.
   */
  getMany(customerUids: readonly string[], options?: RequestOptions): Promise<Result<M, Customer[]>> {
    return this.call<Customer[]>(
      {
        operationId: 'customer_view_multiple',
        method: 'GET',
        path: '/subscribe/customers',
        query: { customer_uid: [...customerUids] },
        idempotent: true
      },
      options
    )
  }

  /**
   * Payments made with the key under `customerUid`, 20 a page, newest first
   * (`GET /subscribe/customers/{customer_uid}/payments`, operationId `customer_payments`). `page`
   * starts at 1; `previous`/`next` are page numbers, 0 when there is none.
   */
  payments(customerUid: string, query: CustomerPaymentsQuery = {}, options?: RequestOptions): Promise<Result<M, Paged<Payment>>> {
    return this.call<Paged<Payment>>(
      {
        operationId: 'customer_payments',
        method: 'GET',
        path: '/subscribe/customers/{customer_uid}/payments',
        pathParams: { customer_uid: customerUid },
        query,
        idempotent: true
      },
      options
    )
  }

  /**
   * The key's schedules with `from <= schedule_at < to` (at most three months), 20 a page, newest
   * first (`GET /subscribe/customers/{customer_uid}/schedules`, operationId
   * `findSchedulesByCustomer`, the same operation as `schedules.findByCustomer`). An unknown
   * customer has an empty page.
   */
  schedules(customerUid: string, query: CustomerSchedulesQuery, options?: RequestOptions): Promise<Result<M, Paged<ScheduleResult>>> {
    return this.call<Paged<ScheduleResult>>(
      {
        operationId: 'findSchedulesByCustomer',
        method: 'GET',
        path: '/subscribe/customers/{customer_uid}/schedules',
        pathParams: { customer_uid: customerUid },
        query,
        idempotent: true
      },
      options
    )
  }
}
