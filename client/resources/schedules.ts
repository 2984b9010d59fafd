/**
 * `/subscribe/payments/schedule…` and `/subscribe/payments/unschedule`: payments i'mport makes
 * with a billing key at a chosen time, reporting each outcome to the merchant's webhook URL.
 * Nothing here that moves money (schedule, reschedule, retry) is ever retried by the client.
 */
import type { Paged } from '../../api/v1/envelope.js'
import type { Payment } from '../../api/v1/payment.js'
import type { CustomerSchedulesQuery, ScheduleBody, ScheduleRangeQuery, ScheduleResult, UnscheduleBody } from '../../api/v1/schedule.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class SchedulesResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /**
   * Schedules charges of the key under `customer_uid` (`POST /subscribe/payments/schedule`,
   * operationId `schedule`), one per `schedules[]` item, each at its `schedule_at` (UNIX seconds),
   * for its `amount` (KRW, whole won, unless `currency` says otherwise). When the customer has no
   * key yet, give the card fields and a key is issued first. Answers every registered schedule,
   * `schedule_status: 'scheduled'`. An unknown customer without card data, a refused card and a
   * `merchant_uid` already used are `IamportApiError`s with code 1. Never retried.
   */
  schedule(body: ScheduleBody, options?: RequestOptions): Promise<Result<M, ScheduleResult[]>> {
    return this.call<ScheduleResult[]>(
      { operationId: 'schedule', method: 'POST', path: '/subscribe/payments/schedule', body, idempotent: false },
      options
    )
  }

  /**
   * Revokes schedules that have not run (`POST /subscribe/payments/unschedule`, operationId
   * `unschedule`): every one of `customer_uid`, or only the listed `merchant_uid`s. Answers the
   * revoked ones. Nothing left to revoke is an `IamportApiError` with code 1
   * (`취소할 예약결제 기록이 존재하지 않습니다.`), which is also what a repeat after a lost answer
   * gets, so it is not retried.
   */
  unschedule(body: UnscheduleBody, options?: RequestOptions): Promise<Result<M, ScheduleResult[]>> {
    return this.call<ScheduleResult[]>(
      { operationId: 'unschedule', method: 'POST', path: '/subscribe/payments/unschedule', body, idempotent: false },
      options
    )
  }

  /**
   * One schedule by its `merchant_uid` (`GET /subscribe/payments/schedule/{merchant_uid}`,
   * operationId `getScheduleByMid`). `payment_status` is null until it has run. Unknown:
   * `IamportNotFoundError` (404).
   */
  get(merchantUid: string, options?: RequestOptions): Promise<Result<M, ScheduleResult>> {
    return this.call<ScheduleResult>(
      {
        operationId: 'getScheduleByMid',
        method: 'GET',
        path: '/subscribe/payments/schedule/{merchant_uid}',
        pathParams: { merchant_uid: merchantUid },
        idempotent: true
      },
      options
    )
  }

  /**
   * The merchant's schedules with `schedule_from <= schedule_at < schedule_to` (at most three
   * months), paged (`GET /subscribe/payments/schedule`, operationId `findSchedulesByRange`): newest
   * first, or oldest first with `sorting: 'scheduled'`; `limit` up to 1000. Bad parameters:
   * `IamportApiError` with HTTP 400.
   */
  findByRange(query: ScheduleRangeQuery, options?: RequestOptions): Promise<Result<M, Paged<ScheduleResult>>> {
    return this.call<Paged<ScheduleResult>>(
      { operationId: 'findSchedulesByRange', method: 'GET', path: '/subscribe/payments/schedule', query, idempotent: true },
      options
    )
  }

  /**
   * A customer's schedules with `from <= schedule_at < to` (at most three months), 20 a page,
   * newest first (`GET /subscribe/payments/schedule/customers/{customer_uid}`, operationId
   * `findSchedulesByCustomer`; `billingKeys.schedules` is the same operation on its other path).
   * Filter with `'schedule-status'` (hyphen, as documented). An unknown customer has an empty page.
   */
  findByCustomer(customerUid: string, query: CustomerSchedulesQuery, options?: RequestOptions): Promise<Result<M, Paged<ScheduleResult>>> {
    return this.call<Paged<ScheduleResult>>(
      {
        operationId: 'findSchedulesByCustomer',
        method: 'GET',
        path: '/subscribe/payments/schedule/customers/{customer_uid}',
        pathParams: { customer_uid: customerUid },
        query,
        idempotent: true
      },
      options
    )
  }

  /**
   * Moves a schedule that has not run to `schedule_at` (`PUT /subscribe/payments/schedule/{merchant_uid}`,
   * operationId `updateScheduleByMid`). A schedule that ran or was revoked, or a time in the past:
   * `IamportApiError` with HTTP 400; unknown: `IamportNotFoundError`. Setting the same time twice
   * changes nothing, so it is retried like a read.
   */
  update(merchantUid: string, body: { schedule_at: number }, options?: RequestOptions): Promise<Result<M, ScheduleResult>> {
    return this.call<ScheduleResult>(
      {
        operationId: 'updateScheduleByMid',
        method: 'PUT',
        path: '/subscribe/payments/schedule/{merchant_uid}',
        pathParams: { merchant_uid: merchantUid },
        body,
        idempotent: true
      },
      options
    )
  }

  /**
   * Puts a schedule whose run failed back in line for `schedule_at`
   * (`POST /subscribe/payments/schedule/{merchant_uid}/reschedule`, operationId `rescheduleByMid`).
   * One that has not run, was paid or was revoked, or a time in the past: HTTP 400. Never retried.
   */
  reschedule(merchantUid: string, body: { schedule_at: number }, options?: RequestOptions): Promise<Result<M, ScheduleResult>> {
    return this.call<ScheduleResult>(
      {
        operationId: 'rescheduleByMid',
        method: 'POST',
        path: '/subscribe/payments/schedule/{merchant_uid}/reschedule',
        pathParams: { merchant_uid: merchantUid },
        body,
        idempotent: false
      },
      options
    )
  }

  /**
   * Runs a schedule whose run failed again now (`POST /subscribe/payments/schedule/{merchant_uid}/retry`,
   * operationId `retryScheduleByMid`) and answers the new payment: check its `status`, a decline is
   * code 0 with `status: 'failed'`, as for `again`. Unknown schedule or deleted key:
   * `IamportNotFoundError`. Moves money: never retried.
   */
  retry(merchantUid: string, options?: RequestOptions): Promise<Result<M, Payment>> {
    return this.call<Payment>(
      {
        operationId: 'retryScheduleByMid',
        method: 'POST',
        path: '/subscribe/payments/schedule/{merchant_uid}/retry',
        pathParams: { merchant_uid: merchantUid },
        idempotent: false
      },
      options
    )
  }
}
