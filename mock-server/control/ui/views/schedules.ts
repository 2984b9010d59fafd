/**
 * Schedules: one merchant's schedules (scheduled, executed, revoked) with the payment each made,
 * and "run what is due now": the clock moves to the next scheduled time, and the control API
 * answers once that run and its webhooks are done.
 */
import { call, query } from '../api.js'
import type { View } from '../context.js'
import { fill, h } from '../dom.js'
import { formatAmount, status, time } from '../format.js'

interface Schedule {
  customer_uid: string
  merchant_uid: string
  schedule_at: number
  amount: number
  schedule_status: string
  imp_uid: string | null
  payment_status: string | null
  fail_reason: string | null
}

const PAGE = 200
let body: HTMLElement
let summary: HTMLElement
let next: Schedule | undefined

export const schedules: View = {
  id: 'schedules',
  title: 'Schedules',
  mount(panel, ctx) {
    body = h('tbody')
    summary = h('p')
    const run = h(
      'button',
      {
        type: 'button',
        onclick: () => {
          const merchant = ctx.merchant()
          if (!merchant || !next) return ctx.say('Nothing is scheduled.')
          void call('POST', '/__mock/clock', { imp_key: merchant.imp_key, now: next.schedule_at })
            .then(() => ctx.say(`Ran what was due at ${new Date(next!.schedule_at * 1000).toLocaleString()}.`))
            .then(() => ctx.refresh())
            .catch((err: Error) => ctx.say(err.message, 'error'))
        }
      },
      'Run what is due now'
    )
    fill(
      panel,
      h('div', { class: 'row' }, summary, run),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h('tr', {}, ...['merchant_uid', 'customer_uid', 'At', 'Amount', 'Status', 'Payment'].map((t) => h('th', { scope: 'col' }, t)))
        ),
        body
      )
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    if (!merchant) return fill(body)
    const page = await call<{ total: number; items: Schedule[] }>(
      'GET',
      `/__mock/state/schedules${query({ imp_key: merchant.imp_key, limit: PAGE })}`
    )
    next = page.items.filter((s) => s.schedule_status === 'scheduled').sort((a, b) => a.schedule_at - b.schedule_at)[0]
    fill(summary, `${page.total} schedule(s). Next due: `, next ? time(next.schedule_at) : 'none', '.')
    fill(
      body,
      ...page.items.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, s.merchant_uid),
          h('td', {}, s.customer_uid),
          h('td', {}, time(s.schedule_at)),
          h('td', { class: 'num' }, formatAmount(s.amount)),
          h('td', {}, status(s.schedule_status)),
          h('td', {}, s.imp_uid ? `${s.imp_uid} (${s.payment_status ?? ''}${s.fail_reason ? `: ${s.fail_reason}` : ''})` : '')
        )
      )
    )
  }
}
