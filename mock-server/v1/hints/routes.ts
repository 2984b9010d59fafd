/**
 * The near-miss hint: a 404 for a path that differs from a real V1 route only by a trailing
 * slash, letter case or a `/v1` prefix (the i'mport V1 paths have none). The routes come from the
 * app's route list (its V1 routes, read on first use), so a new route family is covered without a list here.
 */
import { routesOfApi, type RouteFacts } from '../../shared/http/namespaces.js'
import { quote } from '../../shared/http/hints.js'

interface Pattern {
  readonly method: string
  readonly url: string
  readonly exact: RegExp
  readonly anyCase: RegExp
}

/** `/payments/:imp_uid` → `/payments/{imp_uid}`, as the official docs write paths. */
export const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

function patternsOf(routes: readonly RouteFacts[]): Pattern[] {
  return routesOfApi(routes, 'v1').map((route) => {
    const source = `^${route.url
      .split(/(:[A-Za-z0-9_]+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`
    return { method: route.method, url: route.url, exact: new RegExp(source), anyCase: new RegExp(source, 'i') }
  })
}

/** Finds the real route a 404's path nearly is; null when there is none. */
export function nearMissFinder(routes: readonly RouteFacts[]): (method: string, path: string) => string | null {
  let patterns: Pattern[] | undefined
  return (method, path) => {
    patterns ??= patternsOf(routes)
    const differences: string[] = []
    let candidate = path
    if (/^\/v1(\/|$)/i.test(candidate)) {
      candidate = candidate.slice(3) || '/'
      differences.push('a /v1 prefix (V1 paths start at the API root: https://api.iamport.kr/payments/...)')
    }
    if (candidate.length > 1 && candidate.endsWith('/')) {
      candidate = candidate.replace(/\/+$/, '')
      differences.push('a trailing slash')
    }
    const sameMethod = patterns.filter((p) => p.method === method)
    let match = sameMethod.find((p) => p.exact.test(candidate))
    if (!match) {
      match = sameMethod.find((p) => p.anyCase.test(candidate))
      if (match) differences.push('letter case (paths are case-sensitive)')
    }
    if (!match || differences.length === 0) return null
    return (
      `No route answers ${method} ${quote(path, 120)}; it differs from the real route ${method} ${openApiPath(match.url)} ` +
      `only by ${differences.join(' and ')}.`
    )
  }
}
