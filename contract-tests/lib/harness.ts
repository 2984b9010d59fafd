/**
 * What every contract test uses:
 *   - the markers `itOnBoth` (real API and simulator) and `itOnMockOnly` (with the reason);
 *   - per-test fixtures: `api`, a client for the target that records every answer and cleans up
 *     after the test (every payment it made cancelled, every billing key deleted, even when the
 *     test failed), and `fx`, seeded data builders scoped to the test;
 *   - `expectOk` / `expectFailure`: status, envelope and body checked with ajv against the shared
 *     schemas, then the values the test chose.
 */
import { expect, inject, test as base, type TestContext } from 'vitest'
import { createIamportClient, type IamportClient, type RawResponse } from '../../client/index.js'
import { createFixtures, type Fixtures } from '../../fixtures/builders.js'
import type { CatalogueError } from '../../api/v1/catalogue.js'
import type { ContractContext, TestCard } from './target.js'
import { exchangeRecorder } from './exchanges.js'
import { validatorFor, type AnswerKind } from './schemas.js'
import type { Divergence } from './divergences.js'

declare module 'vitest' {
  export interface ProvidedContext {
    contract: ContractContext
  }
}

/** The target of this run, as the global setup resolved it. */
export const target: ContractContext = inject('contract')
export const onMock = target.kind === 'mock'

/** What a test gets to talk to the target with. */
export interface ContractApi {
  client: IamportClient
  /** A card the target approves: the simulator's 4242… or the real test card from the environment. */
  card: TestCard
  /** Registers a billing key for deletion after the test (keys issued through `client` are registered already). */
  trackKey(customerUid: string): void
  /** Registers a payment for cancellation after the test (paid charges through `client` are registered already). */
  trackPayment(impUid: string): void
}

interface Created {
  payments: Set<string>
  keys: Set<string>
  /** Schedules registered, merchant_uid → customer_uid (revoked after the test unless run or revoked). */
  schedules: Map<string, string>
}

/** Registers what an answer created, so that teardown can undo it. */
function track(created: Created, operationId: string, body: unknown): void {
  const b = body as { code?: number; response?: Record<string, unknown> | null } | null
  if (b?.code !== 0 || !b.response) return
  const r = b.response
  // Schedule calls answer lists of schedules.
  const schedules = Array.isArray(r) ? (r as Array<{ merchant_uid?: unknown; customer_uid?: unknown }>) : []
  switch (operationId) {
    case 'schedule':
      // A schedule for a customer without a key issues one first.
      for (const s of schedules) {
        created.schedules.set(String(s.merchant_uid), String(s.customer_uid))
        created.keys.add(String(s.customer_uid))
      }
      break
    case 'getScheduleByMid':
      // A run the test looked at: its payment is refunded after the test like any other.
      if (r.payment_status === 'paid' && typeof r.imp_uid === 'string') created.payments.add(r.imp_uid)
      break
    case 'unschedule':
      for (const s of schedules) created.schedules.delete(String(s.merchant_uid))
      break
    case 'customer_save':
      created.keys.add(String(r.customer_uid))
      break
    case 'onetime':
    case 'again':
    case 'retryScheduleByMid':
      if (r.status === 'paid') created.payments.add(String(r.imp_uid))
      if (operationId === 'onetime' && typeof r.customer_uid === 'string') created.keys.add(r.customer_uid)
      break
    case 'customer_delete':
      created.keys.delete(String(r.customer_uid))
      break
  }
}

/**
 * Undoes what a test created: revokes its schedules, refunds its payments, deletes its keys.
 * Cancels answer "already fully cancelled" or "nothing to cancel" for
 * payments the test refunded itself, deletes answer "not found" for keys it deleted: both fine.
 * Anything else is reported, with the ids (never card data), so nothing is left behind unnoticed.
 */
async function cleanUp(client: IamportClient, created: Created): Promise<void> {
  const leftovers: string[] = []
  // Schedules first, so that nothing runs while the rest is undone. "Nothing to revoke" (code 1)
  // means they ran or were revoked by the test.
  const byCustomer = new Map<string, string[]>()
  for (const [merchantUid, customerUid] of created.schedules) byCustomer.set(customerUid, [...(byCustomer.get(customerUid) ?? []), merchantUid])
  for (const [customerUid, merchantUids] of byCustomer) {
    const res = await client.raw.schedules.unschedule({ customer_uid: customerUid, merchant_uid: merchantUids }).catch((e: Error) => e)
    if (res instanceof Error) leftovers.push(`schedules ${merchantUids.join(', ')}: ${res.message}`)
    else if (res.body?.code !== 0 && res.body?.code !== 1) leftovers.push(`schedules ${merchantUids.join(', ')}: ${res.status} ${res.body?.message}`)
  }
  for (const impUid of created.payments) {
    const res = await client.raw.payments.cancel({ imp_uid: impUid, reason: 'contract suite cleanup' }).catch((e: Error) => e)
    if (res instanceof Error) leftovers.push(`payment ${impUid}: ${res.message}`)
    else if (res.body?.code !== 0 && res.body?.code !== 1) leftovers.push(`payment ${impUid}: ${res.status} ${res.body?.message}`)
  }
  for (const customerUid of created.keys) {
    const res = await client.raw.billingKeys.delete(customerUid, { reason: 'contract suite cleanup' }).catch((e: Error) => e)
    if (res instanceof Error) leftovers.push(`billing key ${customerUid}: ${res.message}`)
    else if (res.body?.code !== 0 && res.body?.code !== 1 && res.status !== 404) {
      leftovers.push(`billing key ${customerUid}: ${res.status} ${res.body?.message}`)
    }
  }
  if (leftovers.length > 0) throw new Error(`cleanup left things behind on ${target.baseURL}:\n  ${leftovers.join('\n  ')}`)
}

const currentTestName = () => expect.getState().currentTestName ?? '(outside a test)'

export const test = base.extend<{ api: ContractApi; fx: Fixtures }>({
  api: async ({}, use) => {
    const created: Created = { payments: new Set(), keys: new Set(), schedules: new Map() }
    const record = exchangeRecorder(target.exchangesDir, currentTestName)
    const client = createIamportClient({
      baseURL: target.baseURL,
      impKey: target.impKey,
      impSecret: target.impSecret,
      minIntervalMs: target.throttleMs,
      timeoutMs: 20_000,
      onResponse: (exchange) => {
        record(exchange)
        track(created, exchange.operationId, exchange.body)
      }
    })
    try {
      await use({
        client,
        card: target.card,
        trackKey: (uid) => created.keys.add(uid),
        trackPayment: (impUid) => created.payments.add(impUid)
      })
    } finally {
      await cleanUp(client, created)
    }
  },
  fx: async ({ task }, use) => {
    await use(createFixtures({ scope: task.fullName }))
  }
})

/** The body of a contract test: the vitest context with `api` and `fx`. */
export type ContractTestBody = (context: TestContext & { api: ContractApi; fx: Fixtures }) => unknown

const SKIP_UNCONFIGURED = `[skipped: IAMPORT_TARGET=real without ${target.missing.join(', ')}]`

/** A test that must pass on the real API and on the simulator alike. */
export function itOnBoth(name: string, fn: ContractTestBody): void {
  if (target.kind === 'unconfigured') test.skip(`${name} ${SKIP_UNCONFIGURED}`, fn)
  else test(name, fn)
}

/**
 * A test only the simulator can run (magic cards, injected failures, the clock, or an answer
 * whose real text is unknown). Skipped on the real target, with the reason in its name.
 */
export function itOnMockOnly(name: string, reason: string, fn: ContractTestBody): void {
  const title = `${name} [mock only: ${reason}]`
  if (target.kind === 'mock') test(title, fn)
  else test.skip(title, fn)
}

function validate(res: RawResponse<unknown>, kind: AnswerKind): void {
  // On the real API only the official required fields must be present (divergence `optional-fields`).
  const validator = validatorFor(kind, target.kind === 'real' ? 'real' : 'mock')
  validator(res.body)
  expect(validator.errors ?? [], `${kind} answer does not match its schema: ${JSON.stringify(res.body).slice(0, 400)}`).toEqual([])
}

/** Asserts a successful answer (status, `code 0`, envelope and body schema) and returns `response`. */
export function expectOk<T>(res: RawResponse<T>, kind: AnswerKind, status = 200): T {
  expect({ status: res.status, code: res.body?.code, message: res.body?.message }).toEqual({ status, code: 0, message: null })
  validate(res, kind)
  return res.body.response as T
}

export interface ExpectedFailure {
  /** One status, or the statuses a declared divergence allows. */
  status: number | readonly number[]
  /** The envelope code; `'non-zero'` when only that is known. */
  code: number | 'non-zero'
  /** Exact text, or a pattern for the part that is known. */
  message?: string | RegExp
  /** Exact text checked on the simulator only (the real text is unknown or PG-specific). */
  mockMessage?: string
  /** The declared divergence behind a loose expectation. */
  divergence?: Divergence
}

/** Asserts a failed answer: status, code, message, and `response: null` in a valid envelope. */
export function expectFailure(res: RawResponse<unknown>, expected: ExpectedFailure): void {
  const context = `${expected.divergence ? `(divergence: ${expected.divergence.reason}) ` : ''}${JSON.stringify(res.body).slice(0, 300)}`
  const statuses = typeof expected.status === 'number' ? [expected.status] : expected.status
  expect(statuses, `HTTP ${res.status} ${context}`).toContain(res.status)
  validate(res, 'error')
  if (expected.code === 'non-zero') expect(res.body.code, context).not.toBe(0)
  else expect(res.body.code, context).toBe(expected.code)
  if (typeof expected.message === 'string') expect(res.body.message).toBe(expected.message)
  else if (expected.message) expect(res.body.message).toMatch(expected.message)
  if (expected.mockMessage !== undefined && onMock) expect(res.body.message).toBe(expected.mockMessage)
}

/**
 * The failure a simulator catalogue error stands for. Status, code and text are asserted on both
 * targets when the catalogue has them from real observations or third-party quotes; for entries
 * the simulator inferred, the real target is held only to "a failure with a non-zero code".
 */
export function catalogued(error: CatalogueError, extra: Partial<ExpectedFailure> = {}): ExpectedFailure {
  if (error.evidence === 'inferred') {
    return { status: error.httpStatus, code: 'non-zero', mockMessage: error.message, ...extra }
  }
  return { status: error.httpStatus, code: error.code, message: error.message, ...extra }
}

/**
 * The target's current time in UNIX seconds, as its getToken answers it: the real server's clock,
 * or the simulator merchant's (which clock tests may have moved forward).
 */
export async function serverNow(api: ContractApi): Promise<number> {
  const res = await api.client.raw.auth.getToken()
  const auth = expectOk<{ now: number }>(res, 'auth')
  return auth.now
}

/**
 * Asserts that an answer does not contain the full card number. Reports a boolean, so that a
 * failure never prints the (real) number.
 */
export function expectNoFullCardNumber(body: unknown, cardNumber: string): void {
  const digits = cardNumber.replace(/\D/g, '')
  const text = JSON.stringify(body)
  expect(text.includes(digits) || text.includes(cardNumber), 'the answer contains the full card number').toBe(false)
}

/** i'mport's id formats (iamport-api.md §0.5). */
export const FORMATS = {
  impUid: /^imps?_\d{12}$/,
  accessToken: /^[a-f0-9]{40}$/,
  maskedCard: /^\d{4,8}\*+\d{1,4}$/,
  url: /^https?:\/\/\S+$/
}

/** A UNIX time in seconds, from 2015 (the API's age) to 2100. */
export function expectUnixSeconds(value: unknown): void {
  expect(Number.isInteger(value)).toBe(true)
  expect(value as number).toBeGreaterThan(1_420_070_400)
  expect(value as number).toBeLessThan(4_102_444_800)
}
