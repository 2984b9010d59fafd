/**
 * Seedable identifiers. Each merchant draws from its own stream, seeded from the server seed and
 * its imp_key, so a merchant's ids do not depend on what other merchants (other CI shards) do.
 */
import { createHmac } from 'node:crypto'
import { joinFlat } from './flat-strings.js'

/** cyrb128: turns a string into four 32-bit seeds (public-domain hash by bryc). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

const DIGIT_CODES = [...'0123456789'].map((c) => c.charCodeAt(0))
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0))

/** A small, fast, seedable PRNG (sfc32). Not for secrets: the simulator's ids only need to be reproducible. */
export class Random {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(seed: string) {
    ;[this.a, this.b, this.c, this.d] = cyrb128(seed)
    for (let i = 0; i < 12; i++) this.next32()
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  next32(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    let t = (this.a + this.b) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.d = (this.d + 1) | 0
    t = (t + this.d) | 0
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.next32() / 4294967296
  }

  /** `n` decimal digits. */
  digits(n: number): string {
    const codes = new Array<number>(n)
    for (let i = 0; i < n; i++) codes[i] = DIGIT_CODES[this.next32() % 10]!
    return String.fromCharCode(...codes)
  }

  /** `n` lowercase hex characters. */
  hex(n: number): string {
    const codes = new Array<number>(n)
    for (let i = 0; i < n; i++) codes[i] = HEX_CODES[this.next32() & 15]!
    return String.fromCharCode(...codes)
  }
}

/** The identifier formats of the real API (iamport-api.md §0.5). */
export class IdGenerator {
  private readonly random: Random
  /** `pgTid` formats the same second many times under load; the last one is kept. */
  private stampSeconds = Number.NaN
  private stamp = ''

  constructor(private readonly seed: string) {
    this.random = new Random(seed)
  }

  /** `imp_` or `imps_` followed by 12 digits. */
  impUid(prefix: 'imp_' | 'imps_'): string {
    return joinFlat(prefix, this.random.digits(12))
  }

  /**
   * A 40-character lowercase hex access token: `credential(secret)`.
   */
  accessToken(secret: string): string {
    return this.credential(secret)
  }

  /**
   * The rule for every credential the simulator hands out (V1 access tokens, V2 tokens alike):
   * HMAC-SHA256 keyed by the merchant's secret over this stream's seed (server seed and key) and
   * the stream's next 40 hex characters, as 40 hex characters. The seed is printed at start and
   * imp_keys are not secret, so a generator of those alone would let anyone compute another
   * merchant's token; with the secret as the key, nothing short of the secret gives it, while the
   * same seed, key and secret still give the same tokens in the same order (tests stay
   * reproducible). Drawing from the stream also keeps every later id where it was.
   */
  credential(secret: string): string {
    const draw = this.random.hex(40)
    return createHmac('sha256', secret).update(`${this.seed}\n${draw}`).digest('hex').slice(0, 40)
  }

  /** An 8-digit card approval number. */
  applyNum(): string {
    return this.random.digits(8)
  }

  /**
   * A PG transaction id. Real ones differ per PG; this keeps the common shape of the MID followed
   * by the approval time and a serial (for example NICE `nictest04m0116…`).
   */
  pgTid(pgId: string, unixSeconds: number): string {
    if (unixSeconds !== this.stampSeconds) {
      this.stamp = new Date(unixSeconds * 1000).toISOString().replace(/\D/g, '').slice(2, 14)
      this.stampSeconds = unixSeconds
    }
    return joinFlat(pgId, '0116', this.stamp, this.random.digits(4))
  }

  /** Identifier of one cancellation (`cancel_history[].cancellation_id`). */
  cancellationId(): string {
    return joinFlat(this.random.hex(8).toUpperCase(), this.random.digits(12))
  }

  /** `n` digits from the stream (virtual account numbers, OTPs, receipt numbers). */
  digits(n: number): string {
    return this.random.digits(n)
  }

  /** Raw access to the stream, for seeded probabilities (fault rules). */
  next(): number {
    return this.random.next()
  }
}
