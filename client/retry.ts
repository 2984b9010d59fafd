/**
 * Retries for requests that are safe to repeat (reads and token issuance).
 *
 * i'mport has no idempotency key, so a request that moves money (onetime, again, cancel,
 * schedule) is never repeated: a lost answer there means "outcome unknown", and only a lookup
 * by merchant_uid can tell. That rule is enforced by the request core, not by this policy.
 */

export interface RetryOptions {
  /** Further attempts after the first (default 2). 0 turns retries off. */
  maxRetries?: number
  /** First backoff, in milliseconds (default 200). */
  initialDelayMs?: number
  /** Backoff ceiling, in milliseconds (default 2000). */
  maxDelayMs?: number
  /** How to wait; injectable so tests never sleep. Defaults to a timer that the request's signal can cut short. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Source of jitter in [0, 1); injectable for deterministic tests. */
  random?: () => number
}

export interface RetryPolicy {
  readonly maxRetries: number
  readonly initialDelayMs: number
  readonly maxDelayMs: number
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random: () => number
}

export const NO_RETRY: RetryOptions = { maxRetries: 0 }

export function resolveRetry(options: RetryOptions | false | undefined): RetryPolicy {
  const o = options === false ? NO_RETRY : (options ?? {})
  return {
    maxRetries: Math.max(0, o.maxRetries ?? 2),
    initialDelayMs: Math.max(0, o.initialDelayMs ?? 200),
    maxDelayMs: Math.max(0, o.maxDelayMs ?? 2000),
    sleep: o.sleep ?? sleep,
    random: o.random ?? Math.random
  }
}

/**
 * Whether an answer is worth asking again for, checked in this order:
 *   1. no answer at all (connection refused, reset, timeout) → yes, unless the caller aborted;
 *   2. 429 (throttled) → yes;
 *   3. 5xx (the server or a proxy failed) → yes;
 *   4. anything else, including `200 + code ≠ 0` (a business answer that will not change) → no.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/**
 * Capped exponential backoff with jitter: `initial · 2^attempt`, capped at `maxDelayMs`, then
 * scaled to between ½ and 1 of that, never below the initial delay (stripe-node's rule, which
 * spreads out clients that failed together).
 */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const capped = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt)
  const jittered = capped * (0.5 + policy.random() / 2)
  return Math.max(Math.min(policy.initialDelayMs, policy.maxDelayMs), Math.round(jittered))
}

/** A timer that resolves early when the signal aborts (the request then fails as aborted). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
