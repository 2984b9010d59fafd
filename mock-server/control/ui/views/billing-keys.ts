/**
 * Billing keys: one merchant's keys (masked card, PG, inserted/updated) with how many payments each
 * made; delete through the V1 API (`DELETE /subscribe/customers/{customer_uid}`) with the
 * merchant's test credentials.
 */
import { call, query, v1 } from '../api.js'
import type { View } from '../context.js'
import { fill, h } from '../dom.js'
import { time } from '../format.js'
import { showCustomer } from './payments.js'

interface Key {
  customer_uid: string
  pg_provider: string
  card_name: string | null
  card_number: string | null
  inserted: number
  updated: number
}

const PAGE = 50
let body: HTMLElement
let summary: HTMLElement

export const billingKeys: View = {
  id: 'billing-keys',
  title: 'Billing keys',
  mount(panel) {
    body = h('tbody')
    summary = h('p')
    fill(
      panel,
      summary,
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, ...['customer_uid', 'Card', 'PG', 'Inserted', 'Updated', 'Payments', ''].map((t) => h('th', { scope: 'col' }, t)))
        ),
        body
      )
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    if (!merchant) return fill(body)
    const page = await call<{ total: number; items: Key[] }>('GET', `/__mock/state/billing_keys${query({ imp_key: merchant.imp_key, limit: PAGE })}`)
    const counts = await Promise.all(
      page.items.map((k) =>
        call<{ total: number }>('GET', `/__mock/state/payments${query({ imp_key: merchant.imp_key, customer_uid: k.customer_uid, limit: 1 })}`)
      )
    )
    fill(summary, `${page.total.toLocaleString()} billing key(s)${page.total > PAGE ? `; the first ${PAGE} shown` : ''}.`)
    fill(
      body,
      ...page.items.map((k, i) =>
        h(
          'tr',
          {},
          h('td', {}, k.customer_uid),
          h('td', {}, `${k.card_name ?? ''} ${k.card_number ?? ''}`.trim()),
          h('td', {}, k.pg_provider),
          h('td', {}, time(k.inserted)),
          h('td', {}, time(k.updated)),
          h(
            'td',
            { class: 'num' },
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                'aria-label': `Payments of ${k.customer_uid}: ${counts[i]?.total ?? 0}`,
                onclick: () => ctx.show('payments', () => showCustomer(k.customer_uid))
              },
              counts[i]?.total ?? 0
            )
          ),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'aria-label': `Delete billing key ${k.customer_uid}`,
                onclick: () => {
                  if (!window.confirm(`Delete the billing key of ${k.customer_uid}?`)) return
                  void v1(merchant, 'DELETE', `/subscribe/customers/${encodeURIComponent(k.customer_uid)}`)
                    .then(() => ctx.say(`Deleted the billing key of ${k.customer_uid}.`))
                    .then(() => ctx.refresh())
                    .catch((err: Error) => ctx.say(err.message, 'error'))
                }
              },
              'Delete'
            )
          )
        )
      )
    )
  }
}
