/** Overview: merchants (and V2 stores) with their counts, the virtual clock (advance, set), reset. */
import { call } from '../api.js'
import type { Ctx, View } from '../context.js'
import { field, fill, h } from '../dom.js'
import { time } from '../format.js'

interface Counts {
  billing_keys: number
  payments: number
  prepares: number
  schedules: number
}
interface StateAnswer {
  merchants: Array<{ imp_key: string; name: string; open: boolean; counts: Counts; clock: { now: number; frozen: boolean } }>
  v2_merchants?: Array<{
    merchant_id: string
    name: string
    stores: Array<{ store_id: string }>
    billing_keys: unknown[]
    payments: unknown[]
    schedules: unknown[]
  }>
}
interface ClockAnswer {
  now: number
  frozen: boolean
}

const UNITS: Array<[string, number]> = [
  ['seconds', 1],
  ['minutes', 60],
  ['hours', 3600],
  ['days', 86_400]
]

let body: HTMLElement
let clockText: HTMLElement
let v2Box: HTMLElement

async function moveClock(ctx: Ctx, move: { advance_seconds: number } | { now: number }): Promise<void> {
  const answer = await call<ClockAnswer>('POST', '/__mock/clock', move)
  ctx.say(`Clock moved; due schedules have run. Now ${new Date(answer.now * 1000).toLocaleString()}.`)
  await ctx.refresh()
}

async function reset(ctx: Ctx, impKey: string | null): Promise<void> {
  const what = impKey === null ? 'everything (every merchant, rules, journal)' : `merchant ${impKey}`
  if (!window.confirm(`Reset ${what}? This cannot be undone.`)) return
  await call('POST', '/__mock/reset', impKey === null ? {} : { imp_key: impKey })
  ctx.say(`Reset ${what}.`)
  await ctx.refresh()
}

export const overview: View = {
  id: 'overview',
  title: 'Overview',
  mount(panel, ctx) {
    const amount = h('input', { type: 'number', min: '1', value: '1', required: true })
    const unit = h('select', {}, ...UNITS.map(([name, seconds]) => h('option', { value: seconds }, name)))
    const at = h('input', { type: 'datetime-local', step: '1', required: true })
    const guard = (action: () => Promise<void>) => () => void action().catch((err: Error) => ctx.say(err.message, 'error'))
    clockText = h('p', { class: 'clock' })
    body = h('tbody')
    v2Box = h('div')
    fill(
      panel,
      h('h2', {}, 'Virtual clock'),
      clockText,
      h(
        'form',
        {
          class: 'row',
          'aria-label': 'Advance the clock',
          onsubmit: (e: Event) => {
            e.preventDefault()
            guard(() => moveClock(ctx, { advance_seconds: Number(amount.value) * Number(unit.value) }))()
          }
        },
        field('Advance by', amount),
        field('Unit', unit),
        h('button', { type: 'submit' }, 'Advance')
      ),
      h(
        'form',
        {
          class: 'row',
          'aria-label': 'Set the clock',
          onsubmit: (e: Event) => {
            e.preventDefault()
            guard(() => moveClock(ctx, { now: Math.floor(new Date(at.value).getTime() / 1000) }))()
          }
        },
        field('Set to (local time)', at),
        h('button', { type: 'submit' }, 'Set')
      ),
      h('h2', {}, 'Merchants'),
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Name', 'imp_key', 'Billing keys', 'Payments', 'Prepared', 'Schedules', 'Clock', ''].map((t) => h('th', { scope: 'col' }, t))
          )
        ),
        body
      ),
      v2Box,
      h('h2', {}, 'Reset'),
      h('p', {}, h('button', { type: 'button', class: 'danger', onclick: guard(() => reset(ctx, null)) }, 'Reset everything'))
    )
  },
  async refresh(ctx) {
    const [state, clock] = await Promise.all([call<StateAnswer>('GET', '/__mock/state?limit=1'), call<ClockAnswer>('GET', '/__mock/clock')])
    fill(clockText, 'Server time: ', time(clock.now), clock.frozen ? ' (frozen)' : ' (ticking)')
    fill(
      body,
      ...state.merchants.map((m) =>
        h(
          'tr',
          {},
          h('td', {}, m.name, m.open ? ' (open)' : ''),
          h('td', {}, h('code', {}, m.imp_key)),
          h('td', { class: 'num' }, m.counts.billing_keys),
          h('td', { class: 'num' }, m.counts.payments.toLocaleString()),
          h('td', { class: 'num' }, m.counts.prepares),
          h('td', { class: 'num' }, m.counts.schedules),
          h('td', {}, time(m.clock.now)),
          h(
            'td',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'danger',
                'aria-label': `Reset merchant ${m.imp_key}`,
                onclick: () => void reset(ctx, m.imp_key).catch((err: Error) => ctx.say(err.message, 'error'))
              },
              'Reset'
            )
          )
        )
      )
    )
    const v2 = state.v2_merchants ?? []
    if (v2.length === 0) fill(v2Box)
    else
      fill(
        v2Box,
        h('h2', {}, 'V2 merchants and stores'),
        h(
          'table',
          {},
          h(
            'thead',
            {},
            h('tr', {}, ...['Name', 'merchant_id', 'Stores', 'Billing keys', 'Payments', 'Schedules'].map((t) => h('th', { scope: 'col' }, t)))
          ),
          h(
            'tbody',
            {},
            ...v2.map((m) =>
              h(
                'tr',
                {},
                h('td', {}, m.name),
                h('td', {}, h('code', {}, m.merchant_id)),
                h('td', {}, m.stores.map((s) => s.store_id).join(', ')),
                h('td', { class: 'num' }, m.billing_keys.length),
                h('td', { class: 'num' }, m.payments.length),
                h('td', { class: 'num' }, m.schedules.length)
              )
            )
          )
        )
      )
  }
}
