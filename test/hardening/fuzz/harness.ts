/**
 * The fuzz target: one simulator (`app.inject`, no port), put back on the same fixture data before
 * every case, and the invariants every answer must keep:
 *   - no 5xx (the fuzzer adds no fault rule that asks for one) and no crash: the app answers health after;
 *   - an i'mport route answers the envelope `{ code, message, response }` (response null on failure);
 *     the control API answers its own JSON, and `{ error: { code, message, details? } }` on failure;
 *   - a refused request (i'mport code ≠ 0 or HTTP ≥ 400; control HTTP ≥ 400) changes nothing:
 *     `/__mock/state` and the fault rules read the same before and after.
 */
import type { InjectOptions } from 'fastify'
import { buildApp, type BuildAppOptions, type MockApp } from '../../../mock-server/app.js'
import { ManualClock } from '../../../mock-server/shared/clock.js'
import { snapshot as merchantSnapshot } from '../../../mock-server/control/state.js'
import { ROUTES, fixtureFor, type Fixture } from '../../support/route-catalogue.js'
import { buildRequest, type BuiltRequest, type FuzzCase } from './arbitraries.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

export const FUZZ_T0_MS = Date.UTC(2026, 2, 1)

export interface FuzzOutcome {
  readonly request: BuiltRequest
  readonly status: number
  readonly body: string
  /** The answer's Content-Type (the documentation pages answer HTML, scripts and styles). */
  readonly contentType?: string | undefined
}

/** A page's answer (home page, Swagger UI, the dashboard and their files): not an API answer. */
const PAGE_TYPES = /^(?:text\/html|text\/css|(?:application|text)\/javascript|image\/)/

export class InvariantError extends Error {
  override readonly name = 'InvariantError'
}

export class FuzzHarness {
  private fixture!: Fixture
  /** How many cases ended how, per route: `accepted`, `refused <status>` (shown by `npm run fuzz -- --stats`). */
  readonly outcomes = new Map<string, Map<string, number>>()
  private token = ''

  private constructor(readonly app: MockApp) {}

  static async create(options: BuildAppOptions = {}): Promise<FuzzHarness> {
    const app = await buildApp({ clock: new ManualClock(FUZZ_T0_MS), seed: 'fuzz', ...options })
    await app.ready()
    return new FuzzHarness(app)
  }

  close(): Promise<void> {
    return this.app.close()
  }

  /** Back to a fresh start, then the fixture: a token, a key, a paid order, a prepared amount, a schedule. */
  async seed(): Promise<void> {
    await this.expectOk({ method: 'POST', url: '/__mock/reset', payload: {} })
    const token = await this.expectOk({
      method: 'POST',
      url: '/users/getToken',
      payload: { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret }
    })
    this.token = token.response.access_token
    const f = fixtureFor(DEFAULT_MERCHANT.imp_key, DEFAULT_MERCHANT.imp_secret)
    const auth = { authorization: this.token }
    await this.expectOk({ method: 'POST', url: `/subscribe/customers/${f.customer_uid}`, headers: auth, payload: f.card })
    const paid = await this.expectOk({
      method: 'POST',
      url: '/subscribe/payments/again',
      headers: auth,
      payload: { customer_uid: f.customer_uid, merchant_uid: f.merchant_uid, amount: 9900, name: '월간 이용권' }
    })
    await this.expectOk({ method: 'POST', url: '/payments/prepare', headers: auth, payload: { merchant_uid: f.prepared_uid, amount: 5000 } })
    await this.expectOk({
      method: 'POST',
      url: '/subscribe/payments/schedule',
      headers: auth,
      payload: {
        customer_uid: f.customer_uid,
        schedules: [{ merchant_uid: f.scheduled_uid, schedule_at: f.now + 3600, amount: 9900, name: '정기결제' }]
      }
    })
    this.fixture = { ...f, imp_uid: paid.response.imp_uid }
  }

  private async expectOk(options: { method: 'POST'; url: string; headers?: Record<string, string>; payload: object }): Promise<any> {
    const res = await this.app.inject(options)
    if (res.statusCode >= 300) throw new Error(`fixture request ${options.url} failed: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  /**
   * Everything a request could change: every merchant as `/__mock/state` shows it (keys, payments,
   * prepared amounts, schedules, token expiry, clock), the token itself, the fault rules, the
   * webhook faults and which webhook deliveries exist (not their attempts, which go on in the
   * background). Read from the app directly: the same functions the control API answers with.
   */
  snapshot(): string {
    const { store, config } = this.app.mock
    const merchants = [...store.allMerchants()].map((m) => ({ ...merchantSnapshot(m, config, this.app.schedules.book(m)), token: m.token }))
    const webhooks = this.app.webhooks.listDeliveries({}).map((d) => d.id)
    return JSON.stringify({
      merchants,
      server_clock: store.clock.nowMs(),
      faults: this.app.faults.list(),
      webhook_faults: this.app.webhooks.listFaults(),
      webhooks
    })
  }

  /** The snapshot right after seeding; null when a case changed state and the fixture must be laid again. */
  private seeded: string | null = null

  /**
   * Sends a case's hostile requests one after another, on the fixture, checking every invariant
   * after each; throws `InvariantError` on a break. Later steps see what earlier accepted ones did.
   */
  async run(steps: readonly FuzzCase[]): Promise<FuzzOutcome[]> {
    // Seeding costs more than a case: it is redone only after a case that changed something.
    if (this.seeded === null) {
      await this.seed()
      this.seeded = this.snapshot()
    }
    let current = this.seeded
    const outcomes: FuzzOutcome[] = []
    try {
      for (const step of steps) {
        const { outcome, after } = await this.step(step, current)
        outcomes.push(outcome)
        current = after
      }
    } finally {
      if (current !== this.seeded) this.seeded = null
    }
    return outcomes
  }

  private async step(c: FuzzCase, before: string): Promise<{ outcome: FuzzOutcome; after: string }> {
    const entry = ROUTES[c.routeIndex]!
    const request = buildRequest(c, entry, entry.request(this.fixture), this.token)
    let res
    try {
      res = await this.app.inject(request as InjectOptions)
    } catch (err) {
      throw new InvariantError(`no answer at all (${(err as Error).message}) to ${describe(request)}`)
    }
    const outcome = { request, status: res.statusCode, body: res.body, contentType: res.headers['content-type'] as string | undefined }
    const after = this.snapshot()
    const refused = checkAnswer(outcome, request.url)
    const perRoute = this.outcomes.get(`${entry.method} ${entry.route}`) ?? new Map<string, number>()
    const label = refused ? `refused ${res.statusCode}` : 'accepted'
    perRoute.set(label, (perRoute.get(label) ?? 0) + 1)
    this.outcomes.set(`${entry.method} ${entry.route}`, perRoute)
    if (refused && after !== before) {
      throw new InvariantError(`a refused request changed state: ${describe(request)} → ${res.statusCode} ${res.body.slice(0, 300)}`)
    }
    const health = await this.app.inject('/__mock/health')
    if (health.statusCode !== 200) throw new InvariantError(`health answers ${health.statusCode} after ${describe(request)}`)
    return { outcome, after }
  }
}

function describe(request: BuiltRequest): string {
  const payload = request.payload === undefined ? '' : ` body ${JSON.stringify(request.payload.slice(0, 300))}`
  return `${request.method} ${request.url.slice(0, 300)} headers ${JSON.stringify(request.headers).slice(0, 200)}${payload}`
}

/**
 * Checks one answer's shape and returns whether it refused the request. Which shape applies goes by
 * where the request landed: `/__mock/…` is the control API, anything else answers as i'mport.
 */
export function checkAnswer(outcome: FuzzOutcome, url: string): boolean {
  const { status, body } = outcome
  const where = () => `${describe(outcome.request)} → ${status} ${body.slice(0, 300)}`
  if (status >= 500) throw new InvariantError(`5xx: ${where()}`)
  // The browser checkout serves a script and a page besides its JSON (which has the control shape).
  const isCheckout = url.startsWith('/__checkout') || /^\/(v1\/iamport|js\/iamport\.payment-1\.2\.0)\.js(\?|$)/.test(url)
  if (isCheckout && !body.trimStart().startsWith('{')) {
    if (status !== 200 && status !== 404) throw new InvariantError(`checkout page or script with HTTP ${status}: ${where()}`)
    return status === 404
  }
  if (status < 400 && PAGE_TYPES.test(outcome.contentType ?? '')) return false
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    throw new InvariantError(`not JSON: ${where()}`)
  }
  if (typeof json !== 'object' || json === null) throw new InvariantError(`not an object: ${where()}`)
  const isControl = url.startsWith('/__mock') || isCheckout
  if (isControl && !('code' in json)) {
    if (status < 400) return false
    const error = (json as { error?: { code?: unknown; message?: unknown } }).error
    const keys = Object.keys(json)
    if (keys.length !== 1 || typeof error?.code !== 'string' || typeof error.message !== 'string') {
      throw new InvariantError(`control error not in { error: { code, message } }: ${where()}`)
    }
    return true
  }
  const keys = Object.keys(json).sort().join(',')
  if (keys !== 'code,message,response') throw new InvariantError(`not an envelope: ${where()}`)
  const envelope = json as { code: unknown; message: unknown; response: unknown }
  if (typeof envelope.code !== 'number') throw new InvariantError(`envelope code not a number: ${where()}`)
  if (envelope.code !== 0) {
    if (typeof envelope.message !== 'string' || envelope.response !== null)
      throw new InvariantError(`error envelope with a response or no message: ${where()}`)
    return true
  }
  if (status >= 400) throw new InvariantError(`code 0 with HTTP ${status}: ${where()}`)
  return false
}
