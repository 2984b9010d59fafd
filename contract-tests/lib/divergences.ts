/**
 * Known differences between the simulator and the real API, or points where the real behaviour is
 * not settled by public evidence. A test that meets one names it with `divergence(id)`, asserts
 * what both targets share, and asserts the simulator's exact choice only on the mock target.
 * The simulator's side of each is documented in docs/fidelity.md; the list itself is
 * summarised in contract-tests/README.md.
 */
export interface Divergence {
  /** What the simulator does. */
  mock: string
  /** What the real API does, as far as public sources show. */
  real: string
  /** Why the simulator does what it does. */
  reason: string
  evidence: string
}

export const DIVERGENCES = {
  'unknown-customer-status': {
    mock: 'GET/DELETE of an unknown customer_uid answers HTTP 200, code 1 (switchable to 404)',
    real: 'observed 200 + code 1 up to ~2022; the swagger documents 404; current behaviour unknown',
    reason: 'the observed answer is better evidenced than the document',
    evidence: 'iamport-api.md §3.1, §3.2, §10.1'
  },
  'token-missing-params-status': {
    mock: 'getToken without imp_key/imp_secret answers HTTP 400 (switchable to 200)',
    real: 'code -1 with the same message; the HTTP status is not recorded anywhere (200 or 400)',
    reason: 'one third-party client maps HTTP 400 to this message',
    evidence: 'iamport-api.md §1, §10.6'
  },
  'optional-fields': {
    mock: 'every answer carries every field of its definition (null or 0 when there is nothing to say)',
    real: 'optional fields may be left out (emb_pg_provider, promotion, deposit_history … in the captures)',
    reason: 'one complete shape is easier to consume; the real API is checked with the official required fields only',
    evidence: 'fixtures/captured/*.json; contract-tests/lib/schemas.ts'
  },
  'sandbox-flag': {
    mock: 'the docs merchant is not a test channel: sandbox is false',
    real: 'test channels report sandbox: true (2026-01-26); a live channel false',
    reason: 'the flag depends on the merchant channel, not on the API',
    evidence: 'iamport-api.md §4.1, §5.1'
  },
  'billing-imp-uid-prefix': {
    mock: 'onetime/again payments get imps_ + 12 digits (switchable to imp_)',
    real: 'scheduled payments use imps_; for onetime/again imp_ or imps_ is unconfirmed',
    reason: 'the billing path is observed with imps_',
    evidence: 'iamport-api.md §0.5, §10.5'
  },
  'card-details-by-pg': {
    mock: 'masked number, card_code, card_name and card_type come from the BIN table in fixtures/cards/bins.ts',
    real: 'whatever the PG reports; masking differs by PG',
    reason: 'the PG, not i’mport, decides these values',
    evidence: 'iamport-api.md §0.5'
  },
  'inferred-messages': {
    mock: 'messages of the catalogue entries marked "inferred" are the simulator’s own text',
    real: 'unknown text (checksum mismatch, duplicate merchant_uid on a charge, installments, none found on a multi-lookup)',
    reason: 'no public source quotes them',
    evidence: 'mock-server/errors.ts (evidence: inferred); iamport-api.md §10'
  },
  'pg-decline-text': {
    mock: 'a cancel over the balance answers the text quoted from a NICE/KG refusal',
    real: 'the same prefix 결제취소에 실패하였습니다. followed by the PG’s own text',
    reason: 'the tail is the PG’s message',
    evidence: 'iamport-api.md §5.3 (iamport-rest-client-java issue #20)'
  },
  'customer-uid-usage-onetime': {
    mock: 'a onetime payment that stores a key is marked customer_uid_usage: issue',
    real: 'issue or payment; unverified',
    reason: 'samchon’s fake uses issue',
    evidence: 'iamport-api.md §4.2, §10.5'
  }
} as const satisfies Record<string, Divergence>

export type DivergenceId = keyof typeof DIVERGENCES

/**
 * Names the divergence a test works around (typed, so a typo does not compile) and returns it, so
 * that a failure message can say which declared difference was in play.
 */
export function divergence(id: DivergenceId): Divergence & { id: DivergenceId } {
  return { id, ...DIVERGENCES[id] }
}
