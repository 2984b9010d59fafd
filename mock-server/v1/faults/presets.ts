/**
 * `X-Iamport-Mock-Fault: <preset>`: one outcome forced on one request, without a rule (as Toss's
 * `TossPayments-Test-Code` and PayPal's `PayPal-Mock-Response` headers do in their sandboxes).
 *
 * There is a preset for each magic card of the catalogue and for each network action. A card
 * preset behaves as its magic card would on that route:
 *   - where a card is presented (billing-key issue, onetime) the magic card is presented instead
 *     of the request's, so the PG refuses it, or the key issues and its charges decline, exactly
 *     as with the card number itself;
 *   - on `again` (a stored key is charged) a refusal or a decline becomes a charge recorded as
 *     `failed` with the PG's reason, and `pg_error` the PG-communication error (code -1).
 */
import { MAGIC_CARDS, type MagicCard } from '../../../fixtures/cards/catalogue.js'
import { cardDigits } from '../../../fixtures/cards/luhn.js'
import { errors, type CatalogueError } from '../../../api/v1/catalogue.js'
import { FAULT_LIMITS, FAULT_PRESET_HEADER, type FaultAction } from '../../../api/control/faults.js'
import type { RouteKind } from '../../shared/faults/route-kinds.js'
import { CARD_ROUTES, CHARGE_ROUTES } from '../../../api/v1/route-facts.js'

/** The preset header as Node presents it (lower case). */
export const FAULT_HEADER = FAULT_PRESET_HEADER.toLowerCase()

/** How long `timeout` holds a connection open without answering before closing it. */
export const TIMEOUT_HOLD_MS = 30_000
/** `delay` without a number. */
export const DEFAULT_DELAY_MS = 1500

export type PresetEffect =
  /** Handled like a rule's action. */
  | { kind: 'action'; action: FaultAction }
  /** Present this magic card in place of the request's `card_number`. */
  | { kind: 'card'; card_number: string }

export interface PresetInfo {
  readonly name: string
  readonly description: string
}

const fromError = (error: CatalogueError): FaultAction => ({
  type: 'error',
  http_status: error.httpStatus,
  code: error.code,
  message: error.message
})

const NETWORK_PRESETS: ReadonlyArray<PresetInfo & { action: (kind: RouteKind) => FaultAction }> = [
  {
    name: 'delay',
    description: `wait ${DEFAULT_DELAY_MS} ms, then answer normally (delay_<ms> for another wait, up to ${FAULT_LIMITS.max_ms})`,
    action: () => ({ type: 'delay', ms: DEFAULT_DELAY_MS })
  },
  {
    name: 'timeout',
    description: `no answer: the connection is held ${TIMEOUT_HOLD_MS / 1000} s (or until the client gives up), then closed; nothing is done`,
    action: () => ({ type: 'drop', after_ms: TIMEOUT_HOLD_MS })
  },
  {
    name: 'drop',
    description: 'the connection is reset at once; nothing is done',
    action: () => ({ type: 'drop' })
  },
  {
    name: 'commit_then_drop',
    description: 'the request takes effect (payment made, key issued, cancel applied), then the connection is reset before any answer',
    action: () => ({ type: 'commit_then_drop' })
  },
  ...[429, 500, 502, 503, 504].map((status) => ({
    name: `http_${status}`,
    description: `a raw gateway ${status} page (not an envelope); nothing is done`,
    action: (): FaultAction => ({ type: 'http', status })
  })),
  {
    name: 'unauthorized',
    description: '401 in the envelope, as for an expired token (on getToken: the wrong-key message); nothing is done',
    action: (kind) => fromError(kind === 'token' ? errors.authFailed() : errors.unauthorized())
  },
  {
    name: 'internal_error',
    description: "500 in the envelope, i'mport's own temporary failure; nothing is done",
    action: () => fromError(errors.internal())
  }
]

const CARD_PRESET_TARGETS = `${CARD_ROUTES.map((r) => `POST ${r}`).join(', ')}, POST ${CHARGE_ROUTES[0]}`

function cardDescription(card: MagicCard): string {
  return `as the magic card ${card.number}: ${card.description}`
}

/** Every preset, for the README and error messages. */
export const PRESETS: readonly PresetInfo[] = [
  ...MAGIC_CARDS.map((card) => ({ name: card.preset, description: cardDescription(card) })),
  ...NETWORK_PRESETS.map(({ name, description }) => ({ name, description }))
]

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name)

/** A magic card's outcome when a stored key is charged (`again`, scheduled runs). */
function chargeOutcome(card: MagicCard): FaultAction {
  const outcome = card.outcome
  switch (outcome.kind) {
    case 'reject':
      return { type: 'decline', fail_reason: outcome.pg_detail }
    case 'decline_charges':
      return { type: 'decline', fail_reason: outcome.fail_reason }
    case 'pg_error':
      return fromError(errors.pgError(outcome.pg_detail))
    case 'approve':
      return { type: 'pass' }
  }
}

/**
 * What a preset does on a route, or the error to answer when the name is unknown or the preset
 * cannot act there (a card preset on a lookup, say: loud, since the test is then wrong).
 */
export function resolvePreset(
  rawName: string,
  kind: RouteKind,
  routeLabel: string
): { ok: true; effect: PresetEffect } | { ok: false; error: CatalogueError } {
  const name = rawName.trim().toLowerCase()
  const card = MAGIC_CARDS.find((c) => c.preset === name)
  if (card) {
    if (kind === 'issue' || kind === 'onetime') {
      return { ok: true, effect: { kind: 'card', card_number: cardDigits(card.number) ?? card.number } }
    }
    if (kind === 'again' || kind === 'scheduled') return { ok: true, effect: { kind: 'action', action: chargeOutcome(card) } }
    return { ok: false, error: errors.faultPresetNotApplicable(name, routeLabel, CARD_PRESET_TARGETS) }
  }
  const delay = /^delay_(\d{1,6})$/.exec(name)
  if (delay) {
    const ms = Number(delay[1])
    if (ms <= FAULT_LIMITS.max_ms) return { ok: true, effect: { kind: 'action', action: { type: 'delay', ms } } }
  }
  const network = NETWORK_PRESETS.find((p) => p.name === name)
  if (network) return { ok: true, effect: { kind: 'action', action: network.action(kind) } }
  return { ok: false, error: errors.unknownFaultPreset(rawName, PRESET_NAMES) }
}
