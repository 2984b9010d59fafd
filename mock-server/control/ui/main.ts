/**
 * The dashboard's entry: the token gate, the merchant picker, the tabs, and the once-a-second poll
 * of the control API that keeps the shown view live. Every call is one a script could make.
 */
import { ApiError, call, type Merchant, token, whenUnauthorized } from './api.js'
import type { Ctx, View } from './context.js'
import { field, fill, h } from './dom.js'
import { overview } from './views/overview.js'
import { payments } from './views/payments.js'
import { billingKeys } from './views/billing-keys.js'
import { schedules } from './views/schedules.js'
import { webhooks } from './views/webhooks.js'
import { faults } from './views/faults.js'
import { requests } from './views/requests.js'

const VIEWS: View[] = [overview, payments, billingKeys, schedules, webhooks, faults, requests]
const POLL_MS = 1000

let merchantList: Merchant[] = []
let selected: string | null = null
let current: View = VIEWS[0]!
let busy = false

const statusLine = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' })
const picker = h('select', {
  'aria-label': 'Merchant',
  onchange: () => {
    selected = picker.value
    void ctx.refresh()
  }
})
const panels = new Map<string, HTMLElement>()

const ctx: Ctx = {
  merchant: () => merchantList.find((m) => m.imp_key === selected) ?? null,
  merchants: () => merchantList,
  say(message, kind = 'ok') {
    statusLine.textContent = message
    statusLine.className = `status ${kind}`
  },
  refresh: () => tick(true),
  show(viewId, prepare) {
    const view = VIEWS.find((v) => v.id === viewId)
    if (!view) return
    prepare?.()
    show(view)
  }
}

async function loadMerchants(): Promise<void> {
  const { merchants } = await call<{ merchants: Merchant[] }>('GET', '/__mock/merchants')
  const keys = merchants.map((m) => m.imp_key).join('\n')
  if (keys !== merchantList.map((m) => m.imp_key).join('\n')) {
    fill(picker, ...merchants.map((m) => h('option', { value: m.imp_key }, `${m.name} (${m.imp_key})`)))
  }
  merchantList = merchants
  if (selected === null || !merchants.some((m) => m.imp_key === selected)) selected = merchants[0]?.imp_key ?? null
  if (selected !== null) picker.value = selected
}

async function tick(now = false): Promise<void> {
  // A background tab polls nothing; it catches up when shown again.
  if ((busy || document.hidden) && !now) return
  busy = true
  try {
    await loadMerchants()
    await current.refresh(ctx)
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'unauthorized')) ctx.say(err instanceof Error ? err.message : String(err), 'error')
  } finally {
    busy = false
  }
}

function show(view: View): void {
  current = view
  for (const [id, panel] of panels) panel.hidden = id !== view.id
  for (const tab of document.querySelectorAll<HTMLButtonElement>('nav button')) {
    tab.setAttribute('aria-selected', String(tab.dataset.view === view.id))
  }
  history.replaceState(null, '', `#${view.id}`)
  void tick(true)
}

function tokenGate(app: HTMLElement): void {
  const input = h('input', { type: 'password', autocomplete: 'off', required: true })
  const form = h(
    'form',
    {
      class: 'gate',
      onsubmit: (event: Event) => {
        event.preventDefault()
        token.set(input.value)
        start(app)
      }
    },
    h('h1', {}, 'iamport-mock'),
    h('p', {}, 'This simulator was started with --control-token. Enter the token to see and steer it.'),
    field('Control token', input),
    h('button', { type: 'submit' }, 'Open the dashboard')
  )
  fill(app, form)
  input.focus()
}

let timer: number | undefined

function start(app: HTMLElement): void {
  const nav = h(
    'nav',
    { role: 'tablist', 'aria-label': 'Views' },
    ...VIEWS.map((view) => h('button', { type: 'button', role: 'tab', 'data-view': view.id, onclick: () => show(view) }, view.title))
  )
  const main = h('main')
  for (const view of VIEWS) {
    const panel = h('section', { id: `view-${view.id}`, role: 'tabpanel', 'aria-label': view.title, hidden: true })
    panels.set(view.id, panel)
    view.mount(panel, ctx)
    main.appendChild(panel)
  }
  fill(app, h('header', {}, h('h1', {}, 'iamport-mock'), picker, statusLine), nav, main)
  const wanted = VIEWS.find((v) => `#${v.id}` === location.hash) ?? VIEWS[0]!
  show(wanted)
  window.clearInterval(timer)
  timer = window.setInterval(() => void tick(), POLL_MS)
}

function boot(): void {
  const app = document.getElementById('app')!
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) void tick()
  })
  whenUnauthorized(() => {
    window.clearInterval(timer)
    token.clear()
    panels.clear()
    tokenGate(app)
  })
  start(app)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot)
else boot()
