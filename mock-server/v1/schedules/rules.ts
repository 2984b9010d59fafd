/**
 * The rules of the schedule write calls (iamport-api.md §4.4–4.6): register, unschedule, move,
 * reschedule, and the checks before a retry. Each checks everything before it writes, so a
 * refused request changes nothing and an accepted one is applied whole.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { FidelityOptions } from '../../shared/config/config.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { BillingKeyRecord } from '../../shared/store/records.js'
import { prepareBillingKey } from '../domain/billing-keys.js'
import { checkCharge } from '../domain/charges.js'
import type { ScheduleBody, ScheduleItem, UnscheduleBody } from '../../../api/v1/schedule.js'
import { snapshotSchedule, type ScheduleBook } from '../../shared/schedules/book.js'
import type { ScheduleRecord } from '../../shared/store/schedule-records.js'

/**
 * `POST /subscribe/payments/schedule`. The key comes first: the customer's own, or one issued from
 * the card fields when the customer has none (card fields are ignored when a key exists: the docs
 * need them "only if customer_uid has no key yet"). Then every schedule is checked, then the
 * `checking_amount` test charge, then the key (if new) and the schedules are stored together.
 */
export function registerSchedules(state: MerchantState, book: ScheduleBook, body: ScheduleBody, fidelity: FidelityOptions): ScheduleRecord[] {
  const { key, isNew } = keyForSchedule(state, body, fidelity)
  const now = state.now()

  const seen = new Set<string>()
  for (const item of body.schedules) {
    const uid = item.merchant_uid
    const existing = book.get(uid)
    // "동일한 주문번호로 중복결제 불가": a uid already waiting, already run, or paid some other way.
    // A revoked schedule frees its uid (the simulator's choice).
    if (seen.has(uid) || (existing && existing.schedule_status !== 'revoked') || state.paidPaymentFor(uid)) {
      throw errors.scheduleDuplicate(uid)
    }
    seen.add(uid)
    if (item.schedule_at < now && fidelity.schedule_in_past === 'refuse') throw errors.scheduleInPast(uid)
    checkCharge(state, { ...item, currency: item.currency || 'KRW' })
  }

  // The test charge is approved and cancelled at once; a card that declines charges fails it.
  if ((body.checking_amount ?? 0) > 0 && key.card.charge_fail_reason !== null) {
    throw errors.scheduleCardFailed(key.card.charge_fail_reason)
  }

  if (isNew) state.saveBillingKey(key)
  return body.schedules.map((item) => {
    const record = newRecord(book.nextSeq(), body, item, key)
    book.insert(record)
    return record
  })
}

function keyForSchedule(state: MerchantState, body: ScheduleBody, fidelity: FidelityOptions): { key: BillingKeyRecord; isNew: boolean } {
  const existing = state.billingKeys.get(body.customer_uid)
  if (existing) return { key: existing, isNew: false }
  if (body.card_number === undefined || body.card_number === '') throw errors.scheduleCustomerUnknown()
  if (body.expiry === undefined || body.expiry === '') throw errors.requiredParams(['expiry'])
  const key = prepareBillingKey(
    state,
    body.customer_uid,
    {
      card_number: body.card_number,
      expiry: body.expiry,
      birth: body.birth,
      pwd_2digit: body.pwd_2digit,
      pg: body.pg,
      customer_id: body.customer_id
    },
    fidelity,
    (detail) => errors.scheduleCardFailed(detail)
  )
  return { key, isNew: true }
}

/** A schedule's buyer fields default to the key's customer fields; given buyer fields win (ScheduleAnnotation docs). */
function newRecord(seq: number, body: ScheduleBody, item: ScheduleItem, key: BillingKeyRecord): ScheduleRecord {
  return {
    seq,
    merchant_uid: item.merchant_uid,
    customer_uid: body.customer_uid,
    customer_id: body.customer_id ?? key.customer_id,
    channel: key.channel,
    schedule_at: item.schedule_at,
    schedule_status: 'scheduled',
    executed_at: 0,
    revoked_at: 0,
    imp_uid: null,
    attempts: [],
    charge: {
      amount: item.amount,
      currency: item.currency || 'KRW',
      tax_free: item.tax_free,
      card_quota: item.card_quota ?? 0,
      name: item.name,
      buyer_name: item.buyer_name ?? key.customer_name,
      buyer_email: item.buyer_email ?? key.customer_email,
      buyer_tel: item.buyer_tel ?? key.customer_tel,
      buyer_addr: item.buyer_addr ?? key.customer_addr,
      buyer_postcode: item.buyer_postcode ?? key.customer_postcode,
      custom_data: item.custom_data ?? null,
      notice_url: item.notice_url ?? null,
      promotion_id: item.promotion_id ?? null
    }
  }
}

/**
 * `POST /subscribe/payments/unschedule`: the listed merchant_uids (of that customer, when one is
 * named), or every waiting schedule of the customer. Only `scheduled` ones can be revoked; listed
 * uids that cannot are passed over. Nothing to revoke at all is code 1.
 */
export function unschedule(state: MerchantState, book: ScheduleBook, body: UnscheduleBody): ScheduleRecord[] {
  const customerUid = body.customer_uid || undefined
  const merchantUids = [...new Set((body.merchant_uid ?? []).filter((uid) => uid !== ''))]
  let targets: ScheduleRecord[]
  if (merchantUids.length > 0) {
    targets = merchantUids.flatMap((uid) => {
      const record = book.get(uid)
      const ok = record && record.schedule_status === 'scheduled' && (!customerUid || record.customer_uid === customerUid)
      return ok ? [record] : []
    })
  } else if (customerUid) {
    targets = book.ofCustomer(customerUid).filter((r) => r.schedule_status === 'scheduled')
  } else {
    targets = []
  }
  if (targets.length === 0) throw errors.nothingToUnschedule()
  const now = state.now()
  for (const record of targets) {
    const before = snapshotSchedule(record)
    record.schedule_status = 'revoked'
    record.revoked_at = now
    book.dequeue(record)
    book.save(record, before)
  }
  return targets
}

/** The record of a merchant_uid, or 404. */
export function getSchedule(book: ScheduleBook, merchantUid: string): ScheduleRecord {
  const record = book.get(merchantUid)
  if (!record) throw errors.scheduleNotFound()
  return record
}

/** `PUT /subscribe/payments/schedule/{merchant_uid}`: a waiting schedule moves to a time not in the past. */
export function moveSchedule(state: MerchantState, book: ScheduleBook, merchantUid: string, scheduleAt: number): ScheduleRecord {
  const record = getSchedule(book, merchantUid)
  if (record.schedule_status !== 'scheduled') throw errors.scheduleNotModifiable(record.schedule_status)
  if (scheduleAt < state.now()) throw errors.scheduleAtInPast()
  const before = snapshotSchedule(record)
  record.schedule_at = scheduleAt
  book.enqueue(record)
  book.save(record, before)
  return record
}

/**
 * Whether a schedule's last run failed, the one state reschedule and retry accept (swagger: 400
 * for one "아직 실행되지 않거나 이미 실행중 혹은 승인된"). Throws the 400 otherwise.
 */
export function assertFailedRun(state: MerchantState, record: ScheduleRecord): void {
  if (record.schedule_status !== 'executed') throw errors.scheduleNotRetryable(`schedule_status: ${record.schedule_status}`)
  const payment = record.imp_uid === null ? undefined : state.payments.get(record.imp_uid)
  if (payment?.status !== 'failed') throw errors.scheduleNotRetryable(`payment_status: ${payment?.status ?? 'null'}`)
}

/**
 * `POST …/{merchant_uid}/reschedule`: a failed schedule waits again, for a time not in the past.
 * It shows as not run (`imp_uid` null, `executed_at` 0) until it runs again; the failed payment stays.
 */
export function reschedule(state: MerchantState, book: ScheduleBook, merchantUid: string, scheduleAt: number): ScheduleRecord {
  const record = getSchedule(book, merchantUid)
  assertFailedRun(state, record)
  if (scheduleAt < state.now()) throw errors.scheduleAtInPast()
  const before = snapshotSchedule(record)
  record.schedule_status = 'scheduled'
  record.schedule_at = scheduleAt
  record.executed_at = 0
  record.imp_uid = null
  book.enqueue(record)
  book.save(record, before)
  return record
}

/** `POST …/{merchant_uid}/retry` preconditions: a failed schedule whose key still exists (swagger: 404 otherwise). */
export function assertRetryable(state: MerchantState, book: ScheduleBook, merchantUid: string): ScheduleRecord {
  const record = getSchedule(book, merchantUid)
  assertFailedRun(state, record)
  if (!state.billingKeys.has(record.customer_uid)) throw errors.scheduleKeyNotFound(record.customer_uid)
  return record
}
