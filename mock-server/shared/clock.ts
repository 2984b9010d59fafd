/**
 * Time. Everything in the simulator reads time through a `Clock`, never `Date.now()`, so that
 * tests and the control API can move it: token expiry, `paid_at`/`cancelled_at`, schedules.
 */

/** A source of the current time in milliseconds since the epoch. */
export interface Clock {
  nowMs(): number
}

/** The machine's wall clock. */
export const systemClock: Clock = { nowMs: () => Date.now() }

/** A clock tests set by hand: it stands still until told otherwise. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  nowMs(): number {
    return this.ms
  }
  /** Moves the clock by `seconds` (may be fractional). */
  advance(seconds: number): void {
    this.ms += seconds * 1000
  }
  set(ms: number): void {
    this.ms = ms
  }
}

/**
 * A clock shifted from a base clock. By default it ticks on with the base after being moved
 * (virtual time = base time + offset); frozen, it stands still at the set point until moved again.
 */
export class VirtualClock implements Clock {
  private offsetMs = 0
  private frozenAtMs: number | null = null

  constructor(private readonly base: Clock) {}

  nowMs(): number {
    return this.frozenAtMs ?? this.base.nowMs() + this.offsetMs
  }

  /** Current time in whole UNIX seconds, the unit of every i'mport timestamp. */
  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000)
  }

  /** Moves time forward (or back, with a negative value) by `seconds`. */
  advance(seconds: number): void {
    if (this.frozenAtMs !== null) this.frozenAtMs += seconds * 1000
    else this.offsetMs += seconds * 1000
  }

  /** Sets the current time to `ms`; `freeze` decides whether it then stands still or ticks on. */
  set(ms: number, freeze = this.frozenAtMs !== null): void {
    if (freeze) {
      this.frozenAtMs = ms
    } else {
      this.frozenAtMs = null
      this.offsetMs = ms - this.base.nowMs()
    }
  }

  /** Stops time at the current instant, or lets it tick on from there. */
  setFrozen(freeze: boolean): void {
    this.set(this.nowMs(), freeze)
  }

  get frozen(): boolean {
    return this.frozenAtMs !== null
  }

  /** Back to the base clock's time, ticking. */
  reset(): void {
    this.offsetMs = 0
    this.frozenAtMs = null
  }
}
