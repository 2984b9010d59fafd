/**
 * V2 payment schedules: a billing-key charge registered for `timeToPay`, read, listed and revoked
 * (by ids or by billing key). When the virtual clock reaches `timeToPay` the schedule runs once:
 * STARTED, then SUCCEEDED or FAILED with a payment to match (see ../schedules.ts for when).
 */
import type { CreatePaymentScheduleBody, GetPaymentSchedulesBody, RevokePaymentSchedulesBody } from '../../../api/v2/requests.js'
import { V2Error, v2errors } from '../../../api/v2/errors.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2PaymentRecord, V2ScheduleRecord } from '../../shared/store/v2-records.js'
import { findBillingKey, usableBillingKey } from './billing-keys.js'
import { channelOf, msOf, paginate, storeOf, type Page } from './common.js'
import { charge, chargeOf, type Decline } from './payments.js'

export function createSchedule(merchant: V2MerchantState, paymentId: string, body: CreatePaymentScheduleBody): V2ScheduleRecord {
  const input = body.payment
  const store = storeOf(merchant, input.storeId)
  const fields = chargeOf(input, input.installmentMonth)
  const timeToPay = Date.parse(body.timeToPay)
  const now = merchant.nowMs()
  // Inferred: a time already past is refused, as V1 refuses a past schedule_at by default.
  if (!(timeToPay > now)) throw v2errors.invalidRequest('timeToPay 값은 현재 시각 이후여야 합니다.')
  const key = usableBillingKey(merchant, input.billingKey, store.store_id)
  if (input.channelKey !== undefined) channelOf(store, input.channelKey)
  const paid = merchant.payments.get(paymentId)
  if (paid && paid.status !== 'FAILED') throw v2errors.alreadyPaidOrWaiting()
  for (const s of merchant.schedules.values()) {
    if (s.paymentId === paymentId && (s.status === 'SCHEDULED' || s.status === 'STARTED')) throw v2errors.scheduleAlreadyExists()
  }
  const record: V2ScheduleRecord = {
    seq: merchant.nextScheduleSeq(),
    id: merchant.ids.uuid(),
    storeId: store.store_id,
    paymentId,
    billingKey: key.billingKey,
    charge: fields,
    createdAt: now,
    timeToPay,
    status: 'SCHEDULED',
    startedAt: null,
    completedAt: null,
    revokedAt: null
  }
  merchant.saveSchedule(record)
  return record
}

export function findSchedule(merchant: V2MerchantState, id: string, storeId: string | undefined): V2ScheduleRecord {
  if (storeId !== undefined) storeOf(merchant, storeId)
  const record = merchant.schedules.get(id)
  if (!record || (storeId !== undefined && record.storeId !== storeId)) throw v2errors.scheduleNotFound()
  return record
}

function timeOf(record: V2ScheduleRecord, field: string): number {
  switch (field) {
    case 'CREATED_AT':
      return record.createdAt
    case 'COMPLETED_AT':
      return record.completedAt ?? 0
    case 'STATUS_TIMESTAMP':
      return record.revokedAt ?? record.completedAt ?? record.startedAt ?? record.createdAt
    default:
      return record.timeToPay
  }
}

/** Schedules of the store, filtered by key, status and a timeToPay window; default order TIME_TO_PAY, DESC. */
export function listSchedules(merchant: V2MerchantState, body: GetPaymentSchedulesBody): Page<V2ScheduleRecord> {
  const filter = body.filter ?? {}
  const store = storeOf(merchant, filter.storeId)
  const from = msOf(filter.from)
  const until = msOf(filter.until)
  const matching = [...merchant.schedules.values()].filter(
    (s) =>
      s.storeId === store.store_id &&
      (filter.billingKey === undefined || s.billingKey === filter.billingKey) &&
      (filter.status === undefined || filter.status.includes(s.status)) &&
      (from === null || s.timeToPay >= from) &&
      (until === null || s.timeToPay <= until)
  )
  const by = body.sort?.by ?? 'TIME_TO_PAY'
  const sign = (body.sort?.order ?? 'DESC') === 'DESC' ? -1 : 1
  matching.sort((a, b) => sign * (timeOf(a, by) - timeOf(b, by) || a.seq - b.seq))
  return paginate(matching, body.page)
}

/**
 * Revokes the named schedules, or every waiting schedule of a billing key. All named ones are
 * checked before any is revoked, so a refused request changes nothing.
 */
export function revokeSchedules(merchant: V2MerchantState, body: RevokePaymentSchedulesBody): { ids: string[]; revokedAt: number } {
  const store = storeOf(merchant, body.storeId)
  if (body.billingKey === undefined && (body.scheduleIds === undefined || body.scheduleIds.length === 0)) {
    throw v2errors.invalidRequest('billingKey 또는 scheduleIds 중 하나는 필수입니다.')
  }
  if (body.billingKey !== undefined) findBillingKey(merchant, body.billingKey, store.store_id)
  let targets: V2ScheduleRecord[]
  if (body.scheduleIds !== undefined && body.scheduleIds.length > 0) {
    targets = body.scheduleIds.map((id) => {
      const s = merchant.schedules.get(id)
      if (!s || s.storeId !== store.store_id || (body.billingKey !== undefined && s.billingKey !== body.billingKey)) {
        throw v2errors.scheduleNotFound()
      }
      if (s.status === 'REVOKED') throw v2errors.scheduleAlreadyRevoked()
      if (s.status !== 'SCHEDULED') throw v2errors.scheduleAlreadyProcessed()
      return s
    })
  } else {
    targets = [...merchant.schedules.values()].filter((s) => s.billingKey === body.billingKey && s.status === 'SCHEDULED')
  }
  const now = merchant.nowMs()
  for (const s of targets) {
    s.status = 'REVOKED'
    s.revokedAt = now
    merchant.saveSchedule(s)
  }
  return { ids: targets.map((s) => s.id), revokedAt: now }
}

/** Schedules due at `nowMs`, in timeToPay order (registration order on ties). */
export function dueSchedules(merchant: V2MerchantState, nowMs: number): V2ScheduleRecord[] {
  const due: V2ScheduleRecord[] = []
  for (const s of merchant.schedules.values()) if (s.status === 'SCHEDULED' && s.timeToPay <= nowMs) due.push(s)
  return due.sort((a, b) => a.timeToPay - b.timeToPay || a.seq - b.seq)
}

/**
 * Runs one due schedule: the charge with its key, recorded as a payment carrying `scheduleId`.
 * A key deleted, or a paymentId paid meanwhile, fails the schedule without a payment.
 */
export function runSchedule(merchant: V2MerchantState, record: V2ScheduleRecord, decline: Decline | null): V2PaymentRecord | null {
  const now = merchant.nowMs()
  record.status = 'STARTED'
  record.startedAt = now
  let payment: V2PaymentRecord | null = null
  try {
    const store = storeOf(merchant, record.storeId)
    const key = usableBillingKey(merchant, record.billingKey, store.store_id)
    const existing = merchant.payments.get(record.paymentId)
    if (existing && existing.status !== 'FAILED') throw v2errors.alreadyPaid()
    const channel = record.charge.channelKey === null ? key.channel : channelOf(store, record.charge.channelKey)
    payment = charge(merchant, {
      paymentId: record.paymentId,
      store,
      channel,
      charge: record.charge,
      card: key.card,
      billingKey: key.billingKey,
      scheduleId: record.id,
      decline
    })
  } catch (err) {
    if (!(err instanceof V2Error)) throw err
  }
  record.status = payment?.status === 'PAID' ? 'SUCCEEDED' : 'FAILED'
  record.completedAt = now
  merchant.saveSchedule(record)
  return payment
}
