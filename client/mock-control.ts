/**
 * Typed helpers for the simulator's control API (`/__mock/…`): fault rules, reset, state, the
 * virtual clock, the request journal, the webhook outbox, merchants, deposits into virtual accounts
 * and the OTP of a certification. Simulator-only: the real i'mport API
 * has none of this.
 *
 *   const mock = createMockControl('http://127.0.0.1:4010')
 *   await mock.faults.add({ match: { customer_uid: 'c_1' }, action: { type: 'decline', fail_reason: '잔액부족' } })
 *   await mock.clock.advance(31 * 60) // due schedules run, their webhooks are sent, then it resolves
 *   const { deliveries } = await mock.webhooks.list({ merchantUid: 'renewal-2026-04' })
 *   const shop = await mock.merchants.create({ webhook_url: 'http://127.0.0.1:3000/iamport-webhook' })
 *
 * Every failure of the control API rejects with `MockControlError` carrying its `code`
 * (`invalid_rule`, `unknown_merchant`…) and message.
 */
import axios, { type AxiosInstance } from 'axios'
import type { FaultRuleInput } from '../api/control/faults.js'
import type { DeliveryListView, DeliveryView, WebhookSend } from '../api/control/webhooks.js'
import type {
  ClockView,
  ControlErrorBody,
  DeletedResult,
  HealthView,
  JournalView,
  ResetResult,
  StateFamily,
  StateFamilyPage,
  StateView
} from '../api/control/schemas.js'
import type { FaultRuleView } from '../api/control/faults.js'
import type { AutoDecisionInput, AutoDecisionList } from '../api/control/checkout.js'

export type { FaultRuleInput, FaultRuleView, ClockView, JournalView, StateView, StateFamily, StateFamilyPage, ResetResult }
export type { DeliveryListView, DeliveryView, WebhookSend, WebhookFaultInput, WebhookFaultView }
export type { FaultAction, FaultMatch } from '../api/control/faults.js'
export type { AutoDecisionInput, AutoDecisionList }
import type { WebhookFaultInput, WebhookFaultView } from '../api/control/webhooks.js'
export type { JournalEntry } from '../api/control/journal.js'
import type { MerchantCreate, MerchantPatch, MerchantView } from '../api/control/merchants.js'
export type { MerchantCreate, MerchantPatch, MerchantView }
import type { DepositResult, OtpView } from '../api/control/families.js'
export type { DepositResult, OtpView }

export interface DepositOptions {
  /** What is deposited (default: all that is still due; less leaves the account `ready`). */
  amount?: number
  depositorName?: string
  /** The merchant; found by imp_uid when omitted. */
  impKey?: string
}

export { FAULT_PRESET_HEADER } from '../api/control/faults.js'

export interface MockControlOptions {
  /** The simulator's `--control-token`, sent as `X-Mock-Control-Token`. */
  controlToken?: string
  /** Milliseconds before a control call gives up (default 10 s). */
  timeout?: number
}

export class MockControlError extends Error {
  override readonly name = 'MockControlError'
  constructor(
    readonly status: number,
    /** The control API's error code, e.g. `invalid_rule`; `http_<status>` when the body was not the control error shape. */
    readonly code: string,
    message: string,
    readonly details: readonly string[] = []
  ) {
    super(message)
  }
}

export interface ClockMoveOptions {
  /** Move this merchant's clock only (other merchants, e.g. other CI shards, keep theirs). */
  impKey?: string
  /** true: time then stands still; false: it ticks on. Omitted: as it was. */
  freeze?: boolean
}

export interface MockControl extends MockControlFamilies {
  health(): Promise<HealthView>
  /** Everything back to a fresh start, or one merchant only. */
  reset(impKey?: string): Promise<ResetResult>
  /**
   * Every merchant (or one) with its counts per family and the first `limit` records of each
   * (default 100, at most 1000; 0 = counts only); `next` holds where each family goes on.
   */
  state(impKey?: string, options?: { limit?: number }): Promise<StateView>
  /** One page of a merchant's records of one family, from a `next` cursor. */
  statePage(family: StateFamily, impKey: string, options?: { cursor?: string | null; limit?: number }): Promise<StateFamilyPage>
  faults: {
    /** Adds a rule after the ones in force; resolves to the rule with its `id`. */
    add(rule: FaultRuleInput): Promise<FaultRuleView>
    list(impKey?: string): Promise<FaultRuleView[]>
    remove(id: string): Promise<void>
    /** Deletes every rule, or the rules scoped to one merchant; resolves to how many. */
    clear(impKey?: string): Promise<number>
  }
  clock: {
    get(impKey?: string): Promise<ClockView>
    advance(seconds: number, options?: ClockMoveOptions): Promise<ClockView>
    /** Sets the time to `now` (UNIX seconds). */
    set(now: number, options?: ClockMoveOptions): Promise<ClockView>
    freeze(freeze: boolean, options?: Pick<ClockMoveOptions, 'impKey'>): Promise<ClockView>
  }
  /** The request journal, oldest first; `limit` keeps the most recent N. */
  requests(options?: { impKey?: string; limit?: number }): Promise<JournalView>
  webhooks: {
    /**
     * The outbox, oldest first, once the attempts in flight are over (bounded by the server's
     * `webhooks.settle_timeout_ms`; `wait: false` answers at once).
     */
    list(filter?: { impKey?: string; impUid?: string; merchantUid?: string; wait?: boolean }): Promise<DeliveryListView>
    get(id: string): Promise<DeliveryView>
    /** Sends a delivery again now; resolves with it once the attempt is over. */
    redeliver(id: string): Promise<DeliveryView>
    /** A hand-made send, like the console's test button (default body: its sample). */
    send(input: WebhookSend): Promise<DeliveryView>
    faults: {
      add(fault: WebhookFaultInput): Promise<WebhookFaultView>
      list(): Promise<WebhookFaultView[]>
      remove(id: string): Promise<void>
      clear(impKey?: string): Promise<number>
    }
  }
  /** Merchants made and changed at runtime (no config file, no restart). */
  merchants: {
    /** A new merchant; a fresh key pair and merchant code unless given. */
    create(settings?: MerchantCreate): Promise<MerchantView>
    list(): Promise<MerchantView[]>
    get(impKey: string): Promise<MerchantView>
    /** Changes settings; `webhook_url: null` removes the URL. */
    update(impKey: string, patch: MerchantPatch): Promise<MerchantView>
    /** Forgets the merchant and everything it holds. */
    remove(impKey: string): Promise<void>
  }
}

export interface MockControlFamilies {
  vbanks: {
    /**
     * Deposits into a virtual account, as the buyer's bank transfer would; the deposit that
     * completes it makes the payment `paid` and resolves once its webhook has been attempted.
     */
    deposit(impUid: string, options?: DepositOptions): Promise<DepositResult>
  }
  certifications: {
    /** The OTP a certification request "sent" (null once confirmed). */
    otp(impUid: string, impKey?: string): Promise<OtpView>
  }
  /** The browser checkout's test payment window (docs/browser-checkout.md). */
  checkout: {
    /** The next `times` windows (default 1) decide by themselves, as a click would; resolves to the queue. */
    auto(decision: AutoDecisionInput): Promise<AutoDecisionList>
    pending(): Promise<AutoDecisionList>
    /** Forgets queued decisions (of one merchant); resolves to how many. */
    clearAuto(impKey?: string): Promise<number>
  }
}

function isControlErrorBody(body: unknown): body is ControlErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

export function createMockControl(baseURL: string, options: MockControlOptions = {}): MockControl {
  const http: AxiosInstance = axios.create({
    baseURL: `${baseURL.replace(/\/+$/, '')}/__mock`,
    timeout: options.timeout ?? 10_000,
    headers: options.controlToken === undefined ? {} : { 'X-Mock-Control-Token': options.controlToken },
    validateStatus: () => true
  })

  async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, data?: object, params?: object): Promise<T> {
    const res = await http.request({ method, url, data, params })
    if (res.status >= 200 && res.status < 300) return res.data as T
    if (isControlErrorBody(res.data)) {
      const { code, message, details } = res.data.error
      throw new MockControlError(res.status, code, message, details)
    }
    throw new MockControlError(res.status, `http_${res.status}`, `control API answered ${res.status} to ${method} ${url}`)
  }
  const keyParams = (impKey?: string) => (impKey === undefined ? undefined : { imp_key: impKey })
  const move = (body: object, o: ClockMoveOptions = {}) =>
    call<ClockView>('POST', '/clock', {
      ...body,
      ...(o.impKey === undefined ? {} : { imp_key: o.impKey }),
      ...(o.freeze === undefined ? {} : { freeze: o.freeze })
    })

  return {
    health: () => call('GET', '/health'),
    reset: (impKey) => call('POST', '/reset', impKey === undefined ? {} : { imp_key: impKey }),
    state: (impKey, options = {}) =>
      call('GET', '/state', undefined, { ...keyParams(impKey), ...(options.limit === undefined ? {} : { limit: options.limit }) }),
    statePage: (family, impKey, options = {}) =>
      call('GET', `/state/${family}`, undefined, {
        imp_key: impKey,
        ...(options.cursor == null ? {} : { cursor: options.cursor }),
        ...(options.limit === undefined ? {} : { limit: options.limit })
      }),
    faults: {
      add: (rule) => call('POST', '/faults', rule),
      list: async (impKey) => (await call<{ rules: FaultRuleView[] }>('GET', '/faults', undefined, keyParams(impKey))).rules,
      remove: async (id) => {
        await call<DeletedResult>('DELETE', `/faults/${encodeURIComponent(id)}`)
      },
      clear: async (impKey) => (await call<DeletedResult>('DELETE', '/faults', undefined, keyParams(impKey))).deleted
    },
    clock: {
      get: (impKey) => call('GET', '/clock', undefined, keyParams(impKey)),
      advance: (seconds, o) => move({ advance_seconds: seconds }, o),
      set: (now, o) => move({ now }, o),
      freeze: (freeze, o) => move({}, { ...o, freeze })
    },
    requests: (o = {}) =>
      call('GET', '/requests', undefined, {
        ...(o.impKey === undefined ? {} : { imp_key: o.impKey }),
        ...(o.limit === undefined ? {} : { limit: o.limit })
      }),
    vbanks: {
      deposit: (impUid, o = {}) =>
        call('POST', `/vbanks/${encodeURIComponent(impUid)}/deposit`, {
          ...(o.amount === undefined ? {} : { amount: o.amount }),
          ...(o.depositorName === undefined ? {} : { depositor_name: o.depositorName }),
          ...(o.impKey === undefined ? {} : { imp_key: o.impKey })
        })
    },
    certifications: {
      otp: (impUid, impKey) => call('GET', `/certifications/${encodeURIComponent(impUid)}/otp`, undefined, keyParams(impKey))
    },
    webhooks: {
      list: (f = {}) =>
        call('GET', '/webhooks', undefined, {
          ...(f.impKey === undefined ? {} : { imp_key: f.impKey }),
          ...(f.impUid === undefined ? {} : { imp_uid: f.impUid }),
          ...(f.merchantUid === undefined ? {} : { merchant_uid: f.merchantUid }),
          ...(f.wait === undefined ? {} : { wait: f.wait })
        }),
      get: (id) => call('GET', `/webhooks/${encodeURIComponent(id)}`),
      redeliver: (id) => call('POST', `/webhooks/${encodeURIComponent(id)}/redeliver`),
      send: (input) => call('POST', '/webhooks/send', input),
      faults: {
        add: (fault) => call('POST', '/webhooks/faults', fault),
        list: async () => (await call<{ rules: WebhookFaultView[] }>('GET', '/webhooks/faults')).rules,
        remove: async (id) => {
          await call<DeletedResult>('DELETE', `/webhooks/faults/${encodeURIComponent(id)}`)
        },
        clear: async (impKey) => (await call<DeletedResult>('DELETE', '/webhooks/faults', undefined, keyParams(impKey))).deleted
      }
    },
    merchants: {
      create: (settings = {}) => call('POST', '/merchants', settings),
      list: async () => (await call<{ merchants: MerchantView[] }>('GET', '/merchants')).merchants,
      get: (impKey) => call('GET', `/merchants/${encodeURIComponent(impKey)}`),
      update: (impKey, patch) => call('PATCH', `/merchants/${encodeURIComponent(impKey)}`, patch),
      remove: async (impKey) => {
        await call<{ deleted: string }>('DELETE', `/merchants/${encodeURIComponent(impKey)}`)
      }
    },
    checkout: {
      auto: (decision) => call('POST', '/checkout/auto', decision),
      pending: () => call('GET', '/checkout/auto'),
      clearAuto: async (impKey) => (await call<DeletedResult>('DELETE', '/checkout/auto', undefined, keyParams(impKey))).deleted
    }
  }
}
