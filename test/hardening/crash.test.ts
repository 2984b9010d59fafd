/**
 * kill -9 under load loses no answered payment: the built bin runs with --data, many `again` calls
 * race, the process is SIGKILLed while they are in flight, and a new process on the same file must
 * find every payment whose answer reached the client.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent } from 'node:http'
import axios from 'axios'
import { APPROVED_CARD } from '../../fixtures/cards/catalogue.js'
import { spawnCli, type SpawnedServer } from '../support/spawn.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

let dir: string
const children: SpawnedServer[] = []
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) {
      c.child.kill('SIGKILL')
      await c.exited
    }
  }
  rmSync(dir, { recursive: true, force: true })
})

async function startBin(file: string): Promise<SpawnedServer> {
  const server = await spawnCli(['--port', '0', '--data', file, '--log-level', 'silent'])
  children.push(server)
  return server
}

describe('--data under kill -9', () => {
  it('finds every answered payment after a SIGKILL in the middle of a load', { timeout: 120_000 }, async () => {
    dir = mkdtempSync(join(tmpdir(), 'iamport-mock-crash-'))
    const file = join(dir, 'state.jsonl')
    const first = await startBin(file)
    const agent = new Agent({ keepAlive: true, maxSockets: 64 })
    const api = axios.create({ baseURL: first.url, httpAgent: agent, validateStatus: () => true, timeout: 10_000 })
    const token: string = (await api.post('/users/getToken', DEFAULT_MERCHANT)).data.response.access_token
    const headers = { Authorization: token }
    await api.post('/subscribe/customers/cust_load', { card_number: APPROVED_CARD, expiry: '2030-12' }, { headers })

    const answered: string[] = []
    let failed = 0
    let sent = 0
    let dead = false
    const KILL_AFTER = 400
    // Workers keep sending until their connection fails, so the kill lands on requests in flight.
    const worker = async () => {
      while (!dead) {
        const n = sent++
        try {
          const res = await api.post(
            '/subscribe/payments/again',
            { customer_uid: 'cust_load', merchant_uid: `load_${n}`, amount: 1000, name: 'load' },
            { headers }
          )
          if (res.data.code === 0) answered.push(res.data.response.imp_uid)
        } catch {
          failed++ // in flight (or sent) when the process died
          dead = true
          return
        }
        if (answered.length === KILL_AFTER) first.child.kill('SIGKILL')
      }
    }
    await Promise.all(Array.from({ length: 48 }, worker))
    await first.exited
    agent.destroy()
    expect(first.child.signalCode).toBe('SIGKILL')
    expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER)

    const second = await startBin(file)
    expect(second.readyLine).toMatch(/data: .*state\.jsonl \(\d+ payments, 1 billing keys, 0 schedules loaded\)/)
    const loaded = Number(/\((\d+) payments/.exec(second.readyLine)![1])
    // Every answered payment is there; a few written but not answered may be too.
    expect(loaded).toBeGreaterThanOrEqual(answered.length)
    expect(loaded).toBeLessThanOrEqual(answered.length + failed)
    const again = axios.create({ baseURL: second.url, validateStatus: () => true, headers })
    const found: string[] = []
    for (let i = 0; i < answered.length; i += 100) {
      const batch = answered.slice(i, i + 100)
      const lookups = await again.get('/payments', { params: { imp_uid: batch }, paramsSerializer: { indexes: false } })
      expect(lookups.status).toBe(200) // 207 would mean some were missing
      found.push(...lookups.data.response.map((p: { imp_uid: string }) => p.imp_uid))
    }
    expect(new Set(found)).toEqual(new Set(answered))
    console.log(`crash test: ${answered.length} answered, ${failed} cut off by the kill, ${loaded} loaded after restart`)
  })
})
