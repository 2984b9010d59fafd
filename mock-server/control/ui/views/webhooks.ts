/**
 * Webhooks: the outbox newest first, each delivery with its attempts (status, duration, the
 * receiver's answer), its payload on click and a redeliver button; and the webhook fault rules
 * (drop, duplicate, delay), added and removed here.
 */
import { call, query } from '../api.js'
import type { Ctx, View } from '../context.js'
import { disclosure, field, fill, h } from '../dom.js'
import { status, time } from '../format.js'

export interface Delivery {
  id: string
  trigger: string
  url: string
  body: Record<string, string | null>
  created_at: number
  status: string
  attempts: Array<{
    n: number
    kind: string
    at: number
    status_code: number | null
    error: string | null
    duration_ms: number
    response_excerpt: string | null
  }>
  fault: string | null
}
interface WebhookRule {
  id: string
  match: Record<string, string>
  action: string
  delay_seconds?: number | null
  remaining?: number | null
  hits: number
}

/** The deliveries whose attempts the user opened, kept open across re-renders. */
const opened = new Set<string>()

/** The deliveries as a table, one row each, attempts and payload in a disclosure. */
export function deliveryRows(deliveries: Delivery[], ctx: Ctx): HTMLElement {
  return h(
    'table',
    { class: 'deliveries' },
    h('thead', {}, h('tr', {}, ...['id', 'Trigger', 'Status', 'Created', 'Attempts', ''].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...deliveries.map((d) =>
        h(
          'tr',
          { 'data-delivery': d.id },
          h('td', {}, h('code', {}, d.id)),
          h('td', {}, d.trigger, d.fault ? ` (fault: ${d.fault})` : ''),
          h('td', {}, status(d.status)),
          h('td', {}, time(d.created_at)),
          h(
            'td',
            {},
            disclosure(
              opened,
              d.id,
              `${d.attempts.length} attempt(s) to ${d.url}`,
              h(
                'ol',
                {},
                ...d.attempts.map((a) =>
                  h(
                    'li',
                    {},
                    `${a.kind}: `,
                    a.status_code === null ? (a.error ?? 'no answer') : `HTTP ${a.status_code}`,
                    ` in ${Math.round(a.duration_ms)} ms at `,
                    time(a.at),
                    a.response_excerpt ? h('pre', {}, a.response_excerpt) : null
                  )
                )
              ),
              h('p', {}, 'Payload:'),
              h('pre', {}, JSON.stringify(d.body, null, 2))
            )
          ),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Redeliver ${d.id}`,
                onclick: () =>
                  void call('POST', `/__mock/webhooks/${encodeURIComponent(d.id)}/redeliver`)
                    .then(() => ctx.say(`Redelivered ${d.id}.`))
                    .then(() => ctx.refresh())
                    .catch((err: Error) => ctx.say(err.message, 'error'))
              },
              'Redeliver'
            )
          )
        )
      )
    )
  )
}

let outbox: HTMLElement
let rules: HTMLElement

export const webhooks: View = {
  id: 'webhooks',
  title: 'Webhooks',
  mount(panel, ctx) {
    outbox = h('div')
    rules = h('div')
    const action = h('select', {}, ...['drop', 'duplicate', 'delay'].map((a) => h('option', { value: a }, a)))
    const delay = h('input', { type: 'number', min: '1', value: '60' })
    const uid = h('input', { type: 'text' })
    fill(
      panel,
      h('h2', {}, 'Outbox'),
      outbox,
      h('h2', {}, 'Webhook faults'),
      rules,
      h(
        'form',
        {
          class: 'row',
          'aria-label': 'Add a webhook fault',
          onsubmit: (e: Event) => {
            e.preventDefault()
            const merchant = ctx.merchant()
            const match: Record<string, string> = {}
            if (merchant) match.imp_key = merchant.imp_key
            if (uid.value.trim() !== '') match.merchant_uid = uid.value.trim()
            const body: Record<string, unknown> = { match, action: action.value }
            if (action.value === 'delay') body.delay_seconds = Number(delay.value)
            void call('POST', '/__mock/webhooks/faults', body)
              .then(() => ctx.refresh())
              .catch((err: Error) => ctx.say(err.message, 'error'))
          }
        },
        field('Action', action),
        field('Delay (seconds)', delay),
        field('Only merchant_uid', uid),
        h('button', { type: 'submit' }, 'Add webhook fault')
      )
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    const [list, faults] = await Promise.all([
      call<{ deliveries: Delivery[] }>('GET', `/__mock/webhooks${query({ imp_key: merchant?.imp_key, wait: 'false' })}`),
      call<{ rules: WebhookRule[] }>('GET', '/__mock/webhooks/faults')
    ])
    const newest = list.deliveries.slice(-200).reverse()
    fill(outbox, newest.length === 0 ? h('p', {}, 'No webhook sent yet.') : deliveryRows(newest, ctx))
    fill(
      rules,
      faults.rules.length === 0
        ? h('p', {}, 'No webhook fault armed.')
        : h(
            'ul',
            {},
            ...faults.rules.map((r) =>
              h(
                'li',
                {},
                h('code', {}, r.id),
                ` ${r.action}${r.delay_seconds ? ` ${r.delay_seconds}s` : ''} when ${JSON.stringify(r.match)}; hits ${r.hits}, remaining ${r.remaining ?? '∞'} `,
                h(
                  'button',
                  {
                    type: 'button',
                    'aria-label': `Remove webhook fault ${r.id}`,
                    onclick: () =>
                      void call('DELETE', `/__mock/webhooks/faults/${encodeURIComponent(r.id)}`)
                        .then(() => ctx.refresh())
                        .catch((err: Error) => ctx.say(err.message, 'error'))
                  },
                  'Remove'
                )
              )
            )
          )
    )
  }
}
