import { describe, expect, it } from 'vitest'
import { PRESET_NAMES, resolvePreset } from './presets.js'
import { MAGIC_CARDS, PG_DETAIL, FAIL_REASON } from '../../../fixtures/cards/catalogue.js'
import { errors } from '../../../api/v1/catalogue.js'

const effect = (name: string, kind: Parameters<typeof resolvePreset>[1]) => {
  const resolved = resolvePreset(name, kind, 'ROUTE')
  if (!resolved.ok) throw new Error(resolved.error.message)
  return resolved.effect
}

describe('resolvePreset', () => {
  it('has a preset for every magic card and every network action', () => {
    for (const card of MAGIC_CARDS) expect(PRESET_NAMES).toContain(card.preset)
    for (const name of [
      'delay',
      'timeout',
      'drop',
      'commit_then_drop',
      'http_429',
      'http_500',
      'http_502',
      'http_503',
      'http_504',
      'unauthorized',
      'internal_error'
    ]) {
      expect(PRESET_NAMES).toContain(name)
    }
  })

  it('presents the magic card where a card is presented', () => {
    expect(effect('card_declined', 'issue')).toEqual({ kind: 'card', card_number: '4000000000000002' })
    expect(effect('insufficient_balance', 'onetime')).toEqual({ kind: 'card', card_number: '4000000000009995' })
  })

  it('turns a card outcome into the charge outcome on again', () => {
    expect(effect('insufficient_balance', 'again')).toEqual({
      kind: 'action',
      action: { type: 'decline', fail_reason: FAIL_REASON.insufficientBalance }
    })
    expect(effect('card_expired', 'again')).toEqual({ kind: 'action', action: { type: 'decline', fail_reason: PG_DETAIL.expired } })
    const pg = errors.pgError(PG_DETAIL.pgCommunication)
    expect(effect('pg_error', 'again')).toEqual({
      kind: 'action',
      action: { type: 'error', http_status: pg.httpStatus, code: pg.code, message: pg.message }
    })
  })

  it('refuses a card preset where no card is involved, and an unknown name', () => {
    const lookup = resolvePreset('card_declined', 'other', 'GET /payments/:imp_uid')
    expect(lookup.ok).toBe(false)
    expect(!lookup.ok && lookup.error.message).toContain('does not apply to GET /payments/:imp_uid')
    const unknown = resolvePreset('teapot', 'other', 'ROUTE')
    expect(!unknown.ok && unknown.error).toMatchObject({ httpStatus: 400, code: -1 })
  })

  it('reads network presets, with delay_<ms> up to the limit', () => {
    expect(effect(' HTTP_503 ', 'other')).toEqual({ kind: 'action', action: { type: 'http', status: 503 } })
    expect(effect('delay_250', 'other')).toEqual({ kind: 'action', action: { type: 'delay', ms: 250 } })
    expect(resolvePreset('delay_999999', 'other', 'ROUTE').ok).toBe(false)
    expect(effect('timeout', 'other')).toEqual({ kind: 'action', action: { type: 'drop', after_ms: 30_000 } })
    expect(effect('unauthorized', 'token')).toMatchObject({ action: { type: 'error', message: errors.authFailed().message, http_status: 401 } })
    expect(effect('unauthorized', 'again')).toMatchObject({ action: { type: 'error', message: 'Unauthorized', http_status: 401 } })
  })
})
