/**
 * Hints: one English sentence telling a developer which of their own mistakes a refusal comes
 * from, where the faithful answer (a terse Korean message, a bare 401) cannot say it. The answer's
 * body stays byte for byte what the real API sends; the hint travels beside it only: in the
 * `X-Iamport-Mock-Hint` response header, in the request's journal entry and in its log line.
 *
 * This module is the machinery only: the request-scoped slot (`request.mockHint`), the reply hook
 * that writes the header, and a list of explainers each API wing adds its own to (the V1 wing's
 * are in mock-server/v1/hints/). `hints: false` in the config (or --no-hints) installs no hook.
 */
import fp from 'fastify-plugin'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const HINT_HEADER = 'x-iamport-mock-hint'
/** Longest hint sent; a value quoted from the request is cut well before this. */
export const MAX_HINT_LENGTH = 600

/** Looks at an answer on its way out; returns a hint, or null when it has nothing to say. */
export type Explainer = (request: FastifyRequest, reply: FastifyReply, payload: unknown) => string | null

export interface Hints {
  readonly enabled: boolean
  /** Adds an explainer; the first one (in the order added) that returns a hint wins. */
  explain(explainer: Explainer): void
}

declare module 'fastify' {
  interface FastifyInstance {
    hints: Hints
  }
  interface FastifyRequest {
    /** The hint given with this request's answer, if any (header, journal and log read it). */
    mockHint: string | null
  }
}

/** A request value as a hint quotes it: JSON-quoted, bounded, and safe in an HTTP header. */
export function quote(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : String(value)
  return headerSafe(JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text))
}

/** Header values must be visible ASCII: anything else is written as a \u escape. */
export function headerSafe(text: string): string {
  const safe = text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return safe.length > MAX_HINT_LENGTH ? `${safe.slice(0, MAX_HINT_LENGTH - 3)}...` : safe
}

export interface HintsOptions {
  enabled: boolean
}

export default fp<HintsOptions>(
  async (app, options) => {
    const explainers: Explainer[] = []
    app.decorate('hints', { enabled: options.enabled, explain: (explainer: Explainer) => void explainers.push(explainer) })
    app.decorateRequest('mockHint', null)
    if (!options.enabled) return
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.mockHint === null) {
        for (const explainer of explainers) {
          const hint = explainer(request, reply, payload)
          if (hint !== null) {
            request.mockHint = headerSafe(hint)
            break
          }
        }
      }
      if (request.mockHint !== null) reply.header(HINT_HEADER, request.mockHint)
      return payload
    })
  },
  { name: 'mock-hints', fastify: '5.x' }
)
