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
 * A last line cut short by a kill was never answered and is dropped on load; a bad line anywhere
 * else stops the start, since skipping it would silently lose data.
 */
import { closeSync, existsSync, fdatasyncSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

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

/** Reads every line of a data file (none when it does not exist yet). */
export function readDataFile(path: string): { lines: DataLine[]; droppedTail: boolean } {
  if (!existsSync(path)) return { lines: [], droppedTail: false }
  const text = readFileSync(path, 'utf8')
  const raw = text.split('\n')
  // Every complete line ends with a newline: what follows the last one is a write cut short.
  const complete = raw.slice(0, -1)
  const droppedTail = raw.at(-1) !== ''
  const lines: DataLine[] = []
  complete.forEach((line, i) => {
    if (line === '') return
    let parsed: DataLine
    try {
      parsed = JSON.parse(line) as DataLine
    } catch {
      throw new DataFileError(`${path}:${i + 1}: not a JSON line; the file is damaged (move it away to start empty)`)
    }
    if (i === 0 && (parsed.t !== 'header' || parsed.format !== FORMAT)) {
      throw new DataFileError(`${path}: not an iamport-mock data file (first line: ${line.slice(0, 80)})`)
    }
    if (parsed.t === 'header' && parsed.version !== VERSION) {
      throw new DataFileError(`${path}: data file version ${parsed.version}, this simulator reads version ${VERSION}`)
    }
    lines.push(parsed)
  })
  return { lines, droppedTail }
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

/** The open file changes are appended to. */
export class DataFileWriter {
  private fd: number | null

  constructor(
    readonly path: string,
    private readonly fsync: FsyncPolicy
  ) {
    this.fd = openSync(path, 'a', 0o600)
  }

  /** Writes one line and returns once the kernel has it (and the disk, with fsync 'always'). */
  append(line: DataLine): void {
    if (this.fd === null) throw new DataFileError(`${this.path} is closed`)
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`)
    let written = 0
    while (written < bytes.length) written += writeSync(this.fd, bytes, written)
    if (this.fsync === 'always') fdatasyncSync(this.fd)
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
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
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
