/**
 * The access-token cache. i'mport tokens live 30 minutes and the server hands the same token back
 * until it expires (extending it by 5 minutes when asked within its last minute), so one token per
 * client is enough:
 *   - fetched lazily, on the first call that needs it;
 *   - reused until `expired_at` minus a skew;
 *   - single-flight: concurrent calls share one getToken request;
 *   - invalidated when the server answers 401, so the next call fetches a fresh one.
 *
 * Expiry is computed from the server's own `now` and `expired_at` (their difference is the token's
 * remaining life), so a local clock that is off by minutes does not matter.
 */
import type { Auth } from '../api/v1/auth.js'

export interface TokenCacheOptions {
  /** Issues a token (POST /users/getToken with the client's key pair). */
  issue: () => Promise<Auth>
  /** Seconds before `expired_at` at which the token is treated as expired (default 60). */
  skewSeconds?: number
  /** Local clock in milliseconds; injectable for tests. */
  now?: () => number
}

interface CachedToken {
  readonly accessToken: string
  /** Local time (ms) after which the token is no longer used. */
  readonly useUntilMs: number
}

export class TokenCache {
  private cached: CachedToken | null = null
  private inflight: Promise<string> | null = null
  private readonly issue: () => Promise<Auth>
  private readonly skewMs: number
  private readonly now: () => number

  constructor(options: TokenCacheOptions) {
    this.issue = options.issue
    this.skewMs = (options.skewSeconds ?? 60) * 1000
    this.now = options.now ?? Date.now
  }

  /** A token that is valid for at least the skew; fetches one when there is none. */
  async get(): Promise<string> {
    if (this.cached && this.now() < this.cached.useUntilMs) return this.cached.accessToken
    // Single flight: the first caller starts the request, the others wait on the same promise.
    this.inflight ??= this.issue()
      .then((auth) => {
        this.remember(auth)
        return auth.access_token
      })
      .finally(() => {
        this.inflight = null
      })
    return this.inflight
  }

  /** Stores a token the caller obtained itself (an explicit getToken with the client's own keys). */
  remember(auth: Auth, receivedAtMs: number = this.now()): void {
    const remainingMs = Math.max(0, auth.expired_at - auth.now) * 1000
    this.cached = { accessToken: auth.access_token, useUntilMs: receivedAtMs + remainingMs - this.skewMs }
  }

  /**
   * Forgets `token` after the server refused it. Only that token: when several calls got a 401 for
   * the same token, the first one's refresh must not be thrown away by the others.
   */
  invalidate(token: string): void {
    if (this.cached?.accessToken === token) this.cached = null
  }

  /** The token currently cached, if it is still usable (for diagnostics; never log it). */
  peek(): string | null {
    return this.cached && this.now() < this.cached.useUntilMs ? this.cached.accessToken : null
  }
}
