/** How the dashboard shows amounts and times: won with grouping, local dates with UNIX seconds on hover. */
import { h } from './dom.js'

const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' })
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

export function formatAmount(amount: number, currency: string | null = 'KRW'): string {
  if (currency === null || currency === 'KRW') return won.format(amount)
  return `${amount.toLocaleString()} ${currency}`
}

/** A `<time>` in local time whose title holds the UNIX seconds; `-` for 0 (never happened). */
export function time(seconds: number | null | undefined): HTMLElement | string {
  if (!seconds) return '-'
  return h('time', { datetime: new Date(seconds * 1000).toISOString(), title: `${seconds} (UNIX seconds)` }, date.format(seconds * 1000))
}

export function status(text: string): HTMLElement {
  return h('span', { class: `badge s-${text.replace(/[^a-z_]/g, '')}` }, text)
}
