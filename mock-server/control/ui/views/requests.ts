/**
 * Requests: the journal, newest first, live. The journal keeps no body or header (card data and
 * secrets never reach it), so a row opens to every field it does keep.
 */
import { call, query } from '../api.js'
import type { View } from '../context.js'
import { disclosure, fill, h } from '../dom.js'
import { time } from '../format.js'

interface Entry {
  seq: number
  at: number
  method: string
  path: string
  status: number | null
  code: number | null
  duration_ms: number
  imp_key: string | null
  fault: string | null
  outcome: string
  hint?: string
}

let body: HTMLElement
const opened = new Set<string>()
let summary: HTMLElement

export const requests: View = {
  id: 'requests',
  title: 'Requests',
  mount(panel) {
    body = h('tbody')
    summary = h('p')
    fill(
      panel,
      summary,
      h(
        'table',
        { class: 'journal' },
        h(
          'thead',
          {},
          h('tr', {}, ...['#', 'At', 'Method', 'Path', 'Status', 'Code', 'ms', 'Merchant', 'Fault'].map((t) => h('th', { scope: 'col' }, t)))
        ),
        body
      )
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    const journal = await call<{ capacity: number; total: number; entries: Entry[] }>(
      'GET',
      `/__mock/requests${query({ imp_key: merchant?.imp_key, limit: 200 })}`
    )
    fill(summary, `${journal.total.toLocaleString()} request(s) recorded; the journal keeps the last ${journal.capacity}. No body or header is kept.`)
    fill(
      body,
      ...[...journal.entries]
        .reverse()
        .map((e) =>
          h(
            'tr',
            { 'data-seq': e.seq, class: e.status === null || e.status >= 400 || (e.code ?? 0) !== 0 ? 'bad' : '' },
            h('td', { class: 'num' }, e.seq),
            h('td', {}, time(e.at)),
            h('td', {}, e.method),
            h('td', {}, disclosure(opened, String(e.seq), e.path, h('pre', {}, JSON.stringify(e, null, 2)))),
            h('td', {}, e.status ?? e.outcome),
            h('td', {}, e.code ?? ''),
            h('td', { class: 'num' }, Math.round(e.duration_ms)),
            h('td', {}, e.imp_key ?? ''),
            h('td', {}, e.fault ?? '')
          )
        )
    )
  }
}
