/**
 * A stored schedule as the wire `ScheduleResultAnnotation`. `payment_status` and `fail_reason` come
 * from the payment the latest run made, so a refunded scheduled payment reads `cancelled`.
 */
import type { ScheduleResult, SchedulePaymentStatus } from '../../../api/v1/schedule.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { ScheduleRecord } from '../../shared/store/schedule-records.js'

export function renderSchedule(state: MerchantState, r: ScheduleRecord): ScheduleResult {
  const payment = r.imp_uid === null ? undefined : state.payments.get(r.imp_uid)
  const { charge } = r
  return {
    customer_uid: r.customer_uid,
    merchant_uid: r.merchant_uid,
    imp_uid: r.imp_uid,
    pg_provider: r.channel.pg_provider,
    pg_id: r.channel.pg_id,
    customer_id: r.customer_id,
    schedule_at: r.schedule_at,
    executed_at: r.executed_at,
    revoked_at: r.revoked_at,
    amount: charge.amount,
    currency: charge.currency,
    name: charge.name,
    buyer_name: charge.buyer_name,
    buyer_email: charge.buyer_email,
    buyer_tel: charge.buyer_tel,
    buyer_addr: charge.buyer_addr,
    buyer_postcode: charge.buyer_postcode,
    custom_data: charge.custom_data,
    schedule_status: r.schedule_status,
    // A payment is paid, failed or cancelled (never ready) once a run has made it.
    payment_status: payment ? (payment.status as SchedulePaymentStatus) : null,
    fail_reason: payment?.fail_reason ?? null,
    promotion_id: charge.promotion_id
  }
}
