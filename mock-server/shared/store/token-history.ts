/**
 * Tokens that no longer work, remembered so a refusal can say why (a hint): expired at a given
 * time, forgotten by a reset, or their merchant removed. A token in none of these was never
 * issued by this simulator. Bounded: the oldest are forgotten first.
 */
export type TokenEnd = 'expired' | 'reset' | 'removed'

export interface PastToken {
  readonly imp_key: string
  readonly expired_at: number
  readonly ended: TokenEnd
}

export const TOKEN_HISTORY_SIZE = 1000

export class TokenHistory {
  private readonly past = new Map<string, PastToken>()

  constructor(private readonly capacity = TOKEN_HISTORY_SIZE) {}

  note(accessToken: string, entry: PastToken): void {
    this.past.delete(accessToken)
    this.past.set(accessToken, entry)
    if (this.past.size > this.capacity) this.past.delete(this.past.keys().next().value!)
  }

  get(accessToken: string): PastToken | undefined {
    return this.past.get(accessToken)
  }
}
