/**
 * The shop under test, configured as in production except for its i'mport base URL (the
 * simulator's) and its logger (captured, so tests can read what it would have written).
 */
import { inject } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { createMockControl, type MockControl } from 'iamport-mock/client'
import { buildApp } from '../src/app.js'
import type { Config } from '../src/config.js'
import { MemoryStore } from '../src/store.js'

/** The public key pair of i'mport's docs: the simulator's default merchant. */
export const IMP_KEY = 'imp_apikey'
export const IMP_SECRET = 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f'

export interface Shop {
  app: FastifyInstance
  store: MemoryStore
  /** Every line the shop logged, as written. */
  logLines: string[]
  /** The simulator's control API: faults, clock, state, journal, merchants. */
  mock: MockControl
}

/** The shop with the docs key pair, or with a merchant's own (one made through `mock.merchants.create`). */
export async function startShop(credentials: { impKey: string; impSecret: string } = { impKey: IMP_KEY, impSecret: IMP_SECRET }): Promise<Shop> {
  const iamportBaseUrl = inject('iamportBaseUrl')
  const config: Config = { iamportBaseUrl, ...credentials, port: 0, iamportTimeoutMs: 10_000 }
  const store = new MemoryStore()
  const logLines: string[] = []
  const app = await buildApp(config, { store, logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } } })
  return { app, store, logLines, mock: createMockControl(iamportBaseUrl) }
}
