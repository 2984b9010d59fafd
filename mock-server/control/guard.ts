/**
 * Guards of the control API. The control token: with `--control-token T` (config `control.token`), every control call but
 * health must carry `X-Mock-Control-Token: T` or `Authorization: Bearer T`. The comparison takes
 * the same time whatever the guess.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import type { FastifyRequest } from 'fastify'
import { normaliseOrigin } from '../shared/config/config.js'

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

/**
 * What keeps web pages out of the control API. A page on any site can make the browser send a
 * form POST (`enctype=text/plain`, no preflight) to 127.0.0.1, and a DNS-rebinding page can read
 * answers under its own host name; neither carries the simulator's own `Origin` nor a `Host` it
 * answers to, so both are refused. Tools (curl, tests, CI) send no `Origin` and a loopback or IP
 * `Host`, and pass as before.
 */
export interface SiteGuardOptions {
  /** Origins allowed besides the simulator's own, normalised (`normaliseOrigin`). */
  readonly allowedOrigins: readonly string[]
  /** Host names answered besides loopback names and IP literals, lower case, no port. */
  readonly allowedHosts: readonly string[]
}

export type SiteRefusal = { kind: 'origin'; origin: string } | { kind: 'host'; host: string } | { kind: 'content_type'; type: string }

/** `example.com:4010` → `example.com`, `[::1]:4010` → `::1`. */
export function hostNameOf(hostHeader: string): string {
  const text = hostHeader.trim().toLowerCase()
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') === -1 ? undefined : text.indexOf(']'))
  const colon = text.lastIndexOf(':')
  return colon === -1 ? text : text.slice(0, colon)
}

const isLoopbackName = (name: string) => name === 'localhost' || name.endsWith('.localhost')

/** A checker of one request's `Origin`, `Sec-Fetch-Site`, `Host` and body type; null means it may pass. */
export function siteChecker(options: SiteGuardOptions): (request: FastifyRequest) => SiteRefusal | null {
  const origins = new Set(options.allowedOrigins)
  const hosts = new Set(options.allowedHosts)
  return (request) => {
    const hostHeader = request.headers.host ?? ''
    const name = hostNameOf(hostHeader)
    // An IP literal cannot be rebound (a rebinding page always sends its own DNS name).
    if (!(isLoopbackName(name) || isIP(name) !== 0 || hosts.has(name))) return { kind: 'host', host: hostHeader }

    const origin = request.headers.origin
    const fetchSite = request.headers['sec-fetch-site']
    if (typeof origin === 'string') {
      const normalised = normaliseOrigin(origin)
      const ownOrigin = normalised === `http://${hostHeader.toLowerCase()}` || normalised === `https://${hostHeader.toLowerCase()}`
      if (!ownOrigin && !origins.has(normalised)) return { kind: 'origin', origin }
    } else if (fetchSite === 'cross-site') {
      return { kind: 'origin', origin: '(none; Sec-Fetch-Site: cross-site)' }
    }

    // A body the control API would read must be JSON: a text/plain form body is never read as {}.
    // (An empty body is no body, whatever its declared type: axios labels a bodiless POST as a form.)
    const type = request.headers['content-type']
    const length = request.headers['content-length']
    const hasBody = request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
    if (hasBody) {
      const mediaType = (type ?? '').split(';')[0]!.trim().toLowerCase()
      if (mediaType !== 'application/json') return { kind: 'content_type', type: type ?? '(none)' }
    }
    return null
  }
}
