/**
 * Where log lines go: a buffered writer on a file descriptor (stdout), like pino's own
 * destination, except that a descriptor that cannot be written (the reader of the pipe died:
 * EPIPE; the descriptor was closed: EBADF; any other error) makes it drop every later line
 * instead of retrying. pino's destination retried a dead stdout every 100 ms in its flush at
 * exit, so a simulator whose log reader had died never finished its SIGTERM.
 *
 * Lines gather in memory and are written together once 4 KiB have gathered or a quarter second
 * has passed, with one synchronous write, so their order is kept and nothing is in flight at exit.
 */
import { writeSync } from 'node:fs'

/** How many bytes are gathered before a write (pino's `minLength` in the old setting). */
const MIN_LENGTH = 4096
/** A pipe that stays full (EAGAIN) keeps at most this much waiting; older lines are dropped. */
const MAX_WAITING = 1024 * 1024
/** A full pipe is retried this many times at exit, then the rest is dropped. */
const EXIT_RETRIES = 20

export class DroppingDestination {
  private buffer = ''
  private dead = false
  private timer: NodeJS.Timeout | null = null
  private readonly onExit = () => this.flushSync(EXIT_RETRIES)

  constructor(private readonly fd: number) {
    process.once('exit', this.onExit)
  }

  /** True once the descriptor failed: nothing is written any more. */
  get dropped(): boolean {
    return this.dead
  }

  write(line: string): boolean {
    if (this.dead) return true
    this.buffer += line
    if (this.buffer.length >= MIN_LENGTH) this.flushSync(0)
    // A quiet log still shows its lines within a moment.
    else this.timer ??= setTimeout(() => this.flushSync(0), 250).unref()
    return true
  }

  /** Writes what is buffered; a full pipe (EAGAIN) is tried `retries` more times, any other error drops everything. */
  flushSync(retries = EXIT_RETRIES): void {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    let busy = 0
    while (!this.dead && this.buffer.length > 0) {
      try {
        const bytes = Buffer.from(this.buffer)
        const n = writeSync(this.fd, bytes)
        this.buffer = n === bytes.length ? '' : bytes.subarray(n).toString()
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
          this.die()
          return
        }
        if (busy++ >= retries) {
          if (this.buffer.length > MAX_WAITING) this.buffer = this.buffer.slice(-MAX_WAITING)
          this.timer = setTimeout(() => this.flushSync(0), 250).unref()
          return
        }
      }
    }
  }

  /** pino calls it when the logger is flushed. */
  flush(): void {
    this.flushSync(0)
  }

  end(): void {
    this.flushSync()
    process.off('exit', this.onExit)
  }

  private die(): void {
    this.dead = true
    this.buffer = ''
  }
}
