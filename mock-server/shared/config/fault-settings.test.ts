/** Fault rules, journal size, control switches and open mode read from the config file. */
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from './config.js'

describe('config', () => {
  it('takes startup fault rules, checked like the control API checks them', () => {
    const rule = { match: { path: '/subscribe/payments/again' }, action: { type: 'decline', fail_reason: '잔액부족' }, times: null }
    expect(resolveConfig({ faults: [rule] }).faults).toEqual([rule])
    expect(() => resolveConfig({ faults: [rule, { action: { type: 'delay' } }, { action: { type: 'vanish' } }] })).toThrow(
      new ConfigError(
        'invalid configuration:\n' +
          '  /faults/1: action.ms is required\n' +
          '  /faults/2: action.type "vanish" is not an action (one of error, decline, delay, http, drop, commit_then_drop, pass)'
      )
    )
  })

  it('defaults to a 1000-entry journal, an open control API and known keys only', () => {
    expect(resolveConfig({})).toMatchObject({
      journal_size: 1000,
      control: { enabled: true, token: null },
      accept_any_key: false,
      faults: []
    })
    expect(resolveConfig({ journal_size: 0, control: { enabled: false, token: 't' }, accept_any_key: true })).toMatchObject({
      journal_size: 0,
      control: { enabled: false, token: 't' },
      accept_any_key: true
    })
  })

  it('names a bad control section', () => {
    expect(() => resolveConfig({ control: { token: '' } })).toThrow(/\/control\/token: must NOT have fewer than 1 characters/)
    expect(() => resolveConfig({ control: { open: true } })).toThrow(/\/control: must NOT have additional properties \(unknown key "open"\)/)
  })
})
