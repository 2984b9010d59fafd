/**
 * `/__mock/clock`: read and move virtual time, server-wide or for one merchant.
 *
 * Every merchant's clock derives from the server clock: moving the server clock moves every
 * merchant by the same amount (a merchant keeps its own offset); moving one merchant's clock
 * touches no other, so parallel CI shards never disturb each other. After a move time ticks on
 * from the new point, unless the clock is frozen (`freeze: true`), when it stands still until
 * moved again; a clock stays frozen or ticking until a move says otherwise.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { VirtualClock } from '../shared/clock.js'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { controlErrors, sendJson } from './errors.js'
import { ClockMoveSchema, ClockViewSchema, ControlErrorSchema, ImpKeyQuerySchema, type ClockMove, type ClockView } from '../../api/control/schemas.js'

export function clockView(clock: VirtualClock, merchant: MerchantState | null): ClockView {
  const nowMs = Math.floor(clock.nowMs())
  return {
    scope: merchant ? 'merchant' : 'server',
    imp_key: merchant ? merchant.merchant.imp_key : null,
    now: Math.floor(nowMs / 1000),
    now_ms: nowMs,
    iso: new Date(nowMs).toISOString(),
    frozen: clock.frozen
  }
}

/** Applies a move; throws `ControlError` for a request that says two things or nothing. */
export function moveClock(clock: VirtualClock, move: ClockMove): void {
  if (move.advance_seconds !== undefined && move.now !== undefined) {
    throw controlErrors.invalidRequest(['give advance_seconds or now, not both'])
  }
  if (move.advance_seconds === undefined && move.now === undefined && move.freeze === undefined) {
    throw controlErrors.invalidRequest(['nothing to do: give advance_seconds, now or freeze'])
  }
  if (move.advance_seconds !== undefined) clock.advance(move.advance_seconds)
  if (move.now !== undefined) clock.set(move.now * 1000)
  if (move.freeze !== undefined) clock.setFrozen(move.freeze)
}

const clock: FastifyPluginAsync = async (app) => {
  const { store, events } = app.mock
  const tags = ['clock']

  const target = (impKey: string | undefined): { clock: VirtualClock; merchant: MerchantState | null } => {
    if (impKey === undefined) return { clock: store.clock, merchant: null }
    const merchant = store.merchantByKey(impKey)
    if (!merchant) throw controlErrors.unknownMerchant(impKey)
    return { clock: merchant.clock, merchant }
  }

  app.get(
    '/clock',
    {
      schema: {
        tags,
        summary: "The server's virtual time, or one merchant's",
        querystring: ImpKeyQuerySchema,
        response: { 200: ClockViewSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const { clock: c, merchant } = target((request.query as { imp_key?: string }).imp_key)
      return sendJson(reply, 200, clockView(c, merchant))
    }
  )

  app.post(
    '/clock',
    {
      schema: {
        tags,
        summary: 'Move virtual time: by advance_seconds, or to now; freeze stops it or lets it tick on',
        body: ClockMoveSchema,
        response: { 200: ClockViewSchema, 400: ControlErrorSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const move = request.body as ClockMove
      const { clock: c, merchant } = target(move.imp_key)
      moveClock(c, move)
      // Schedules due by the new time run on this event (the schedules engine listens); the answer
      // waits until they have run and their webhooks have been attempted (bounded by
      // webhooks.settle_timeout_ms), so a test can assert right after the call, without sleeping.
      await events.emitAndWait('clock.moved', { merchant })
      return sendJson(reply, 200, clockView(c, merchant))
    }
  )
}

export default clock
