/**
 * The `--data FILE` format: JSON lines, append-only while the simulator runs, compacted on start.
 *
 *   {"t":"header","format":"iamport-mock-data","version":1}
 *   {"t":"merchant","k":"<imp_key>","secret":"…"}        an open merchant (--accept-any-key)
 *   {"t":"token","k":"…","r":{access_token, expired_at}}
 *   {"t":"key","k":"…","r":<BillingKeyRecord>}           (masked card, never the full number)
 *   {"t":"key_deleted","k":"…","u":"<customer_uid>"}
 *   {"t":"payment","k":"…","r":<PaymentRecord>}          the whole record after each change
 *   {"t":"prepare","k":"…","r":<PrepareRecord>}
 *   {"t":"schedule","k":"…","r":<ScheduleRecord>}        the whole record after each change
 *   {"t":"merchant_settings","k":"…","m":<merchant settings>}   made or changed through the control API
 *   {"t":"family","k":"…","f":"certification","id":"…","r":<record>|null}   issue 15 families (null: deleted)
 *   {"t":"reset","k":"…"}  /  {"t":"merchant_removed","k":"…"}
 *   {"t":"v2_key"|"v2_payment"|"v2_schedule","m":"<merchant id>","r":…}   PortOne V2 records
 *   {"t":"v2_merchant","m":"…","secret":"…"}  /  {"t":"v2_reset","m":"…"}
 *
 * Each line is written with one synchronous write(2) before the request that caused it is
 * answered, so a simulator killed at any moment (kill -9) has every answered change in the file;
 * with `fsync: 'always'` each write is also flushed to the disk (survives a power cut).
 * A last line cut short by a kill was never answered: it is left out of the store and its bytes
 * kept in `FILE.torn`. A bad line anywhere else (not JSON, an unknown type, a record that fails
 * its schema) stops the start with its line number, before the file is rewritten, since skipping
 * it would silently lose data.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { dirname } from 'node:path'
import { lineProblem } from './line-schemas.js'

export const FORMAT = 'iamport-mock-data'
export const VERSION = 1

export type FsyncPolicy = 'always' | 'off'

export type DataLine =
  | { t: 'header'; format: string; version: number }
  | { t: 'merchant'; k: string; secret: string }
  | { t: 'merchant_removed'; k: string }
  /** A merchant's whole settings (config-file shape), as the control API last made or changed them. */
  | { t: 'merchant_settings'; k: string; m: Record<string, unknown> }
  | { t: 'reset'; k: string }
  | { t: 'token'; k: string; r: { access_token: string; expired_at: number } }
  | { t: 'key'; k: string; r: Record<string, unknown> & { customer_uid: string } }
  | { t: 'key_deleted'; k: string; u: string }
  | { t: 'payment'; k: string; r: Record<string, unknown> & { imp_uid: string } }
  | { t: 'prepare'; k: string; r: Record<string, unknown> & { merchant_uid: string } }
  | { t: 'schedule'; k: string; r: Record<string, unknown> & { seq: number } }
  | { t: 'family'; k: string; f: string; id: string; r: Record<string, unknown> | null }
  /** PortOne V2 (see v2-lines.ts): records filed under the merchant id `m`. */
  | { t: 'v2_merchant'; m: string; secret: string }
  | { t: 'v2_reset'; m: string }
  | { t: 'v2_key'; m: string; r: Record<string, unknown> & { billingKey: string } }
  | { t: 'v2_payment'; m: string; r: Record<string, unknown> & { id: string } }
  | { t: 'v2_schedule'; m: string; r: Record<string, unknown> & { id: string } }

export class DataFileError extends Error {
  override readonly name = 'DataFileError'
}

/** Lines read from a data file, with the line number each came from (1-based). */
export interface ReadResult {
  lines: DataLine[]
  lineNumbers: number[]
  droppedTail: boolean
  /** The bytes of a last line cut short by a kill (never answered); kept aside, never lost. */
  tail: string
}

const refuse = (path: string, lineNumber: number, problem: string) =>
  new DataFileError(`${path}:${lineNumber}: ${problem}; the file was left as it is (fix or move it away to start empty)`)

/**
 * Reads every line of a data file (none when it does not exist yet). Each line is parsed and
 * checked against its type's schema before anything is loaded: any damaged line refuses the
 * start with its line number, and nothing is rewritten.
 */
export function readDataFile(path: string): ReadResult {
  if (!existsSync(path)) return { lines: [], lineNumbers: [], droppedTail: false, tail: '' }
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'EISDIR' ? 'it is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message
    throw new DataFileError(`${path}: cannot read the data file: ${why}`)
  }
  const raw = text.split('\n')
  // Every complete line ends with a newline: what follows the last one is a write cut short.
  const complete = raw.slice(0, -1)
  const tail = raw.at(-1) ?? ''
  const lines: DataLine[] = []
  const lineNumbers: number[] = []
  complete.forEach((line, i) => {
    if (line === '') return
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      throw refuse(path, i + 1, 'not a JSON line')
    }
    const problem = lineProblem(parsed)
    if (i === 0 && (problem !== null || (parsed as DataLine).t !== 'header' || (parsed as { format?: unknown }).format !== FORMAT)) {
      throw new DataFileError(`${path}: not an iamport-mock data file (first line: ${line.slice(0, 80)})`)
    }
    if (problem !== null) throw refuse(path, i + 1, problem)
    const checked = parsed as DataLine
    if (checked.t === 'header' && checked.version !== VERSION) {
      throw new DataFileError(`${path}: data file version ${checked.version}, this simulator reads version ${VERSION}`)
    }
    lines.push(checked)
    lineNumbers.push(i + 1)
  })
  return { lines, lineNumbers, droppedTail: tail !== '', tail }
}

/** Keeps the bytes of a torn last line in `FILE.torn` before the start-up rewrite leaves them out. */
export function keepTornTail(path: string, tail: string): string {
  const aside = `${path}.torn`
  appendFileSync(aside, `${tail}\n`, { mode: 0o600 })
  return aside
}

/** Replaces the file with `lines` atomically: a temporary file, flushed, renamed over it. */
export function rewriteDataFile(path: string, lines: readonly DataLine[]): void {
  const header: DataLine = { t: 'header', format: FORMAT, version: VERSION }
  const temporary = `${path}.${process.pid}.tmp`
  const fd = openSync(temporary, 'w', 0o600)
  try {
    writeSync(fd, [header, ...lines].map((l) => `${JSON.stringify(l)}\n`).join(''))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, path)
  // The rename itself is durable once the directory is flushed.
  const dir = openSync(dirname(path), 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
}

/** `fs.writeSync`'s shape; tests inject one that fails (ENOSPC, EIO, EBADF). */
export type WriteFn = (fd: number, buffer: Buffer, offset: number) => number

/** An append that did not reach the file; the change it carried must not be made. */
export class DataWriteError extends Error {
  override readonly name = 'DataWriteError'
  constructor(
    readonly file: string,
    override readonly cause: Error
  ) {
    super(`cannot write to ${file}: ${cause.message}`)
  }
}

/** The open file changes are appended to. */
export class DataFileWriter {
  private fd: number | null
  /** The file's length after the last whole line: a failed append is cut back to it. */
  private size: number

  constructor(
    readonly path: string,
    private readonly fsync: FsyncPolicy,
    private readonly write: WriteFn = (fd, buffer, offset) => writeSync(fd, buffer, offset)
  ) {
    this.fd = openSync(path, 'a', 0o600)
    this.size = fstatSync(this.fd).size
  }

  /**
   * Writes one line and returns once the kernel has it (and the disk, with fsync 'always').
   * Throws `DataWriteError` when it could not; what it wrote of the line is cut off again, so the
   * file never holds half a line followed by later ones.
   */
  append(line: DataLine): void {
    if (this.fd === null) throw new DataWriteError(this.path, new Error('the data file is closed'))
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`)
    try {
      let written = 0
      while (written < bytes.length) written += this.write(this.fd, bytes, written)
      if (this.fsync === 'always') fdatasyncSync(this.fd)
    } catch (err) {
      try {
        ftruncateSync(this.fd, this.size)
      } catch {
        // The line's bytes stay; the next start reads up to them and refuses with their line number.
      }
      throw new DataWriteError(this.path, err as Error)
    }
    this.size += bytes.length
  }

  close(): void {
    if (this.fd === null) return
    closeSync(this.fd)
    this.fd = null
  }
}

/**
 * One simulator per data file: `FILE.lock` holds the owner's pid. A lock left by a process that no
 * longer runs (killed) is taken over.
 */
export function lockDataFile(path: string): () => void {
  const lock = `${path}.lock`
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 })
      return () => {
        try {
          unlinkSync(lock)
        } catch {
          // already gone
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataFileError(`${path}: cannot create the lock file ${lock}: ${(err as Error).message}`)
      }
      const owner = Number(readFileSync(lock, 'utf8'))
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new DataFileError(`${path} is in use by another simulator (pid ${owner}; lock file ${lock})`)
      }
      unlinkSync(lock)
    }
  }
  throw new DataFileError(`could not lock ${path}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A killed process its parent has not reaped yet still answers signal 0: a zombie holds nothing.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}
