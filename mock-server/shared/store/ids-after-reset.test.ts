/**
 * Ids after `POST /__mock/reset` (docs/ids.md): with a seed given, a reset replays the id stream
 * (the same requests get the same ids); without one, ids handed out before the reset never come
 * back, in this process or from the --data file, for configured and --accept-any-key merchants.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestApp, getToken, type TestApp } from '../../../test/support/helpers.js'
import type { BuildAppOptions } from '../../app.js'

let t: TestApp | undefined
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iamport-mock-ids-'))
})
afterEach(async () => {
  await t?.app.close()
  t = undefined
  rmSync(dir, { recursive: true, force: true })
})

async function chargeAfterReset(options: BuildAppOptions, resets = 3): Promise<{ impUids: string[]; tokens: string[] }> {
  t = await createTestApp(options)
  const impUids: string[] = []
  const tokens: string[] = []
  for (let i = 0; i <= resets; i++) {
    if (i > 0) {
      await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
      await t.renewToken()
    }
    tokens.push(t.token)
    await t.issueKey('c1')
    impUids.push((await t.again('c1', 'order-1', 1000)).response.imp_uid)
  }
  return { impUids, tokens }
}

describe('ids after a reset', () => {
  it('never repeat without a seed', async () => {
    const { impUids, tokens } = await chargeAfterReset({})
    expect(new Set(impUids).size).toBe(impUids.length)
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it('replay the same stream with a seed', async () => {
    const { impUids, tokens } = await chargeAfterReset({ seed: 'replay' })
    expect(new Set(impUids)).toEqual(new Set([impUids[0]]))
    expect(new Set(tokens)).toEqual(new Set([tokens[0]]))
  })

  it('never repeat for an --accept-any-key merchant the reset forgot', async () => {
    t = await createTestApp({ config: { accept_any_key: true } })
    const charge = async () => {
      const token = await getToken(t!.app, 'shard_7', 'secret')
      const headers = { authorization: token }
      await t!.app.inject({
        method: 'POST',
        url: '/subscribe/customers/c1',
        headers,
        payload: { card_number: '4242-4242-4242-4242', expiry: '2030-12', birth: '900101', pwd_2digit: '12' }
      })
      const res = await t!.app.inject({
        method: 'POST',
        url: '/subscribe/payments/again',
        headers,
        payload: { customer_uid: 'c1', merchant_uid: 'o1', amount: 1000, name: 'x' }
      })
      return res.json().response.imp_uid as string
    }
    const before = await charge()
    await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
    expect(await charge()).not.toBe(before)
  })

  it('never repeat an imp_uid kept in the --data file', async () => {
    const file = join(dir, 'data.jsonl')
    t = await createTestApp({ data: { file } })
    await t.issueKey('c1')
    const first = (await t.again('c1', 'order-1', 1000)).response.imp_uid
    await t.app.close()
    // The same default seed again: without the file's payments its stream would hand `first` out first.
    t = await createTestApp({ data: { file } })
    await t.app.inject({ method: 'POST', url: '/__mock/reset', payload: {} })
    await t.renewToken()
    await t.issueKey('c1')
    expect((await t.again('c1', 'order-1', 1000)).response.imp_uid).not.toBe(first)
  })
})
