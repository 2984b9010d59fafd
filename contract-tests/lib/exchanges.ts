/**
 * Every answer the suite receives is appended, as one JSON line, to a file in a directory the
 * global setup creates for the run. The checks that run after the suite (conformance with the
 * official definitions, drift against recordings) read them back. Tokens are redacted before
 * anything is written; request bodies (card data) are never seen here at all.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { threadId } from 'node:worker_threads'
import type { Exchange } from '../../client/index.js'

export interface RecordedExchange {
  operationId: string
  method: string
  /** Path template, e.g. `/payments/{imp_uid}`. */
  path: string
  status: number
  body: unknown
  /** The test that caused it (full name), for error reports. */
  test: string
}

/** Keys whose values are secrets wherever they appear in an answer. */
const SECRET_KEYS = new Set(['access_token'])

/** A copy of `value` with secret values replaced by a placeholder of the same JSON type. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.has(key) && typeof v === 'string' ? '<redacted>' : redactSecrets(v)])
  )
}

/** An `onResponse` hook that appends each answer to this worker's file in `dir`. */
export function exchangeRecorder(dir: string, testName: () => string): (exchange: Exchange) => void {
  const file = join(dir, `${process.pid}-${threadId}.jsonl`)
  return (exchange) => {
    const record: RecordedExchange = {
      operationId: exchange.operationId,
      method: exchange.method,
      path: exchange.path,
      status: exchange.status,
      body: redactSecrets(exchange.body),
      test: testName()
    }
    appendFileSync(file, `${JSON.stringify(record)}\n`)
  }
}

/** Every exchange recorded in `dir` so far, in file order. */
export function readExchanges(dir: string): RecordedExchange[] {
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
  } catch {
    return []
  }
  return files.flatMap((name) =>
    readFileSync(join(dir, name), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as RecordedExchange)
  )
}

/** Whether an answer is a success envelope (`code 0` with a response) or a failure. */
export function outcomeOf(body: unknown): 'ok' | 'error' {
  const b = body as { code?: unknown; response?: unknown } | null
  return b !== null && typeof b === 'object' && b.code === 0 && b.response !== null && b.response !== undefined ? 'ok' : 'error'
}

/** The key answers are grouped by: operation, HTTP status, outcome. */
export function kindOf(exchange: Pick<RecordedExchange, 'operationId' | 'status' | 'body'>): string {
  return `${exchange.operationId} ${exchange.status} ${outcomeOf(exchange.body)}`
}
