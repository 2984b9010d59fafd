/**
 * Drift records (LocalStack's parity snapshots, cut down to what survives two targets): answers
 * recorded from the real API are stored normalised under `fixtures/recorded/`, one file per
 * operation, HTTP status and outcome, with the *shape* of the answers (every field path and its
 * JSON types). The simulator's answers to the same operations must have the same shape.
 *
 * Normalisation replaces server-made values (ids, timestamps, receipt URLs) with placeholders,
 * keeping relationships (the same imp_uid twice becomes `<imp_uid:1>` twice), and removes secrets,
 * card numbers and personal data. Recordings are written only from the real API, never by hand.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { kindOf, outcomeOf, type RecordedExchange } from './exchanges.js'

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object'
/** Field path (`response.cancel_history[].amount`) → the JSON types seen there, sorted. */
export type Shape = Record<string, JsonType[]>

export interface Recording {
  operation_id: string
  http_status: number
  outcome: 'ok' | 'error'
  /** Day of the recording (UTC), and where it was made. */
  recorded_on: string
  base_url: string
  /** How many answers were merged into `shape`. */
  count: number
  shape: Shape
  /** The first answer, normalised. For reading; the comparison uses `shape`. */
  example: unknown
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value as JsonType
}

/** Adds the shape of `value` to `shape` (paths under `path`). */
export function addShape(shape: Shape, value: unknown, path = ''): Shape {
  if (path !== '') add(shape, path, jsonType(value))
  if (Array.isArray(value)) {
    for (const item of value) addShape(shape, item, `${path}[]`)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) addShape(shape, child, path === '' ? key : `${path}.${key}`)
  }
  return shape
}

function add(shape: Shape, path: string, type: JsonType): void {
  const types = (shape[path] ??= [])
  if (!types.includes(type)) {
    types.push(type)
    types.sort()
  }
}

/** The container a path belongs to: `a.b` → `a`, `a[]` → `a`, `a[].b` → `a[]`, `a` → ``. */
function parentOf(path: string): string {
  if (path.endsWith('[]')) return path.slice(0, -2)
  const dot = path.lastIndexOf('.')
  return dot === -1 ? '' : path.slice(0, dot)
}

function hasChildren(shape: Shape, parent: string): boolean {
  if (parent === '') return true
  return Object.keys(shape).some((p) => p !== parent && parentOf(p) === parent)
}

function compatible(a: readonly JsonType[], b: readonly JsonType[]): boolean {
  const widen = (t: JsonType) => (t === 'integer' ? 'number' : t)
  const left = a.filter((t) => t !== 'null').map(widen)
  const right = b.filter((t) => t !== 'null').map(widen)
  // `null` on either side says nothing about the type: the value was just absent in that run.
  return left.length === 0 || right.length === 0 || left.some((t) => right.includes(t))
}

/**
 * What differs between a recorded shape and the simulator's: fields only one side has, and fields
 * whose non-null types never agree. Children of a container are compared only when both sides saw
 * some (an empty `cancel_history` in one run says nothing about its entries).
 */
export function compareShapes(recorded: Shape, actual: Shape): string[] {
  const problems: string[] = []
  for (const path of Object.keys(recorded).sort()) {
    const parent = parentOf(path)
    if (!(path in actual)) {
      if (hasChildren(actual, parent)) problems.push(`missing field ${path} (recorded as ${recorded[path]!.join('|')})`)
      continue
    }
    if (!compatible(recorded[path]!, actual[path]!)) {
      problems.push(`type of ${path}: recorded ${recorded[path]!.join('|')}, simulator ${actual[path]!.join('|')}`)
    }
  }
  for (const path of Object.keys(actual).sort()) {
    if (!(path in recorded) && hasChildren(recorded, parentOf(path))) {
      problems.push(`extra field ${path} (${actual[path]!.join('|')}), not in the recording`)
    }
  }
  return problems
}

/** Values that identify something; replaced by numbered references. */
const ID_KEYS = new Set(['imp_uid', 'merchant_uid', 'customer_uid', 'customer_id', 'pg_tid', 'apply_num', 'cancellation_id'])
/** Removed whatever they hold. */
const SECRET_KEYS = new Set(['access_token', 'card_number'])
const PERSONAL_KEYS = new Set([
  'buyer_name',
  'buyer_email',
  'buyer_tel',
  'buyer_addr',
  'buyer_postcode',
  'customer_name',
  'customer_email',
  'customer_tel',
  'customer_addr',
  'customer_postcode',
  'vbank_holder',
  'vbank_num'
])
const TIME_KEYS = new Set([
  'now',
  'expired_at',
  'inserted',
  'updated',
  'started_at',
  'paid_at',
  'failed_at',
  'cancelled_at',
  'vbank_date',
  'vbank_issued_at',
  'schedule_at',
  'executed_at',
  'revoked_at'
])
const URL_KEYS = new Set(['receipt_url', 'cancel_receipt_urls'])

/** Numbered placeholders shared by every answer of one recording run. */
export class References {
  private readonly byValue = new Map<string, string>()
  private readonly counters = new Map<string, number>()

  token(kind: string, value: string): string {
    const key = `${kind}\u0000${value}`
    let token = this.byValue.get(key)
    if (token === undefined) {
      const n = (this.counters.get(kind) ?? 0) + 1
      this.counters.set(kind, n)
      token = `<${kind}:${n}>`
      this.byValue.set(key, token)
    }
    return token
  }

  /** Replaces every known id inside free text (messages quote customer_uids). */
  scrub(text: string): string {
    let out = text
    for (const [key, token] of this.byValue) {
      const value = key.split('\u0000')[1]!
      if (value.length >= 4) out = out.split(value).join(token)
    }
    return out
  }
}

/** A normalised copy of an answer body. */
export function normalise(value: unknown, refs: References, key = ''): unknown {
  if (value === null || value === undefined) return value ?? null
  if (Array.isArray(value)) return value.map((item) => normalise(item, refs, key))
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, refs, k)]))
  }
  if (SECRET_KEYS.has(key)) return `<${key}>`
  if (PERSONAL_KEYS.has(key)) return typeof value === 'string' ? `<${key}>` : value
  if (ID_KEYS.has(key) && typeof value === 'string') return refs.token(key, value)
  if (TIME_KEYS.has(key) && typeof value === 'number') return value === 0 ? 0 : '<unix-seconds>'
  if (URL_KEYS.has(key) && typeof value === 'string') return '<url>'
  if (typeof value === 'string') return refs.scrub(value)
  return value
}

/** Groups exchanges by kind and builds one recording per kind. */
export function buildRecordings(exchanges: readonly RecordedExchange[], baseURL: string, day: string): Recording[] {
  const refs = new References()
  // A first pass registers every id, so that messages quoting one are scrubbed whatever the order.
  for (const exchange of exchanges) normalise(exchange.body, refs)
  const groups = new Map<string, RecordedExchange[]>()
  for (const exchange of exchanges) {
    const kind = kindOf(exchange)
    groups.set(kind, [...(groups.get(kind) ?? []), exchange])
  }
  return [...groups.values()].map((group) => {
    const first = group[0]!
    const shape: Shape = {}
    for (const exchange of group) addShape(shape, exchange.body)
    return {
      operation_id: first.operationId,
      http_status: first.status,
      outcome: outcomeOf(first.body),
      recorded_on: day,
      base_url: baseURL,
      count: group.length,
      shape,
      example: normalise(first.body, refs)
    }
  })
}

export function recordingFileName(recording: Pick<Recording, 'operation_id' | 'http_status' | 'outcome'>): string {
  return `${recording.operation_id}.${recording.http_status}.${recording.outcome}.json`
}

/** Writes recordings into `dir`, replacing older ones of the same kind. Returns the file names. */
export function writeRecordings(dir: string, recordings: readonly Recording[]): string[] {
  mkdirSync(dir, { recursive: true })
  return recordings.map((recording) => {
    const name = recordingFileName(recording)
    writeFileSync(join(dir, name), `${JSON.stringify(recording, null, 2)}\n`)
    return name
  })
}

/** Every recording in `dir` (none when it does not exist). */
export function loadRecordings(dir: string): Array<{ file: string; recording: Recording }> {
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
  } catch {
    return []
  }
  return files.map((file) => ({ file, recording: JSON.parse(readFileSync(join(dir, file), 'utf8')) as Recording }))
}
