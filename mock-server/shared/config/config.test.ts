import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ConfigError,
  DEFAULT_FIDELITY,
  DEFAULT_SCHEDULES,
  DEFAULT_SEED,
  DEFAULT_WEBHOOKS,
  loadConfigFile,
  merchantCodeFor,
  resolveConfig
} from './config.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

describe('resolveConfig', () => {
  it('serves the docs merchant on a live (non-sandbox) nice channel by default', () => {
    const config = resolveConfig()

    expect(config.seed).toBe(DEFAULT_SEED)
    expect(config.fidelity).toEqual(DEFAULT_FIDELITY)
    expect(config.merchants).toHaveLength(1)
    expect(config.merchants[0]).toMatchObject({
      imp_key: DEFAULT_MERCHANT.imp_key,
      imp_secret: DEFAULT_MERCHANT.imp_secret,
      test_channel: false,
      channels: [
        { pg_provider: 'nice', pg_id: 'nictest04m', sandbox: false },
        { pg_provider: 'html5_inicis', pg_id: 'INIBillTst', sandbox: false }
      ]
    })
  })

  it('adds configured merchants, puts the default channel first and inherits test_channel', () => {
    const config = resolveConfig({
      merchants: [
        {
          imp_key: 'k',
          imp_secret: 's',
          test_channel: true,
          channels: [
            { pg_provider: 'nice', pg_id: 'nictest04m' },
            { pg_provider: 'html5_inicis', pg_id: 'INIBillTst', default: true, sandbox: false }
          ]
        }
      ]
    })

    expect(config.merchants.map((m) => m.imp_key)).toEqual([DEFAULT_MERCHANT.imp_key, 'k'])
    expect(config.merchants[1]!.channels).toEqual([
      { pg_provider: 'html5_inicis', pg_id: 'INIBillTst', sandbox: false },
      { pg_provider: 'nice', pg_id: 'nictest04m', sandbox: true }
    ])
  })

  it('drops the docs merchant when default_merchant is false, and replaces it when configured', () => {
    expect(resolveConfig({ default_merchant: false, merchants: [{ imp_key: 'k', imp_secret: 's' }] }).merchants.map((m) => m.imp_key)).toEqual(['k'])
    const replaced = resolveConfig({ merchants: [{ ...DEFAULT_MERCHANT, test_channel: true }] })
    expect(replaced.merchants).toHaveLength(1)
    expect(replaced.merchants[0]!.test_channel).toBe(true)
  })

  it('lets the seed option win over the file, and the file over the default', () => {
    expect(resolveConfig({ seed: 'file' }, { seed: 'flag', defaultSeed: 'random' }).seed).toBe('flag')
    expect(resolveConfig({ seed: 'file' }, { defaultSeed: 'random' }).seed).toBe('file')
    expect(resolveConfig({}, { defaultSeed: 'random' }).seed).toBe('random')
  })

  it('names the offending path and key for an invalid config', () => {
    expect(() => resolveConfig({ merchants: [{ imp_key: 'k' }] })).toThrow(/\/merchants\/0: must have required property 'imp_secret'/)
    expect(() => resolveConfig({ merchnts: [] })).toThrow(/unknown key "merchnts"/)
    expect(() => resolveConfig({ fidelity: { unknown_customer_http_status: 500 } })).toThrow(/allowed: 200, 404/)
    expect(() =>
      resolveConfig({
        merchants: [
          { imp_key: 'k', imp_secret: 'a' },
          { imp_key: 'k', imp_secret: 'b' }
        ]
      })
    ).toThrow(ConfigError)
  })
})

describe('loadConfigFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-config-'))

  it('reads a JSON file', () => {
    const file = join(dir, 'ok.json')
    writeFileSync(file, JSON.stringify({ seed: 'from-file', merchants: [{ imp_key: 'k', imp_secret: 's' }] }))

    expect(loadConfigFile(file).merchants.map((m) => m.imp_key)).toContain('k')
  })

  it('says which file is broken and how', () => {
    const file = join(dir, 'broken.json')
    writeFileSync(file, '{ "seed": ')

    expect(() => loadConfigFile(file)).toThrow(new RegExp(`config file ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`))
    expect(() => loadConfigFile(join(dir, 'missing.json'))).toThrow(/cannot read config file/)
  })
})

describe('webhook and schedule settings', () => {
  it("defaults to i'mport's webhook timeouts, retries off, JSON bodies and a one-second poll", () => {
    const config = resolveConfig()

    expect(config.webhooks).toEqual(DEFAULT_WEBHOOKS)
    expect(DEFAULT_WEBHOOKS).toMatchObject({ connect_timeout_ms: 10_000, read_timeout_ms: 30_000, resend_timeout_ms: 15_000 })
    expect(config.schedules).toEqual(DEFAULT_SCHEDULES)
    expect(config.merchants[0]).toMatchObject({ webhook_url: null, webhook_content_type: 'application/json', webhook_retry: false })
  })

  it('accepts the example configuration of docs/getting-started.md', () => {
    const page = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8')
    const example = /### Configuration file\n\n```json\n([\s\S]*?)```/.exec(page)![1]!

    const config = resolveConfig(JSON.parse(example))

    expect(config.merchants[1]).toMatchObject({ webhook_retry: true, webhook_url: 'http://127.0.0.1:3000/iamport-webhook' })
    expect(config.schedules.poll_ms).toBe(1000)
  })

  it('refuses an unknown webhook setting, naming it', () => {
    expect(() => resolveConfig({ webhooks: { retries: 3 } })).toThrow(/\/webhooks: must NOT have additional properties \(unknown key "retries"\)/)
  })
})

describe('merchant codes (IMP.init)', () => {
  it('gives the docs merchant imp00000000 and every other merchant a stable derived code', () => {
    const config = resolveConfig({ merchants: [{ imp_key: 'shop_a', imp_secret: 's' }] })
    expect(config.merchants.map((m) => m.merchant_code)).toEqual(['imp00000000', merchantCodeFor('shop_a')])
    expect(merchantCodeFor('shop_a')).toMatch(/^imp\d{8}$/)
    expect(merchantCodeFor('shop_a')).not.toBe(merchantCodeFor('shop_b'))
    expect(merchantCodeFor('shop_a')).toBe(resolveConfig({ merchants: [{ imp_key: 'shop_a', imp_secret: 's' }] }).merchants[1]!.merchant_code)
  })

  it('takes a configured code, and refuses a malformed or shared one', () => {
    const config = resolveConfig({ merchants: [{ imp_key: 'shop_a', imp_secret: 's', merchant_code: 'imp12345678' }] })
    expect(config.merchants[1]!.merchant_code).toBe('imp12345678')
    expect(() => resolveConfig({ merchants: [{ imp_key: 'a', imp_secret: 's', merchant_code: 'imp123' }] })).toThrow(/\/merchants\/0\/merchant_code/)
    expect(() => resolveConfig({ merchants: [{ imp_key: 'a', imp_secret: 's', merchant_code: 'imp00000000' }] })).toThrow(
      'merchant_code "imp00000000" is used by both "imp_apikey" and "a"'
    )
  })
})
