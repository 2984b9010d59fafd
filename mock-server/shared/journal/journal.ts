/**
 * The request journal: what the simulator answered, newest last, in a ring buffer of fixed size
 * so a long-running simulator never grows. It keeps the request line and the outcome only, never
 * a body or a header (card numbers, passwords and secrets travel in bodies; tokens in headers),
 * and masks an access token given in the query string.
 */
import type { JournalEntry } from '../../../api/control/journal.js'
import { redactUrl } from '../http/logging.js'

export type { JournalEntry }

export const DEFAULT_JOURNAL_SIZE = 1000
export const MAX_PATH_LENGTH = 500

export class RequestJournal {
  private buffer: (JournalEntry | undefined)[]
  /** Index of the oldest entry. */
  private start = 0
  private count = 0
  private seq = 0

  constructor(readonly capacity: number) {
    this.buffer = new Array<JournalEntry | undefined>(capacity)
  }

  get size(): number {
    return this.count
  }

  /** Requests recorded since start (or the last full clear), including those the buffer has since let go. */
  get total(): number {
    return this.seq
  }

  record(entry: Omit<JournalEntry, 'seq'>): void {
    if (this.capacity === 0) return
    const full: JournalEntry = { seq: ++this.seq, ...entry }
    if (this.count < this.capacity) {
      this.buffer[(this.start + this.count) % this.capacity] = full
      this.count++
    } else {
      this.buffer[this.start] = full
      this.start = (this.start + 1) % this.capacity
    }
  }

  /** Oldest first; with `limit`, the most recent `limit` entries (of `impKey`'s, when given). */
  list(options: { impKey?: string | undefined; limit?: number | undefined } = {}): JournalEntry[] {
    const out: JournalEntry[] = []
    for (let i = 0; i < this.count; i++) {
      const entry = this.buffer[(this.start + i) % this.capacity]!
      if (options.impKey === undefined || entry.imp_key === options.impKey) out.push(entry)
    }
    return options.limit === undefined ? out : out.slice(Math.max(0, out.length - options.limit))
  }

  /** Forgets everything (and restarts `seq`), or only one merchant's entries. */
  clear(impKey?: string): void {
    if (impKey === undefined) {
      this.buffer = new Array<JournalEntry | undefined>(this.capacity)
      this.start = 0
      this.count = 0
      this.seq = 0
      return
    }
    const kept = this.list().filter((e) => e.imp_key !== impKey)
    this.buffer = new Array<JournalEntry | undefined>(this.capacity)
    kept.forEach((e, i) => {
      this.buffer[i] = e
    })
    this.start = 0
    this.count = kept.length
  }
}

/** The request line as the journal keeps it: an access token in the query masked, length bounded. */
export function journalPath(url: string): string {
  const masked = redactUrl(url)
  return masked.length > MAX_PATH_LENGTH ? `${masked.slice(0, MAX_PATH_LENGTH - 1)}…` : masked
}

/** The envelope code at the start of a serialized i'mport answer, without parsing the whole body. */
export function envelopeCode(payload: unknown): number | null {
  if (typeof payload !== 'string') return null
  const match = /^\{"code":(-?\d+)/.exec(payload)
  return match ? Number(match[1]) : null
}
