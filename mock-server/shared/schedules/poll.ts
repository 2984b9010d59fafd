/**
 * The wall-time poll of a schedule engine (V1's and V2's): `tick` every `ms`, its errors to
 * `onError`, never keeping a test process or a closing server alive. `ms <= 0` polls never (tests
 * move the clock themselves). Idempotent start and stop.
 */
export class Poll {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly ms: number,
    private readonly tick: () => void,
    private readonly onError: (err: unknown) => void
  ) {}

  start(): void {
    if (this.timer !== null || this.ms <= 0) return
    this.timer = setInterval(() => {
      try {
        this.tick()
      } catch (err) {
        this.onError(err)
      }
    }, this.ms)
    // A simulator waiting for schedules must not keep a test process (or a closing server) alive.
    this.timer.unref()
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer)
    this.timer = null
  }
}
