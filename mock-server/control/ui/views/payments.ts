/**
 * Payments: one merchant's payments, newest first, filtered and paged by the control API
 * (`GET /__mock/state/payments`, so 100,000 payments cost the browser one page); a detail view
 * with every field, the cancel history and the webhooks the payment caused; cancel, full or
 * partial, through the V1 API with the merchant's test credentials.
 */
import { call, query, v1 } from '../api.js'
import type { Ctx, View } from '../context.js'
import { field, fill, h } from '../dom.js'
import { formatAmount, status, time } from '../format.js'
import { deliveryRows, type Delivery } from './webhooks.js'

export interface Payment {
  imp_uid: string
  merchant_uid: string
  status: string
  amount: number
  cancel_amount: number
  currency: string
  customer_uid: string | null
  name: string | null
  started_at: number
  paid_at: number
  cancel_history: Array<{ amount: number; cancelled_at: number; reason: string | null; pg_tid: string }>
  [field: string]: unknown
}

interface Page {
  total: number
  items: Payment[]
  next: string | null
}

const PAGE_SIZE = 50
const STATUSES = ['', 'paid', 'ready', 'failed', 'cancelled']
const TIME_FIELDS = /_at$|^vbank_date$/

let cursor = 0
let items: Payment[] = []
let openUid: string | null = null
let tableBody: HTMLElement
let pager: HTMLElement
let detail: HTMLElement
let detailFields: HTMLElement
let detailHooks: HTMLElement
let filters: Record<string, HTMLInputElement | HTMLSelectElement>

const seconds = (local: string) => (local === '' ? undefined : Math.floor(new Date(local).getTime() / 1000))

function filterQuery(impKey: string): string {
  return query({
    imp_key: impKey,
    limit: PAGE_SIZE,
    order: 'desc',
    cursor: cursor === 0 ? undefined : cursor,
    status: filters.status!.value,
    merchant_uid: filters.merchant_uid!.value.trim(),
    customer_uid: filters.customer_uid!.value.trim(),
    from: seconds(filters.from!.value),
    to: seconds(filters.to!.value)
  })
}

/** Every field as text; times shown local with the seconds on hover. */
function fieldList(payment: Payment): HTMLElement {
  return h(
    'dl',
    { class: 'fields' },
    ...Object.entries(payment).flatMap(([name, value]) => [
      h('dt', {}, name),
      h(
        'dd',
        {},
        typeof value === 'number' && TIME_FIELDS.test(name)
          ? time(value)
          : value !== null && typeof value === 'object'
            ? h('pre', {}, JSON.stringify(value, null, 2))
            : String(value)
      )
    ])
  )
}

async function renderDetail(ctx: Ctx): Promise<void> {
  const merchant = ctx.merchant()
  const payment = items.find((p) => p.imp_uid === openUid)
  if (!merchant || !payment) return
  fill(detailFields, h('h3', {}, `Payment ${payment.imp_uid}`), fieldList(payment))
  const { deliveries } = await call<{ deliveries: Delivery[] }>(
    'GET',
    `/__mock/webhooks${query({ imp_key: merchant.imp_key, imp_uid: payment.imp_uid, wait: 'false' })}`
  )
  fill(detailHooks, h('h3', {}, 'Webhooks it caused'), deliveries.length === 0 ? h('p', {}, 'None.') : deliveryRows(deliveries, ctx))
}

function cancelForm(ctx: Ctx): HTMLElement {
  const amount = h('input', { type: 'number', min: '1', placeholder: 'everything left' })
  const reason = h('input', { type: 'text', value: '관리자 취소' })
  return h(
    'form',
    {
      class: 'row',
      'aria-label': 'Cancel the payment',
      onsubmit: (e: Event) => {
        e.preventDefault()
        const merchant = ctx.merchant()
        if (!merchant || openUid === null) return
        const body: Record<string, unknown> = { imp_uid: openUid, reason: reason.value }
        if (amount.value !== '') body.amount = Number(amount.value)
        v1<Payment>(merchant, 'POST', '/payments/cancel', body)
          .then(async (p) => {
            ctx.say(`Cancelled ${formatAmount(p.cancel_amount)} of ${p.imp_uid} (${p.status}).`)
            amount.value = ''
            await ctx.refresh()
          })
          .catch((err: Error) => ctx.say(`Cancel refused: ${err.message}`, 'error'))
      }
    },
    field('Cancel amount (blank: all)', amount),
    field('Reason', reason),
    h('button', { type: 'submit', class: 'danger' }, 'Cancel payment')
  )
}

/** Sets the table's filters to one customer's payments (the billing keys view links here). */
export function showCustomer(customerUid: string): void {
  for (const [name, input] of Object.entries(filters)) input.value = name === 'customer_uid' ? customerUid : ''
  cursor = 0
  openUid = null
  detail.hidden = true
}

export const payments: View = {
  id: 'payments',
  title: 'Payments',
  mount(panel, ctx) {
    cursor = 0
    openUid = null
    const again = () => {
      cursor = 0
      void ctx.refresh()
    }
    filters = {
      status: h('select', { onchange: again }, ...STATUSES.map((s) => h('option', { value: s }, s === '' ? 'any' : s))),
      merchant_uid: h('input', { type: 'search', onchange: again }),
      customer_uid: h('input', { type: 'search', onchange: again }),
      from: h('input', { type: 'datetime-local', onchange: again }),
      to: h('input', { type: 'datetime-local', onchange: again })
    }
    tableBody = h('tbody')
    pager = h('div', { class: 'row pager' })
    detailFields = h('div')
    detailHooks = h('div')
    detail = h('aside', { class: 'detail', 'aria-label': 'Payment detail', hidden: true }, detailFields, cancelForm(ctx), detailHooks)
    fill(
      panel,
      h(
        'form',
        {
          class: 'row filters',
          'aria-label': 'Filter payments',
          onsubmit: (e: Event) => {
            e.preventDefault()
            again()
          }
        },
        field('Status', filters.status!),
        field('merchant_uid', filters.merchant_uid!),
        field('customer_uid', filters.customer_uid!),
        field('Started from', filters.from!),
        field('Started before', filters.to!)
      ),
      h(
        'table',
        { class: 'payments' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['imp_uid', 'merchant_uid', 'Status', 'Amount', 'Cancelled', 'customer_uid', 'Started'].map((t) => h('th', { scope: 'col' }, t))
          )
        ),
        tableBody
      ),
      pager,
      detail
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    if (!merchant) return fill(tableBody)
    const page = await call<Page>('GET', `/__mock/state/payments${filterQuery(merchant.imp_key)}`)
    items = page.items
    fill(
      tableBody,
      ...items.map((p) =>
        h(
          'tr',
          { 'data-imp-uid': p.imp_uid },
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => {
                  openUid = p.imp_uid
                  detail.hidden = false
                  void renderDetail(ctx).catch((err: Error) => ctx.say(err.message, 'error'))
                }
              },
              p.imp_uid
            )
          ),
          h('td', {}, p.merchant_uid),
          h('td', {}, status(p.status)),
          h('td', { class: 'num' }, formatAmount(p.amount, p.currency)),
          h('td', { class: 'num' }, p.cancel_amount ? formatAmount(p.cancel_amount, p.currency) : ''),
          h('td', {}, p.customer_uid ?? ''),
          h('td', {}, time(p.started_at))
        )
      )
    )
    const last = Math.min(cursor + items.length, page.total)
    fill(
      pager,
      h(
        'span',
        {},
        page.total === 0 ? 'No payments.' : `${(cursor + 1).toLocaleString()}–${last.toLocaleString()} of ${page.total.toLocaleString()}`
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: cursor === 0,
          onclick: () => {
            cursor = Math.max(0, cursor - PAGE_SIZE)
            void ctx.refresh()
          }
        },
        'Newer'
      ),
      h(
        'button',
        {
          type: 'button',
          disabled: page.next === null,
          onclick: () => {
            if (page.next !== null) cursor = Number(page.next)
            void ctx.refresh()
          }
        },
        'Older'
      )
    )
    if (openUid !== null) await renderDetail(ctx)
  }
}
