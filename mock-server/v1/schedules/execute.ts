/**
 * One run of a schedule: the charge i'mport makes on the merchant's behalf ("again API를 가맹점
 * 대신에 아임포트가 대신 수행", FAQ), with an `imps_` id, `customer_uid_usage: "payment.scheduled"`
 * and `channel: "api"`. Card outcomes and fault declines apply as on `again`. A run always leaves a
 * payment: a charge that cannot reach the card (key deleted, merchant_uid paid meanwhile) is
 * recorded as `failed` with the reason `again` would have answered.
 */
import { CatalogueError, errors } from '../../../api/v1/catalogue.js'
import type { FidelityOptions } from '../../shared/config/config.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { PaymentRecord } from '../../shared/store/records.js'
import { chargeBillingKey, recordFailedCharge, type AgainInput } from '../domain/charges.js'
import type { ScheduleRecord } from '../../shared/store/schedule-records.js'

export interface RunOptions {
  /** A fault rule's decline, asked at the PG: the charge is recorded `failed` with this reason. */
  decline?: (() => string | null) | undefined
  /** Told about a simulator bug during the run (the run is still recorded, as failed). */
  onBug?: (err: unknown) => void
}

export function runSchedule(state: MerchantState, record: ScheduleRecord, fidelity: FidelityOptions, options: RunOptions = {}): PaymentRecord {
  const { charge } = record
  const input: AgainInput = {
    customer_uid: record.customer_uid,
    merchant_uid: record.merchant_uid,
    amount: charge.amount,
    currency: charge.currency,
    tax_free: charge.tax_free,
    card_quota: charge.card_quota,
    name: charge.name ?? undefined,
    buyer_name: charge.buyer_name ?? undefined,
    buyer_email: charge.buyer_email ?? undefined,
    buyer_tel: charge.buyer_tel ?? undefined,
    buyer_addr: charge.buyer_addr ?? undefined,
    buyer_postcode: charge.buyer_postcode ?? undefined,
    custom_data: charge.custom_data ?? undefined,
    notice_url: charge.notice_url ?? undefined
  }
  let payment: PaymentRecord
  try {
    payment = chargeBillingKey(state, input, fidelity, { pgDecline: options.decline ?? null }, 'payment.scheduled')
  } catch (err) {
    let reason: string
    if (err instanceof CatalogueError) {
      reason = err.message
    } else {
      options.onBug?.(err)
      reason = errors.internal().message
    }
    payment = recordFailedCharge(state, input, record.channel, 'payment.scheduled', reason)
  }
  record.schedule_status = 'executed'
  record.executed_at = payment.started_at
  record.imp_uid = payment.imp_uid
  record.channel = payment.channel
  record.attempts.push(payment.imp_uid)
  return payment
}
