/**
 * `GET /__mock/ui`: the dashboard, a page that shows and steers the simulator through the
 * documented control API only (anything it does a script can do too). The page and its two files
 * hold no data, so they are served without the control token (the page asks for it and sends it
 * on every call); with `--no-control` they are not registered at all.
 *
 * The Content-Security-Policy lets the page run only its own script file and talk only to its own
 * origin: no inline script, no CDN, no frame of it elsewhere.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { dashboardBundle } from './ui-assets.js'

export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

const PAGE = `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>iamport-mock dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__mock/ui/app.css">
<script src="/__mock/ui/app.js" defer></script>
</head>
<body>
<noscript>The dashboard needs JavaScript; the same data is at /__mock/state.</noscript>
<div id="app"></div>
</body>
</html>
`

const secure = (reply: FastifyReply) =>
  reply
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-cache')

/** Registers the page and its files under the control API's scope (`/ui` there). */
export function serveDashboard(app: FastifyInstance): void {
  const config = { public: true }
  app.get('/ui', { config, schema: { hide: true } }, async (_request, reply) => secure(reply).type('text/html; charset=utf-8').send(PAGE))
  app.get('/ui/app.js', { config, schema: { hide: true } }, async (_request, reply) =>
    secure(reply)
      .type('text/javascript; charset=utf-8')
      .send((await dashboardBundle()).js)
  )
  app.get('/ui/app.css', { config, schema: { hide: true } }, async (_request, reply) =>
    secure(reply)
      .type('text/css; charset=utf-8')
      .send((await dashboardBundle()).css)
  )
}
