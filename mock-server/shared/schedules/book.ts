/**
 * One merchant's schedules: every record ever registered (revoked and executed ones stay, the
 * lookups list them), the merchant_uid and customer_uid indexes, and the queue of schedules still
 * waiting to run, soonest first, so that finding what is due never walks the whole book.
 */
import type { ScheduleRecord } from '../store/schedule-records.js'

/** Soonest first; equal times in registration order. */
function runsBefore(a: ScheduleRecord, b: ScheduleRecord): boolean {
  return a.schedule_at < b.schedule_at || (a.schedule_at === b.schedule_at && a.seq < b.seq)
}

export class ScheduleBook {
  private seq = 0

  /** `onSave` is told about every record registered or changed (the merchant's state observer: persistence). */
  constructor(private readonly onSave: ((record: ScheduleRecord, undo?: () => void) => void) | null = null) {}
  /** Every record, in registration order. */
  private readonly records: ScheduleRecord[] = []
  /** The live record of each merchant_uid (a revoked one is replaced when the uid is scheduled again). */
  private readonly byMerchantUid = new Map<string, ScheduleRecord>()
  private readonly byCustomerUid = new Map<string, ScheduleRecord[]>()
  /** Records with schedule_status `scheduled`, in run order. */
  private readonly queue: ScheduleRecord[] = []

  /** The number the next registered record gets. */
  nextSeq(): number {
    return ++this.seq
  }

  insert(record: ScheduleRecord): void {
    // Told first: a record the data file could not take is not registered.
    this.onSave?.(record)
    // A record loaded from a data file keeps its number; new ones are numbered after it.
    if (record.seq > this.seq) this.seq = record.seq
    this.records.push(record)
    this.byMerchantUid.set(record.merchant_uid, record)
    const list = this.byCustomerUid.get(record.customer_uid)
    if (list) list.push(record)
    else this.byCustomerUid.set(record.customer_uid, [record])
    if (record.schedule_status === 'scheduled') this.enqueue(record)
  }

  /**
   * Call after changing a record in place (revoked, moved, rescheduled, run), with the copy taken
   * before (`snapshotSchedule`): if the save fails, the record and its place in the queue go back.
   */
  save(record: ScheduleRecord, before?: ScheduleRecord): void {
    this.onSave?.(record, () => {
      if (!before) return
      Object.assign(record, before)
      if (record.schedule_status === 'scheduled') this.enqueue(record)
      else this.dequeue(record)
    })
  }

  get(merchantUid: string): ScheduleRecord | undefined {
    return this.byMerchantUid.get(merchantUid)
  }

  /** A customer's records, in registration order. */
  ofCustomer(customerUid: string): readonly ScheduleRecord[] {
    return this.byCustomerUid.get(customerUid) ?? []
  }

  all(): readonly ScheduleRecord[] {
    return this.records
  }

  /** Puts a `scheduled` record in its place in the run queue (after registration, update or reschedule). */
  enqueue(record: ScheduleRecord): void {
    this.dequeue(record)
    let lo = 0
    let hi = this.queue.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (runsBefore(this.queue[mid]!, record)) lo = mid + 1
      else hi = mid
    }
    this.queue.splice(lo, 0, record)
  }

  /** Takes a record out of the run queue (revoked, executed, or about to move). */
  dequeue(record: ScheduleRecord): void {
    const i = this.queue.indexOf(record)
    if (i >= 0) this.queue.splice(i, 1)
  }

  /** Removes and returns every queued record with `schedule_at <= now`, in run order. */
  takeDue(now: number): ScheduleRecord[] {
    let n = 0
    while (n < this.queue.length && this.queue[n]!.schedule_at <= now) n++
    return this.queue.splice(0, n)
  }

  /** When the next queued record is due, or null when nothing waits. */
  nextDueAt(): number | null {
    return this.queue[0]?.schedule_at ?? null
  }

  clear(): void {
    this.seq = 0
    this.records.length = 0
    this.byMerchantUid.clear()
    this.byCustomerUid.clear()
    this.queue.length = 0
  }
}

/** A copy of a record's fields to put back if saving a change to it fails. */
export function snapshotSchedule(record: ScheduleRecord): ScheduleRecord {
  return { ...record, attempts: [...record.attempts] }
}
