/**
 * `--data FILE`: the store kept across restarts, for a developer running the simulator on
 * localhost. Opt-in; without it nothing here is loaded and the store stays in memory only.
 *
 * On start: the file is read, collapsed to the latest state of every record, written back
 * compacted, and loaded into the store. While running: every change the store makes is one line
 * appended through the store's observer, synchronously, before the request is answered.
 *
 * Kept: billing keys, payments, prepared amounts, tokens, schedules, open merchants, merchants
 * made or changed through the control API (their settings win over the config file's), and the
 * records of the other V1 families (certifications, cash receipts, escrow shipping); the same of
 * PortOne V2 merchants (v2-lines.ts).
 * Not kept: the clocks' offsets and frozen state, fault rules made through the control API, the
 * request journal, the webhook outbox and the id streams' positions (ids already taken are
 * skipped, not reused).
 */
import { resolveMerchant, type MerchantConfigInput, type ResolvedConfig } from '../config/config.js'
import { merchantInput, merchantProblems } from '../config/merchant-settings.js'
import type { MerchantState, StateChange, StateObserver } from '../store/merchant-state.js'
import { PaymentRecord, type BillingKeyRecord, type PrepareRecord } from '../store/records.js'
import type { Store } from '../store/store.js'
import type { ScheduleBook } from '../schedules/book.js'
import type { ScheduleRecord } from '../store/schedule-records.js'
import { FAMILY_NAMES, type FamilyName } from '../store/family-records.js'
import {
  DataFileError,
  DataFileWriter,
  keepTornTail,
  lockDataFile,
  readDataFile,
  rewriteDataFile,
  type DataLine,
  type FsyncPolicy,
  type WriteFn
} from './data-file.js'
import { collapseV2, compactedV2, loadV2, v2LineFor } from './v2-lines.js'

export interface PersistenceOptions {
  /** The data file; created on first start. */
  file: string
  /** `off` (default): each change is written before the answer (survives kill -9); `always`: also fsync'd (survives a power cut). */
  fsync?: FsyncPolicy
  /** Replaces `fs.writeSync` for appends (tests make it fail). */
  write?: WriteFn
  /** Where the one line about a failed write goes (stderr by default). */
  warn?: (line: string) => void
}

/** One merchant's records as the file holds them, latest version of each. */
interface MerchantModel {
  secret: string | null
  /** Settings made or changed through the control API (config-file shape); null when never. */
  settings: Record<string, unknown> | null
  token: (DataLine & { t: 'token' }) | null
  keys: Map<string, DataLine & { t: 'key' }>
  /** In first-insertion order: the order payments were made in. */
  payments: Map<string, DataLine & { t: 'payment' }>
  prepares: Map<string, DataLine & { t: 'prepare' }>
  /** By registration number (a merchant_uid may have a revoked record and a live one). */
  schedules: Map<number, DataLine & { t: 'schedule' }>
  /** Family records by `family:id` (deleted ones removed). */
  families: Map<string, DataLine & { t: 'family' }>
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The data file and what was loaded from it at start; null without `--data`. */
    dataFile: { readonly file: string; readonly loaded: LoadReport; readonly persistence: Persistence } | null
  }
}

export interface LoadReport {
  merchants: number
  payments: number
  billing_keys: number
  schedules: number
  /** Data of merchants this start does not know (kept in the file, not served). */
  unknown_merchants: string[]
  /** A last line cut short by a kill was left out (its bytes are in `torn_file`). */
  dropped_tail: boolean
  /** Where the bytes of that line were kept; null when there was none. */
  torn_file: string | null
}

export class Persistence {
  private writer: DataFileWriter | null = null
  private unlock: (() => void) | null = null
  /** True while the file's records are put into the store: those changes are not written again. */
  private loading = false
  /** Schedules read at open, waiting for the schedules engine to exist (`restoreSchedules`). */
  private pendingSchedules: Array<{ impKey: string; records: ScheduleRecord[] }> = []

  constructor(private readonly options: PersistenceOptions) {}

  /** Why the last append failed; null while writes succeed (`/__mock/health` reports it). */
  private failure: string | null = null

  /**
   * The store's observer: one line per change, written before the change is made. A failed
   * write throws `DataWriteError` (the store then leaves the change unmade and the request
   * answers the transient error); stderr is told once, and again only after a write succeeded.
   */
  readonly observer: StateObserver = (merchant, change) => {
    if (this.loading || this.writer === null) return
    const line = lineFor(merchant, change)
    if (!line) return
    try {
      this.writer.append(line)
    } catch (err) {
      if (this.failure === null) {
        this.failure = (err as Error).message
        const warn = this.options.warn ?? ((text: string) => void process.stderr.write(text))
        warn(`iamport-mock: ${this.failure}; changes are refused (answered as a transient error) until a write succeeds\n`)
      }
      throw err
    }
    this.failure = null
  }

  /** Null while the data file takes every write; the reason of the last failed write otherwise. */
  get degraded(): string | null {
    return this.failure
  }

  /** Reads, compacts and loads the file into `store`, then opens it for appending. */
  open(store: Store, config: ResolvedConfig): LoadReport {
    const file = this.options.file
    this.unlock = lockDataFile(file)
    try {
      const { lines, lineNumbers, droppedTail, tail } = readDataFile(file)
      const lineOf = new Map<DataLine, number>(lines.map((l, i) => [l, lineNumbers[i]!]))
      const model = collapse(lines)
      // Loaded before the rewrite: a record the store refuses stops the start with the file untouched.
      const v2Model = collapseV2(lines)
      const report = this.load(store, config, model, (line) => lineOf.get(line) ?? 0)
      this.loading = true
      let v2
      try {
        v2 = loadV2(store.v2, v2Model)
      } finally {
        this.loading = false
      }
      const torn = droppedTail ? keepTornTail(file, tail) : null
      rewriteDataFile(file, [...compacted(model), ...compactedV2(v2Model)])
      this.writer = new DataFileWriter(file, this.options.fsync ?? 'off', this.options.write)
      store.v2.observer = (merchant, change) => {
        if (!this.loading) this.writer?.append(v2LineFor(merchant, change))
      }
      return {
        ...report,
        payments: report.payments + v2.payments,
        billing_keys: report.billing_keys + v2.billing_keys,
        schedules: report.schedules + v2.schedules,
        unknown_merchants: [...report.unknown_merchants, ...v2.unknown],
        dropped_tail: droppedTail,
        torn_file: torn
      }
    } catch (err) {
      this.close()
      if (err instanceof DataFileError) throw err
      // A file system failure (no space for the rewrite, a read-only directory): one line, no stack.
      throw new DataFileError(`${file}: ${(err as Error).message}`)
    }
  }

  /** The merchant of a settings line: the configured one with these settings, or a new control-made one. */
  private merchantFromSettings(store: Store, impKey: string, settings: Record<string, unknown>): MerchantState {
    const problems = merchantProblems(settings)
    if (problems.length > 0 || settings.imp_key !== impKey) {
      throw new DataFileError(
        `${this.options.file}: the settings kept for merchant "${impKey}" are invalid: ${problems.join('; ') || 'imp_key differs'}`
      )
    }
    const merchant = resolveMerchant(settings as MerchantConfigInput)
    const known = store.merchantByKey(impKey)
    if (!known) return store.addMerchant(merchant, 'control')
    store.updateMerchant(known, merchant)
    return known
  }

  /**
   * Puts the schedules read at open into the schedules engine's books (which exist only once its
   * plugin is registered, after the store is loaded).
   */
  restoreSchedules(store: Store, books: { book(merchant: MerchantState): ScheduleBook }): void {
    this.loading = true
    try {
      for (const { impKey, records } of this.pendingSchedules.splice(0)) {
        const state = store.merchantByKey(impKey)
        if (!state) continue
        const book = books.book(state)
        for (const record of records) book.insert(record)
      }
    } finally {
      this.loading = false
    }
  }

  close(): void {
    this.writer?.close()
    this.writer = null
    this.unlock?.()
    this.unlock = null
  }

  private load(
    store: Store,
    config: ResolvedConfig,
    model: Map<string, MerchantModel>,
    lineOf: (line: DataLine) => number
  ): Omit<LoadReport, 'dropped_tail' | 'torn_file'> {
    const report = { merchants: 0, payments: 0, billing_keys: 0, schedules: 0, unknown_merchants: [] as string[] }
    this.loading = true
    let current: DataLine | null = null
    try {
      for (const [impKey, m] of model) {
        let state = m.settings === null ? store.merchantByKey(impKey) : this.merchantFromSettings(store, impKey, m.settings)
        if (!state && m.secret !== null && config.accept_any_key) {
          state = store.addMerchant(resolveMerchant({ imp_key: impKey, imp_secret: m.secret }))
        }
        if (!state) {
          report.unknown_merchants.push(impKey)
          continue
        }
        report.merchants++
        for (const key of m.keys.values()) {
          current = key
          state.saveBillingKey(key.r as unknown as BillingKeyRecord)
          report.billing_keys++
        }
        for (const payment of m.payments.values()) {
          current = payment
          state.insertPayment(Object.assign(Object.create(PaymentRecord.prototype) as PaymentRecord, payment.r))
          report.payments++
        }
        for (const prepare of m.prepares.values()) {
          current = prepare
          state.savePrepare(prepare.r as unknown as PrepareRecord)
        }
        for (const line of m.families.values()) {
          if (line.r !== null && (FAMILY_NAMES as readonly string[]).includes(line.f)) {
            current = line
            state.saveFamilyRecord(line.f as FamilyName, line.id, line.r as never)
          }
        }
        const schedules = [...m.schedules.values()].map((l) => l.r as unknown as ScheduleRecord).sort((a, b) => a.seq - b.seq)
        if (schedules.length > 0) this.pendingSchedules.push({ impKey, records: schedules })
        report.schedules += schedules.length
        if (m.token) {
          current = m.token
          state.setToken({ ...m.token.r })
          store.indexToken(state, null)
        }
      }
    } catch (err) {
      const where = current ? `${this.options.file}:${lineOf(current)}` : this.options.file
      throw new DataFileError(`${where}: ${current?.t ?? 'a'} record could not be loaded (${(err as Error).message}); the file was left as it is`)
    } finally {
      this.loading = false
    }
    return report
  }
}

/** The line a store change is written as; null for changes the file does not keep. */
export function lineFor(merchant: MerchantState, change: StateChange): DataLine | null {
  const k = merchant.merchant.imp_key
  switch (change.kind) {
    case 'payment':
      return { t: 'payment', k, r: change.record as unknown as Record<string, unknown> & { imp_uid: string } }
    case 'billing_key':
      return { t: 'key', k, r: change.record as unknown as Record<string, unknown> & { customer_uid: string } }
    case 'billing_key_deleted':
      return { t: 'key_deleted', k, u: change.customer_uid }
    case 'prepare':
      return { t: 'prepare', k, r: change.record as unknown as Record<string, unknown> & { merchant_uid: string } }
    case 'schedule':
      return { t: 'schedule', k, r: change.record as unknown as Record<string, unknown> & { seq: number } }
    case 'token':
      return { t: 'token', k, r: { access_token: change.record.access_token, expired_at: change.record.expired_at } }
    case 'family_record':
      return { t: 'family', k, f: change.family, id: change.id, r: change.record as Record<string, unknown> | null }
    case 'merchant_added':
      return { t: 'merchant', k, secret: merchant.merchant.imp_secret }
    case 'merchant_settings':
      return { t: 'merchant_settings', k, m: merchantInput(merchant.merchant) as unknown as Record<string, unknown> }
    case 'merchant_removed':
      return { t: 'merchant_removed', k }
    case 'reset':
      return { t: 'reset', k }
  }
}

const emptyModel = (secret: string | null = null, settings: Record<string, unknown> | null = null): MerchantModel => ({
  secret,
  settings,
  token: null,
  keys: new Map(),
  payments: new Map(),
  prepares: new Map(),
  schedules: new Map(),
  families: new Map()
})

/** Replays the lines: the latest version of every record, per merchant. */
export function collapse(lines: readonly DataLine[]): Map<string, MerchantModel> {
  const model = new Map<string, MerchantModel>()
  const of = (k: string) => {
    let m = model.get(k)
    if (!m) model.set(k, (m = emptyModel()))
    return m
  }
  for (const line of lines) {
    switch (line.t) {
      case 'header':
        break
      case 'merchant':
        of(line.k).secret = line.secret
        break
      case 'merchant_settings':
        of(line.k).settings = line.m
        break
      case 'merchant_removed':
        model.delete(line.k)
        break
      case 'reset':
        model.set(line.k, emptyModel(of(line.k).secret, of(line.k).settings))
        break
      case 'token':
        of(line.k).token = line
        break
      case 'key':
        of(line.k).keys.set(line.r.customer_uid, line)
        break
      case 'key_deleted':
        of(line.k).keys.delete(line.u)
        break
      case 'payment':
        of(line.k).payments.set(line.r.imp_uid, line)
        break
      case 'prepare':
        of(line.k).prepares.set(line.r.merchant_uid, line)
        break
      case 'schedule':
        of(line.k).schedules.set(line.r.seq, line)
        break
      case 'family':
        if (line.r === null) of(line.k).families.delete(`${line.f}:${line.id}`)
        else of(line.k).families.set(`${line.f}:${line.id}`, line)
        break
      case 'v2_merchant':
      case 'v2_reset':
      case 'v2_key':
      case 'v2_payment':
      case 'v2_schedule':
        // PortOne V2 lines: folded by collapseV2 (v2-lines.ts), into their own model.
        break
      default: {
        // A new kind of data line fails to compile here until the reader folds it into the model.
        const unreachable: never = line
        return unreachable
      }
    }
  }
  return model
}

/** The fewest lines that give the same model. */
function compacted(model: Map<string, MerchantModel>): DataLine[] {
  const out: DataLine[] = []
  for (const [k, m] of model) {
    if (m.secret !== null) out.push({ t: 'merchant', k, secret: m.secret })
    if (m.settings !== null) out.push({ t: 'merchant_settings', k, m: m.settings })
    if (m.token) out.push(m.token)
    out.push(...m.keys.values(), ...m.payments.values(), ...m.prepares.values(), ...m.schedules.values(), ...m.families.values())
  }
  return out
}
