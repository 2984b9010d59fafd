/** Access tokens need the merchant's secret: the printed seed and the imp_key alone never give them. */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, getToken, type TestApp } from '../../../test/support/helpers.js'
import { Random } from '../../shared/ids.js'

const apps: TestApp[] = []
afterEach(async () => {
  for (const t of apps.splice(0)) await t.app.close()
})

async function tokenOf(seed: string, impKey: string, impSecret: string): Promise<string> {
  const t = await createTestApp({ seed, config: { merchants: [{ imp_key: impKey, imp_secret: impSecret }] } })
  apps.push(t)
  return getToken(t.app, impKey, impSecret)
}

describe('access tokens derived with the secret', () => {
  it('gives the same token for the same seed, key and secret', async () => {
    expect(await tokenOf('ci-seed', 'shop_key', 'secret_a')).toBe(await tokenOf('ci-seed', 'shop_key', 'secret_a'))
  })

  it('gives two tokens for the same seed and key with two secrets', async () => {
    const a = await tokenOf('ci-seed', 'shop_key', 'secret_a')
    const b = await tokenOf('ci-seed', 'shop_key', 'secret_b')
    expect(a).toMatch(/^[0-9a-f]{40}$/)
    expect(b).toMatch(/^[0-9a-f]{40}$/)
    expect(a).not.toBe(b)
  })

  it('is not what a generator seeded with the printed seed and the imp_key draws', async () => {
    const token = await tokenOf('ci-seed', 'shop_key', 'secret_a')
    const guess = new Random('ci-seed:shop_key')
    const guesses = Array.from({ length: 20 }, () => guess.hex(40))
    expect(guesses).not.toContain(token)
  })

  it('still issues a new, different token after the old one expired', async () => {
    const t = await createTestApp({ seed: 'ci-seed' })
    apps.push(t)
    const first = t.token
    t.clock.advance(31 * 60)
    await t.renewToken()
    expect(t.token).not.toBe(first)
    expect(t.token).toMatch(/^[0-9a-f]{40}$/)
  })
})
