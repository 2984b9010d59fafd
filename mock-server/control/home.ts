/**
 * `GET /`: what is running here and where to go next, for someone who opens the simulator's URL
 * in a browser (HTML) or asks with `Accept: application/json` (JSON): the merchants with their
 * keys (never a secret), and links to the docs, health and the control API. The real API has no
 * page at its root, so none of this changes an i'mport answer.
 *
 * With a control token the merchants are left out (the page answers without the token); with the
 * control API off, so are the control links.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { sendJson } from './errors.js'

export interface HomeView {
  name: 'iamport-mock'
  description: string
  seed: string
  merchants: Array<{ imp_key: string; name: string; origin: string; webhook_url: string | null }> | null
  links: Record<string, string>
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** JSON when it is asked for ahead of HTML; HTML otherwise (a browser, curl with no Accept). */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? ''
  const json = accept.indexOf('application/json')
  const html = accept.indexOf('text/html')
  return json >= 0 && (html < 0 || json < html)
}

function renderHtml(view: HomeView): string {
  const links = Object.entries(view.links)
    .map(([label, href]) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label.replace(/_/g, ' '))}</a> <code>${escapeHtml(href)}</code></li>`)
    .join('')
  const merchants =
    view.merchants === null
      ? '<p>The merchant list needs the control token (GET /__mock/merchants).</p>'
      : `<table><tr><th>imp_key</th><th>name</th><th>origin</th><th>webhook URL</th></tr>${view.merchants
          .map(
            (m) =>
              `<tr><td><code>${escapeHtml(m.imp_key)}</code></td><td>${escapeHtml(m.name)}</td><td>${m.origin}</td><td>${escapeHtml(m.webhook_url ?? '-')}</td></tr>`
          )
          .join('')}</table>`
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>iamport-mock</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}td,th{padding:.2rem .8rem .2rem 0;text-align:left}code{font-size:90%}</style>
</head><body>
<h1>iamport-mock</h1>
<p>${escapeHtml(view.description)} Id seed: <code>${escapeHtml(view.seed)}</code>.</p>
<h2>Merchants</h2>${merchants}
<h2>Links</h2><ul>${links}</ul>
</body></html>
`
}

const home: FastifyPluginAsync = async (app) => {
  const { store, config } = app.mock
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const open = config.control.enabled && config.control.token === null
    const links: Record<string, string> = { health: '/__mock/health' }
    if (config.control.enabled) {
      Object.assign(links, {
        dashboard: '/__mock/ui',
        api_docs: '/__mock/docs/ui',
        v1_openapi: '/__mock/docs/v1',
        control_openapi: '/__mock/docs',
        merchants: '/__mock/merchants',
        state: '/__mock/state',
        request_journal: '/__mock/requests',
        webhook_outbox: '/__mock/webhooks'
      })
    }
    const view: HomeView = {
      name: 'iamport-mock',
      description: "A local simulator of the i'mport (PortOne V1) REST API: point your i'mport client at this URL instead of https://api.iamport.kr.",
      seed: config.seed,
      merchants: open
        ? [...store.allMerchants()].map((s) => ({
            imp_key: s.merchant.imp_key,
            name: s.merchant.name,
            origin: s.origin,
            webhook_url: s.merchant.webhook_url
          }))
        : null,
      links
    }
    if (wantsJson(request)) return sendJson(reply, 200, view)
    return reply.code(200).type('text/html; charset=utf-8').send(renderHtml(view))
  })
}

export default home
