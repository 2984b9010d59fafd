/**
 * What the simulator keeps about one scheduled payment. Like the store's records it holds only
 * what varies: `payment_status` and `fail_reason` are read from the payment the run made (so a
 * refund shows as `cancelled`, as the swagger describes), not copied.
 */
import type { PgChannel } from '../config/config.js'
import type { ScheduleStatus } from '../../../api/v1/schedule.js'

/** The charge a schedule will make, as registered (buyer fields already defaulted from the key). */
export interface ScheduledCharge {
  readonly amount: number
  readonly currency: string
  readonly tax_free: number | undefined
  readonly card_quota: number
  readonly name: string | null
  readonly buyer_name: string | null
  readonly buyer_email: string | null
  readonly buyer_tel: string | null
  readonly buyer_addr: string | null
  readonly buyer_postcode: string | null
  readonly custom_data: string | null
  readonly notice_url: string | null
  readonly promotion_id: string | null
}

export interface ScheduleRecord {
  /** Registration order within the merchant; breaks ties between equal schedule_at. */
  readonly seq: number
  readonly merchant_uid: string
  readonly customer_uid: string
  readonly customer_id: string | null
  /** The key's channel when registered; the channel of the payment once it has run. */
  channel: PgChannel
  schedule_at: number
  schedule_status: ScheduleStatus
  executed_at: number
  revoked_at: number
  /** The latest run's payment; null until the schedule has run (and again after a reschedule). */
  imp_uid: string | null
  /** Every run's payment, oldest first: retries and reschedules add to it. */
  readonly attempts: string[]
  readonly charge: ScheduledCharge
}
