/**
 * PortOne V2 state in the `--data` file, beside V1's: billing keys, payments and schedules of each
 * V2 merchant (filed under its merchant id), and the secrets of open-mode merchants. The same
 * rules as V1's lines: the whole record after each change, collapsed to the latest on start.
 * Not kept: access and refresh tokens (a restart asks the client to log in again, inferred as the
 * cheaper choice; `PortOne <secret>` needs no token) and the id stream's position.
 */
import type { DataLine } from './data-file.js'
import type { V2MerchantState, V2StateChange } from '../store/v2-merchant-state.js'
import type { V2Registry } from '../store/v2-registry.js'
import type { V2BillingKeyRecord, V2PaymentRecord, V2ScheduleRecord } from '../store/v2-records.js'

interface V2Model {
  secret: string | null
  keys: Map<string, DataLine & { t: 'v2_key' }>
  payments: Map<string, DataLine & { t: 'v2_payment' }>
  schedules: Map<string, DataLine & { t: 'v2_schedule' }>
}

const emptyModel = (secret: string | null = null): V2Model => ({ secret, keys: new Map(), payments: new Map(), schedules: new Map() })

type Rec = Record<string, unknown>

/** The line a V2 change is written as. */
export function v2LineFor(merchant: V2MerchantState, change: V2StateChange): DataLine {
  const m = merchant.merchant.merchant_id
  switch (change.kind) {
    case 'v2_billing_key':
      return { t: 'v2_key', m, r: change.record as unknown as Rec & { billingKey: string } }
    case 'v2_payment':
      return { t: 'v2_payment', m, r: change.record as unknown as Rec & { id: string } }
    case 'v2_schedule':
      return { t: 'v2_schedule', m, r: change.record as unknown as Rec & { id: string } }
    case 'v2_reset':
      return { t: 'v2_reset', m }
    case 'v2_merchant_added':
      return { t: 'v2_merchant', m, secret: merchant.merchant.api_secret }
  }
}

/** Replays the V2 lines (others are skipped): the latest version of every record, per merchant. */
export function collapseV2(lines: readonly DataLine[]): Map<string, V2Model> {
  const model = new Map<string, V2Model>()
  const of = (m: string) => {
    let entry = model.get(m)
    if (!entry) model.set(m, (entry = emptyModel()))
    return entry
  }
  for (const line of lines) {
    switch (line.t) {
      case 'v2_merchant':
        of(line.m).secret = line.secret
        break
      case 'v2_reset':
        model.set(line.m, emptyModel(of(line.m).secret))
        break
      case 'v2_key':
        of(line.m).keys.set(line.r.billingKey, line)
        break
      case 'v2_payment':
        of(line.m).payments.set(line.r.id, line)
        break
      case 'v2_schedule':
        of(line.m).schedules.set(line.r.id, line)
        break
      default:
        break
    }
  }
  return model
}

export function compactedV2(model: Map<string, V2Model>): DataLine[] {
  const out: DataLine[] = []
  for (const [m, entry] of model) {
    if (entry.secret !== null) out.push({ t: 'v2_merchant', m, secret: entry.secret })
    out.push(...entry.keys.values(), ...entry.payments.values(), ...entry.schedules.values())
  }
  return out
}

/** Puts the model into the registry (open merchants come back in open mode); returns what was loaded. */
export function loadV2(
  registry: V2Registry,
  model: Map<string, V2Model>
): { payments: number; billing_keys: number; schedules: number; unknown: string[] } {
  const report = { payments: 0, billing_keys: 0, schedules: 0, unknown: [] as string[] }
  for (const [m, entry] of model) {
    const state = registry.byMerchantId(m) ?? (entry.secret !== null ? registry.bySecretOrOpen(entry.secret) : undefined)
    if (!state) {
      report.unknown.push(m)
      continue
    }
    for (const line of entry.keys.values()) {
      state.saveBillingKey(line.r as unknown as V2BillingKeyRecord)
      report.billing_keys++
    }
    for (const line of entry.payments.values()) {
      state.savePayment(line.r as unknown as V2PaymentRecord)
      report.payments++
    }
    const schedules = [...entry.schedules.values()].map((l) => l.r as unknown as V2ScheduleRecord).sort((a, b) => a.seq - b.seq)
    for (const schedule of schedules) state.saveSchedule(schedule)
    report.schedules += schedules.length
  }
  return report
}
