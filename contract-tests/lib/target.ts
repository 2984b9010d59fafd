/**
 * Which API the contract suite talks to, decided once from the environment:
 *   - `IAMPORT_TARGET=mock` (default): the simulator, started in-process on a free port;
 *   - `IAMPORT_TARGET=real`: `IAMPORT_BASE_URL` (default https://api.iamport.kr) with the
 *     merchant's test key pair and a real test card from the environment. When any of those is
 *     missing the whole suite is skipped, naming the missing variables.
 */
import { APPROVED_CARD } from '../../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'

export const REAL_API_URL = 'https://api.iamport.kr'

/** Every variable the real target needs, in the order they are reported. */
export const REAL_TARGET_VARIABLES = [
  'IMP_KEY',
  'IMP_SECRET',
  'IAMPORT_TEST_CARD_NUMBER',
  'IAMPORT_TEST_CARD_EXPIRY',
  'IAMPORT_TEST_CARD_BIRTH',
  'IAMPORT_TEST_CARD_PWD_2DIGIT'
] as const

/** Default spacing of requests on the real target, in milliseconds (`IAMPORT_CONTRACT_THROTTLE_MS`). */
export const DEFAULT_REAL_THROTTLE_MS = 100

export interface TestCard {
  card_number: string
  expiry: string
  birth: string
  pwd_2digit: string
}

export type Target =
  | { kind: 'mock' }
  | { kind: 'real'; baseURL: string; impKey: string; impSecret: string; card: TestCard; throttleMs: number }
  | { kind: 'unconfigured'; missing: string[] }

/** What the tests get (through vitest `provide`): where to send requests, and with which keys and card. */
export interface ContractContext {
  kind: 'mock' | 'real' | 'unconfigured'
  baseURL: string
  impKey: string
  impSecret: string
  card: TestCard
  throttleMs: number
  /** Missing variables when `kind` is `unconfigured`. */
  missing: string[]
  /** Directory where each worker writes the answers it saw (JSON lines), for the post-run checks. */
  exchangesDir: string
}

/** The card the simulator approves, in the documented formats. */
export const SIMULATOR_CARD: TestCard = { card_number: APPROVED_CARD, expiry: '2030-12', birth: '900101', pwd_2digit: '12' }

export function resolveTarget(env: Record<string, string | undefined>): Target {
  const kind = (env.IAMPORT_TARGET ?? 'mock').trim() || 'mock'
  if (kind === 'mock') return { kind: 'mock' }
  if (kind !== 'real') throw new Error(`IAMPORT_TARGET must be "mock" or "real", not "${kind}"`)
  const missing = REAL_TARGET_VARIABLES.filter((name) => !env[name]?.trim())
  if (missing.length > 0) return { kind: 'unconfigured', missing }
  const throttle = Number(env.IAMPORT_CONTRACT_THROTTLE_MS ?? DEFAULT_REAL_THROTTLE_MS)
  if (!Number.isInteger(throttle) || throttle < 0) throw new Error('IAMPORT_CONTRACT_THROTTLE_MS must be a whole number of milliseconds')
  return {
    kind: 'real',
    baseURL: (env.IAMPORT_BASE_URL?.trim() || REAL_API_URL).replace(/\/+$/, ''),
    impKey: env.IMP_KEY!.trim(),
    impSecret: env.IMP_SECRET!.trim(),
    card: {
      card_number: env.IAMPORT_TEST_CARD_NUMBER!.trim(),
      expiry: env.IAMPORT_TEST_CARD_EXPIRY!.trim(),
      birth: env.IAMPORT_TEST_CARD_BIRTH!.trim(),
      pwd_2digit: env.IAMPORT_TEST_CARD_PWD_2DIGIT!.trim()
    },
    throttleMs: throttle
  }
}

/** The context for a target; `mockURL` is the in-process simulator's address. */
export function contextFor(target: Target, exchangesDir: string, mockURL = ''): ContractContext {
  switch (target.kind) {
    case 'mock':
      return {
        kind: 'mock',
        baseURL: mockURL,
        impKey: DEFAULT_MERCHANT.imp_key,
        impSecret: DEFAULT_MERCHANT.imp_secret,
        card: SIMULATOR_CARD,
        throttleMs: 0,
        missing: [],
        exchangesDir
      }
    case 'real':
      return { ...target, missing: [], exchangesDir }
    case 'unconfigured':
      return {
        kind: 'unconfigured',
        baseURL: '',
        impKey: '',
        impSecret: '',
        card: SIMULATOR_CARD,
        throttleMs: 0,
        missing: target.missing,
        exchangesDir
      }
  }
}

/** The banner printed when the real target is asked for without its variables. */
export function describeMissing(missing: readonly string[]): string {
  return [
    'contract suite: IAMPORT_TARGET=real but these variables are not set:',
    ...missing.map((name) => `  - ${name}`),
    'Every contract test is skipped (exit status 0). See docs/contract-kit.md.'
  ].join('\n')
}

/** Whether a base URL points at this machine (then it is a simulator, not the real API). */
export function isLoopback(baseURL: string): boolean {
  try {
    const host = new URL(baseURL).hostname
    return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')
  } catch {
    return false
  }
}
