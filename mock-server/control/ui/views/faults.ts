/**
 * Faults: the rules in force for the merchant with their remaining counts, one added from a preset
 * (decline, delay, gateway error, drop, commit-then-drop) with its match, and removal.
 */
import { call, query } from '../api.js'
import type { View } from '../context.js'
import { field, fill, h } from '../dom.js'

interface Rule {
  id: string
  origin: string
  match: Record<string, unknown>
  action: { type: string } & Record<string, unknown>
  then: unknown[]
  remaining: number | null
  hits: number
  description: string | null
}

/** The presets: a label and the action it adds. */
const PRESETS: Record<string, { label: string; action: Record<string, unknown> }> = {
  decline: { label: 'Decline (잔액부족)', action: { type: 'decline', fail_reason: '잔액부족' } },
  delay: { label: 'Delay 3 s', action: { type: 'delay', ms: 3000 } },
  gateway: { label: 'Gateway error 502', action: { type: 'http', status: 502 } },
  drop: { label: 'Drop the connection', action: { type: 'drop' } },
  commit_then_drop: { label: 'Commit, then drop', action: { type: 'commit_then_drop' } }
}
const PATHS = [
  '',
  '/subscribe/payments/again',
  '/subscribe/payments/onetime',
  '/subscribe/customers/:customer_uid',
  '/payments/cancel',
  '/users/getToken'
]

let list: HTMLElement

export const faults: View = {
  id: 'faults',
  title: 'Faults',
  mount(panel, ctx) {
    list = h('div')
    const preset = h('select', {}, ...Object.entries(PRESETS).map(([key, p]) => h('option', { value: key }, p.label)))
    const path = h('select', {}, ...PATHS.map((p) => h('option', { value: p }, p === '' ? 'any route' : p)))
    const customer = h('input', { type: 'text' })
    const order = h('input', { type: 'text' })
    const times = h('input', { type: 'number', min: '1', value: '1' })
    fill(
      panel,
      h('h2', {}, 'Fault rules in force'),
      list,
      h('h2', {}, 'Add a fault'),
      h(
        'form',
        {
          class: 'row',
          'aria-label': 'Add a fault rule',
          onsubmit: (e: Event) => {
            e.preventDefault()
            const merchant = ctx.merchant()
            const match: Record<string, string> = {}
            if (merchant) match.imp_key = merchant.imp_key
            if (path.value !== '') match.path = path.value
            if (customer.value.trim() !== '') match.customer_uid = customer.value.trim()
            if (order.value.trim() !== '') match.merchant_uid = order.value.trim()
            const rule: Record<string, unknown> = { match, action: PRESETS[preset.value]!.action }
            if (times.value !== '') rule.times = Number(times.value)
            void call<Rule>('POST', '/__mock/faults', rule)
              .then((added) => ctx.say(`Added fault ${added.id}.`))
              .then(() => ctx.refresh())
              .catch((err: Error) => ctx.say(err.message, 'error'))
          }
        },
        field('Preset', preset),
        field('Route', path),
        field('customer_uid', customer),
        field('merchant_uid', order),
        field('Times', times),
        h('button', { type: 'submit' }, 'Add fault')
      )
    )
  },
  async refresh(ctx) {
    const merchant = ctx.merchant()
    const { rules } = await call<{ rules: Rule[] }>('GET', `/__mock/faults${query({ imp_key: merchant?.imp_key })}`)
    fill(
      list,
      rules.length === 0
        ? h('p', {}, 'No fault armed: every call is answered as i’mport would.')
        : h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ...['id', 'Action', 'Match', 'Hits', 'Remaining', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              ...rules.map((r) =>
                h(
                  'tr',
                  { 'data-rule': r.id },
                  h('td', {}, h('code', {}, r.id)),
                  h('td', {}, r.action.type, r.then.length > 0 ? ` then ${r.then.length} more` : ''),
                  h('td', {}, h('code', {}, JSON.stringify(r.match))),
                  h('td', { class: 'num' }, r.hits),
                  h('td', { class: 'num' }, r.remaining ?? '∞'),
                  h(
                    'td',
                    {},
                    h(
                      'button',
                      {
                        type: 'button',
                        'aria-label': `Remove fault ${r.id}`,
                        onclick: () =>
                          void call('DELETE', `/__mock/faults/${encodeURIComponent(r.id)}`)
                            .then(() => ctx.refresh())
                            .catch((err: Error) => ctx.say(err.message, 'error'))
                      },
                      'Remove'
                    )
                  )
                )
              )
            )
          )
    )
  }
}
