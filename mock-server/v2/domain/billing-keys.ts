/**
 * V2 billing keys: issued from card credentials (the PG checks the card first), read, listed and
 * deleted. A deleted key stays readable as DELETED; paying or scheduling with it is
 * BILLING_KEY_ALREADY_DELETED. A key with a schedule still waiting cannot be deleted
 * (PAYMENT_SCHEDULE_ALREADY_EXISTS, one of the document's delete errors; inferred as the cause).
 */
import type { GetBillingKeyInfosBody, IssueBillingKeyBody } from '../../../api/v2/requests.js'
import { v2errors } from '../../../api/v2/errors.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2BillingKeyRecord } from '../../shared/store/v2-records.js'
import { checkCredential } from './cards.js'
import { channelOf, customerOf, msOf, paginate, storeOf, type Page } from './common.js'

export function issueBillingKey(merchant: V2MerchantState, body: IssueBillingKeyBody): V2BillingKeyRecord {
  const store = storeOf(merchant, body.storeId)
  const card = body.method.card
  // Inferred: only card credentials can be issued without a payment window.
  if (!card) throw v2errors.invalidRequest('method.card 필드는 필수입니다.')
  const channel = channelOf(store, body.channelKey)
  const now = merchant.nowMs()
  const snapshot = checkCredential(card.credential, now, channel.pg_provider)
  const record: V2BillingKeyRecord = {
    billingKey: `billing-key-${merchant.ids.uuid()}`,
    storeId: store.store_id,
    channel,
    card: snapshot,
    customer: customerOf(body.customer),
    customData: body.customData ?? null,
    noticeUrls: body.noticeUrls ?? null,
    requestedAt: now,
    issuedAt: now,
    status: 'ISSUED',
    deletedAt: null
  }
  merchant.saveBillingKey(record)
  return record
}

/** A key of this merchant (in the named store, when one is named); BILLING_KEY_NOT_FOUND otherwise. */
export function findBillingKey(merchant: V2MerchantState, billingKey: string, storeId: string | undefined): V2BillingKeyRecord {
  if (storeId !== undefined) storeOf(merchant, storeId)
  const record = merchant.billingKeys.get(billingKey)
  if (!record || (storeId !== undefined && record.storeId !== storeId)) throw v2errors.billingKeyNotFound()
  return record
}

/** A key that can be charged: it exists in the store and is not deleted. */
export function usableBillingKey(merchant: V2MerchantState, billingKey: string, storeId: string): V2BillingKeyRecord {
  const record = merchant.billingKeys.get(billingKey)
  if (!record || record.storeId !== storeId) throw v2errors.billingKeyNotFound()
  if (record.status === 'DELETED') throw v2errors.billingKeyAlreadyDeleted()
  return record
}

export function deleteBillingKey(merchant: V2MerchantState, billingKey: string, storeId: string | undefined): V2BillingKeyRecord {
  const record = findBillingKey(merchant, billingKey, storeId)
  if (record.status === 'DELETED') throw v2errors.billingKeyAlreadyDeleted()
  for (const schedule of merchant.schedules.values()) {
    if (schedule.billingKey === billingKey && schedule.status === 'SCHEDULED') throw v2errors.scheduleAlreadyExists()
  }
  record.status = 'DELETED'
  record.deletedAt = merchant.nowMs()
  merchant.saveBillingKey(record)
  return record
}

/** The time a sort or a time filter reads from a key. */
function timeOf(record: V2BillingKeyRecord, field: string): number {
  switch (field) {
    case 'ISSUED_AT':
      return record.issuedAt
    case 'DELETED_AT':
      return record.deletedAt ?? 0
    case 'STATUS_TIMESTAMP':
      return record.deletedAt ?? record.issuedAt
    default:
      return record.requestedAt
  }
}

/** Keys of the merchant, filtered, sorted (default: REQUESTED_AT, DESC) and paged (default: page 0 of 10). */
export function listBillingKeys(merchant: V2MerchantState, body: GetBillingKeyInfosBody): Page<V2BillingKeyRecord> {
  const filter = body.filter ?? {}
  if (filter.storeId !== undefined) storeOf(merchant, filter.storeId)
  const field = filter.timeRangeField ?? 'REQUESTED_AT'
  const from = msOf(filter.from)
  const until = msOf(filter.until)
  const matching = [...merchant.billingKeys.values()].filter(
    (k) =>
      (filter.storeId === undefined || k.storeId === filter.storeId) &&
      (filter.status === undefined || filter.status.includes(k.status)) &&
      (filter.customerId === undefined || k.customer.id === filter.customerId) &&
      (from === null || timeOf(k, field) >= from) &&
      (until === null || timeOf(k, field) <= until)
  )
  const by = body.sort?.by ?? 'REQUESTED_AT'
  const sign = (body.sort?.order ?? 'DESC') === 'DESC' ? -1 : 1
  // Equal times keep issue order, newest first when descending (the sort is stable).
  if (sign < 0) matching.reverse()
  matching.sort((a, b) => sign * (timeOf(a, by) - timeOf(b, by)))
  return paginate(matching, body.page)
}
