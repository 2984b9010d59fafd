/** What every view is handed: the selected merchant, a way to report, and the shared refresh. */
import type { Merchant } from './api.js'

export interface Ctx {
  /** The merchant the views show (null before the first load, or with no merchant). */
  merchant(): Merchant | null
  merchants(): Merchant[]
  /** Shows a message in the status line (errors in red, announced to screen readers). */
  say(message: string, kind?: 'ok' | 'error'): void
  /** Reloads the merchants and the current view now. */
  refresh(): Promise<void>
  /** Shows another view (by id), after `prepare` has set it up (a filter, say). */
  show(viewId: string, prepare?: () => void): void
}

/** A view: mounted once into its panel, then refreshed once a second while it is shown. */
export interface View {
  readonly id: string
  readonly title: string
  mount(panel: HTMLElement, ctx: Ctx): void
  refresh(ctx: Ctx): Promise<void>
}
