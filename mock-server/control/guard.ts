/**
 * The control token: with `--control-token T` (config `control.token`), every control call but
 * health must carry `X-Mock-Control-Token: T` or `Authorization: Bearer T`. The comparison takes
 * the same time whatever the guess.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

const digest = (text: string) => createHash('sha256').update(text).digest()

export function controlTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-mock-control-token']
  if (typeof header === 'string' && header !== '') return header
  const auth = request.headers.authorization
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(.+)$/i.exec(auth.trim())
    if (match) return match[1]
  }
  return undefined
}

/** A checker for one expected token. */
export function tokenChecker(expected: string): (given: string | undefined) => boolean {
  const want = digest(expected)
  return (given) => given !== undefined && timingSafeEqual(digest(given), want)
}
