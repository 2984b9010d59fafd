/** Payment lookups: by merchant_uid, by status, by customer, with i'mport's sort orders and paging. */
import { errors } from '../../../api/v1/catalogue.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { PaymentRecord } from '../../shared/store/records.js'
import { PAYMENT_STATUSES, type PaymentStatus, type Sorting } from '../../../api/v1/payment.js'
import type { Paged } from '../../../api/v1/envelope.js'

export const DEFAULT_PAGE_SIZE = 20
/** swagger `limit` maximum on findAll and status lists. */
export const MAX_PAGE_SIZE = 1000

/** A payment_status path segment: one of the four states (or `all` where the endpoint allows it). */
export function parseStatus(value: string | undefined, allowAll: false): PaymentStatus | undefined
export function parseStatus(value: string | undefined, allowAll: true): PaymentStatus | 'all' | undefined
export function parseStatus(value: string | undefined, allowAll: boolean): PaymentStatus | 'all' | undefined {
  if (value === undefined) return undefined
  if (allowAll && value === 'all') return 'all'
  if ((PAYMENT_STATUSES as readonly string[]).includes(value)) return value as PaymentStatus
  throw errors.unsupportedStatus()
}

const SORT_KEYS: Record<string, (p: PaymentRecord) => number> = {
  started: (p) => p.started_at,
  paid: (p) => p.paid_at,
  updated: (p) => p.updated_at
}

/**
 * Sorts a copy of `payments` (oldest first on input). Ties keep insertion order, newest first for
 * descending sorts, so "the latest attempt" wins when timestamps are equal.
 */
export function sortPayments(payments: readonly PaymentRecord[], sorting: Sorting = '-started'): PaymentRecord[] {
  const descending = sorting.startsWith('-')
  const key = SORT_KEYS[descending ? sorting.slice(1) : sorting] ?? SORT_KEYS.started!
  const indexed = payments.map((p, i) => ({ p, i }))
  indexed.sort((a, b) => {
    const diff = key(a.p) - key(b.p) || a.i - b.i
    return descending ? -diff : diff
  })
  return indexed.map((x) => x.p)
}

/** `GET /payments/find/{merchant_uid}[/{status}]`: the first payment in sort order, or 404. */
export function findByMerchantUid(
  state: MerchantState,
  merchantUid: string,
  status: PaymentStatus | undefined,
  sorting: Sorting | undefined
): PaymentRecord {
  const matches = state.paymentsByMerchantUid.get(merchantUid).filter((p) => !status || p.status === status)
  const first = sortPayments(matches, sorting)[0]
  if (!first) throw errors.paymentNotFound()
  return first
}

/** One page of a list. `page` starts at 1; a page past the end (other than page 1 of nothing) is a 400. */
export function paginate<T>(items: readonly T[], page = 1, limit = DEFAULT_PAGE_SIZE): Paged<T> {
  if (!Number.isInteger(page) || page < 1) throw errors.invalidPaging('page')
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) throw errors.invalidPaging('limit')
  const total = items.length
  const pages = Math.max(1, Math.ceil(total / limit))
  if (page > pages) throw errors.invalidPaging('page')
  return {
    total,
    previous: page > 1 ? page - 1 : 0,
    next: page < pages ? page + 1 : 0,
    list: items.slice((page - 1) * limit, page * limit)
  }
}

/** `GET /payments/findAll/{merchant_uid}[/{status}]`: every attempt, paged; 404 when there is none. */
export function findAllByMerchantUid(
  state: MerchantState,
  merchantUid: string,
  status: PaymentStatus | undefined,
  options: { page?: number | undefined; limit?: number | undefined; sorting?: Sorting | undefined }
): Paged<PaymentRecord> {
  const matches = state.paymentsByMerchantUid.get(merchantUid).filter((p) => !status || p.status === status)
  if (matches.length === 0) throw errors.paymentNotFound()
  return paginate(sortPayments(matches, options.sorting), options.page, options.limit)
}

/** Default span of `GET /payments/status/…` when `from` is not given: 90 days before `to` (swagger). */
export const STATUS_LIST_DEFAULT_SECONDS = 90 * 24 * 3600

/**
 * The time `from`/`to` are compared with: that of the payment's current status (swagger
 * getPaymentsByStatus: "결제건의 최종 status에 따라 다른 검색기준": ready → started, paid → paid,
 * cancelled → cancelled, failed → failed).
 */
export function statusTime(p: PaymentRecord): number {
  switch (p.status) {
    case 'ready':
      return p.started_at
    case 'paid':
      return p.paid_at
    case 'cancelled':
      return p.cancelled_at
    case 'failed':
      return p.failed_at
  }
}

/**
 * `GET /payments/status/{status}`: the merchant's payments in a state within
 * `from <= t <= to`, both ends inclusive, where `t` is the time of each payment's current status;
 * `to` defaults to now and `from` to 90 days before `to` (swagger). This one walks every payment
 * of the merchant; it is a reporting call, not on a charge path.
 */
export function listByStatus(
  state: MerchantState,
  status: PaymentStatus | 'all',
  options: {
    page?: number | undefined
    limit?: number | undefined
    from?: number | undefined
    to?: number | undefined
    sorting?: Sorting | undefined
  }
): Paged<PaymentRecord> {
  const to = options.to ?? state.now()
  const from = options.from ?? to - STATUS_LIST_DEFAULT_SECONDS
  const matches: PaymentRecord[] = []
  for (const p of state.payments.values()) {
    if (status !== 'all' && p.status !== status) continue
    const t = statusTime(p)
    if (t < from || t > to) continue
    matches.push(p)
  }
  return paginate(sortPayments(matches, options.sorting), options.page, options.limit)
}

/** `GET /subscribe/customers/{customer_uid}/payments`: 20 a page, newest first; empty (not 404) for an unknown uid. */
export function listByCustomer(state: MerchantState, customerUid: string, page: number | undefined): Paged<PaymentRecord> {
  return paginate(sortPayments(state.paymentsByCustomerUid.get(customerUid)), page)
}
