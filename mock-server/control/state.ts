/**
 * `GET /__mock/state`: what the simulator holds, per merchant, for debugging and assertions.
 *
 * Answers in pages, so reading it costs memory bounded by a page whatever the store holds (30,000
 * payments in one answer once took a 33 MiB body and 255 MiB of RSS): each merchant shows its
 * counts per family and the first `limit` records of each (default 100), with a cursor per family;
 * `GET /__mock/state/{family}?imp_key=…&cursor=…` goes on from there.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { isOpenMerchant } from '../shared/store/open-merchants.js'
import type { ResolvedConfig } from '../shared/config/config.js'
import { renderCustomer } from '../v1/render/customer.js'
import { renderPayment } from '../v1/render/payment.js'
import { renderSchedule } from '../v1/render/schedule.js'
import type { ScheduleBook } from '../shared/schedules/book.js'
import type { PaymentRecord } from '../shared/store/records.js'
import { controlErrors, sendJson } from './errors.js'
import { clockView } from './clock.js'
import {
  ControlErrorSchema,
  DEFAULT_STATE_PAGE,
  STATE_FAMILIES,
  StateFamilyPageSchema,
  StateFamilyParamsSchema,
  StateFamilyQuerySchema,
  StateQuerySchema,
  StateSchema,
  type MerchantSnapshot,
  type StateFamily,
  type StateFamilyPage,
  type StatePaymentFilter
} from '../../api/control/schemas.js'
import { v2Snapshot } from './v2-state.js'

/** One family's records, oldest first, and how each is shown. */
function familyOf(
  state: MerchantState,
  schedules: ScheduleBook,
  family: StateFamily
  // biome-ignore lint/suspicious/noExplicitAny: each family renders its own record type; the switch pairs them
): { total: number; records: Iterable<unknown>; render: (r: any) => unknown } {
  switch (family) {
    case 'billing_keys':
      return { total: state.billingKeys.size, records: state.billingKeys.values(), render: renderCustomer }
    case 'payments':
      return { total: state.payments.size, records: state.payments.values(), render: renderPayment }
    case 'prepares':
      return {
        total: state.prepares.size,
        records: state.prepares.values(),
        render: (p: { merchant_uid: string; amount: number; currency: string | null }) => ({
          merchant_uid: p.merchant_uid,
          amount: p.amount,
          currency: p.currency
        })
      }
    case 'schedules':
      return { total: schedules.all().length, records: schedules.all(), render: (r) => renderSchedule(state, r) }
  }
}

/** Whether a payment passes the dashboard's filters (every one given must hold). */
function paymentMatches(p: PaymentRecord, f: StatePaymentFilter): boolean {
  return (
    (f.status === undefined || p.status === f.status) &&
    (f.merchant_uid === undefined || p.merchant_uid === f.merchant_uid) &&
    (f.customer_uid === undefined || p.customer_uid === f.customer_uid) &&
    (f.from === undefined || p.started_at >= f.from) &&
    (f.to === undefined || p.started_at < f.to)
  )
}

/** `limit` records from `offset` on, rendered, and the cursor after them (null at the end). */
function page(
  state: MerchantState,
  schedules: ScheduleBook,
  family: StateFamily,
  offset: number,
  limit: number,
  view: { order?: 'asc' | 'desc'; filter?: StatePaymentFilter } = {}
): { total: number; items: unknown[]; next: string | null } {
  const whole = familyOf(state, schedules, family)
  const { render } = whole
  let { total, records } = whole
  const filter = family === 'payments' ? (view.filter ?? {}) : {}
  const filtered = Object.values(filter).some((v) => v !== undefined)
  if (filtered || view.order === 'desc') {
    // Materialised only when asked: 100,000 payments filter and reverse in a few milliseconds. A
    // uid filter starts from its index (insertion order, as the payments map), so a customer's
    // payments cost what that customer has, whatever the merchant holds.
    let list: unknown[] =
      filter.customer_uid !== undefined
        ? [...state.paymentsByCustomerUid.get(filter.customer_uid)]
        : filter.merchant_uid !== undefined
          ? [...state.paymentsByMerchantUid.get(filter.merchant_uid)]
          : [...records]
    if (filtered) list = list.filter((r) => paymentMatches(r as PaymentRecord, filter))
    if (view.order === 'desc') list.reverse()
    total = list.length
    records = list
  }
  const items: unknown[] = []
  let i = 0
  for (const record of records) {
    if (i >= offset + limit) break
    if (i >= offset) items.push(render(record))
    i++
  }
  const end = offset + items.length
  return { total, items, next: end < total ? String(end) : null }
}

/** One merchant as the state API shows it: keys masked as the i'mport API shows them, never a card number. */
export function snapshot(state: MerchantState, _config: ResolvedConfig, schedules: ScheduleBook, limit = Number.MAX_SAFE_INTEGER): MerchantSnapshot {
  const pages = Object.fromEntries(STATE_FAMILIES.map((f) => [f, page(state, schedules, f, 0, limit)])) as Record<
    StateFamily,
    ReturnType<typeof page>
  >
  return {
    imp_key: state.merchant.imp_key,
    name: state.merchant.name,
    open: isOpenMerchant(state),
    clock: clockView(state.clock, state),
    token: state.token ? { expired_at: state.token.expired_at } : null,
    billing_keys: pages.billing_keys.items as MerchantSnapshot['billing_keys'],
    payments: pages.payments.items as MerchantSnapshot['payments'],
    prepares: pages.prepares.items as MerchantSnapshot['prepares'],
    schedules: pages.schedules.items as MerchantSnapshot['schedules'],
    counts: {
      billing_keys: pages.billing_keys.total,
      payments: pages.payments.total,
      prepares: pages.prepares.total,
      schedules: pages.schedules.total
    },
    next: {
      billing_keys: pages.billing_keys.next,
      payments: pages.payments.next,
      prepares: pages.prepares.next,
      schedules: pages.schedules.next
    }
  }
}

const state: FastifyPluginAsync = async (app) => {
  const { store, config } = app.mock
  const merchantOf = (impKey: string) => {
    const one = store.merchantByKey(impKey)
    if (!one) throw controlErrors.unknownMerchant(impKey)
    return one
  }

  app.get(
    '/state',
    {
      schema: {
        tags: ['state'],
        summary:
          'Every merchant (or one): counts per family and the first page of its billing keys (masked), payments, prepared amounts and schedules',
        querystring: StateQuerySchema,
        response: { 200: StateSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { imp_key: impKey, limit = DEFAULT_STATE_PAGE } = request.query as { imp_key?: string; limit?: number }
      const merchants = impKey === undefined ? [...store.allMerchants()] : [merchantOf(impKey)]
      const v1 = merchants.map((m) => snapshot(m, config, app.schedules.book(m), limit))
      if (impKey !== undefined) return sendJson(reply, 200, { merchants: v1 })
      return sendJson(reply, 200, { merchants: v1, v2_merchants: [...store.v2.all()].map(v2Snapshot) })
    }
  )

  app.get(
    '/state/:family',
    {
      schema: {
        tags: ['state'],
        summary: "One page of one merchant's records of a family, from a cursor",
        params: StateFamilyParamsSchema,
        querystring: StateFamilyQuerySchema,
        response: { 200: StateFamilyPageSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { family } = request.params as { family: StateFamily }
      const query = request.query as { imp_key: string; cursor?: string; limit?: number; order?: 'asc' | 'desc' } & StatePaymentFilter
      const { imp_key: impKey, cursor, limit = DEFAULT_STATE_PAGE, order, status, merchant_uid, customer_uid, from, to } = query
      const merchant = merchantOf(impKey)
      const view = { filter: { status, merchant_uid, customer_uid, from, to }, ...(order === undefined ? {} : { order }) }
      const { total, items, next } = page(merchant, app.schedules.book(merchant), family, Number(cursor ?? 0), limit, view)
      const answer: StateFamilyPage = { imp_key: impKey, family, total, items, next }
      return sendJson(reply, 200, answer)
    }
  )
}

export default state
