/**
 * Schedule searches (iamport-api.md §3.5, §4.6): by time range over the whole merchant
 * (`findSchedulesByRange`) or by customer (`findSchedulesByCustomer`). Both filter on the scheduled
 * time, `from <= schedule_at < to`, over at most three months, optionally by `schedule_status`,
 * and answer a page `{ total, previous, next, list }`.
 */
import { errors } from '../../../api/v1/catalogue.js'
import { paginate } from '../domain/lookups.js'
import { SCHEDULE_STATUSES, type CustomerSchedulesQuery, type ScheduleRangeQuery, type ScheduleStatus } from '../../../api/v1/schedule.js'
import type { Paged } from '../../../api/v1/envelope.js'
import type { ScheduleBook } from '../../shared/schedules/book.js'
import type { ScheduleRecord } from '../../shared/store/schedule-records.js'

/**
 * "최대 3개월 단위로 조회가 가능합니다" (swagger). Read as 92 days, the longest three calendar months,
 * so that no span the real API takes is refused here.
 */
export const MAX_SEARCH_SPAN_SECONDS = 92 * 24 * 3600

export function parseScheduleStatus(value: string | undefined): ScheduleStatus | undefined {
  if (value === undefined || value === '') return undefined
  if ((SCHEDULE_STATUSES as readonly string[]).includes(value)) return value as ScheduleStatus
  throw errors.unsupportedStatus()
}

function checkSpan(from: number, to: number): void {
  if (to <= from) throw errors.scheduleSearchInvalid('조회 종료시각은 시작시각보다 커야 합니다')
  if (to - from > MAX_SEARCH_SPAN_SECONDS) throw errors.scheduleSearchInvalid('조회기간은 최대 3개월입니다')
}

/** Newest first (by schedule_at, later registrations first on ties), or oldest first. */
function sortSchedules(records: ScheduleRecord[], oldestFirst: boolean): ScheduleRecord[] {
  const sign = oldestFirst ? 1 : -1
  return records.sort((a, b) => sign * (a.schedule_at - b.schedule_at || a.seq - b.seq))
}

function inWindow(from: number, to: number, status: ScheduleStatus | undefined) {
  return (r: ScheduleRecord) => r.schedule_at >= from && r.schedule_at < to && (!status || r.schedule_status === status)
}

/** `GET /subscribe/payments/schedule`: every schedule of the merchant in the window; `sorting=scheduled` is oldest first. */
export function searchByRange(book: ScheduleBook, query: ScheduleRangeQuery): Paged<ScheduleRecord> {
  const status = parseScheduleStatus(query.schedule_status)
  checkSpan(query.schedule_from, query.schedule_to)
  const matches = book.all().filter(inWindow(query.schedule_from, query.schedule_to, status))
  return paginate(sortSchedules(matches, query.sorting === 'scheduled'), query.page, query.limit)
}

/**
 * `GET /subscribe/customers/{uid}/schedules` (and its twin): `from`/`to` or, as the java client
 * sends them, `schedule_from`/`schedule_to`; `schedule-status` (or `schedule_status`); 20 a page,
 * newest first. An unknown customer has an empty list (go-iamport expects no error).
 */
export function searchByCustomer(book: ScheduleBook, customerUid: string, query: CustomerSchedulesQuery): Paged<ScheduleRecord> {
  const from = query.from ?? query.schedule_from
  const to = query.to ?? query.schedule_to
  if (from === undefined || to === undefined) {
    throw errors.requiredParamsBadRequest([...(from === undefined ? ['from'] : []), ...(to === undefined ? ['to'] : [])])
  }
  const status = parseScheduleStatus(query['schedule-status'] ?? query.schedule_status)
  checkSpan(from, to)
  const matches = book.ofCustomer(customerUid).filter(inWindow(from, to, status))
  return paginate(sortSchedules(matches, false), query.page)
}
