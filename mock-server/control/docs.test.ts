/**
 * The simulator's own documentation: the page at `/`, the two OpenAPI documents (control API and
 * simulated V1 routes) and their coverage of what the server really registered.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp, type MockApp } from '../app.js'
import { listRoutes } from '../../test/support/route-catalogue.js'
import { OFFICIAL_OPERATIONS } from '../../api/v1/official-operations.js'

let app: MockApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** `METHOD /path` of every operation of an OpenAPI document, with Fastify's `:param` form. */
function operationsOf(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`)
  )
}

/**
 * The documentation's own pages: the two documents, Swagger UI and its files (`/__mock/docs/ui/*`,
 * which Fastify's route tree prints as `ui*`), the home page, and the dashboard's page and files
 * (a page over the documented API, not part of it).
 */
const DOC_PAGES = [
  'GET /',
  'GET /__mock/docs',
  'GET /__mock/docs/v1',
  'GET /__mock/docs/ui',
  'GET /__mock/docs/ui*',
  'GET /__mock/ui',
  'GET /__mock/ui/app.js',
  'GET /__mock/ui/app.css'
]

describe('OpenAPI documents', () => {
  it('cover every route the server registers, and document no route it does not', async () => {
    app = await buildApp()
    const control = (await app.inject({ url: '/__mock/docs' })).json()
    const v1 = (await app.inject({ url: '/__mock/docs/v1' })).json()
    // The browser checkout's routes (the SDK script, the window page, the window's own calls) are
    // the browser's, in neither document; they are known by their route metadata.
    const checkout = app.routeList.filter((r) => r.api === 'checkout' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)
    const documented = [...operationsOf(control), ...operationsOf(v1), ...DOC_PAGES, ...checkout].sort()
    expect(new Set(documented).size).toBe(documented.length)
    expect(documented).toEqual(listRoutes(app))
    // Each document holds its own API only.
    expect(operationsOf(control).every((op) => op.split(' ')[1]!.startsWith('/__mock/'))).toBe(true)
    expect(operationsOf(v1).some((op) => op.includes('/__mock'))).toBe(false)
  })

  it('name the official operation of each simulated V1 route and list the official ones not simulated', async () => {
    app = await buildApp()
    const v1 = (await app.inject({ url: '/__mock/docs/v1' })).json()
    const operations = Object.values(v1.paths as Record<string, Record<string, { operationId?: string; 'x-not-simulated'?: boolean }>>).flatMap(
      (item) => Object.values(item)
    )
    // The named families' routes are in the document (they are registered) but flagged, not simulated.
    const simulated = operations.filter((op) => op['x-not-simulated'] !== true).map((op) => op.operationId)
    const named = operations.filter((op) => op['x-not-simulated'] === true).map((op) => op.operationId)
    expect(simulated).toContain('getPaymentByImpUid')
    expect(simulated).toContain('getToken')
    expect(simulated.every((id) => typeof id === 'string')).toBe(true)
    const missing: Array<{ operationId: string }> = v1['x-not-simulated']
    expect(simulated).toContain('getCertification')
    expect(missing.map((m) => m.operationId)).toContain('payWithMoney')
    expect(named.sort()).toEqual(missing.map((m) => m.operationId).sort())
    // Two routes serve one official operation with an optional last parameter left out.
    const variants = simulated.filter((id) => id!.includes('_without_'))
    expect(variants.sort()).toEqual(['getAllPaymentsByMerchantUid_without_payment_status', 'getPaymentByMerchantUid_without_payment_status'])
    expect(simulated.length - variants.length + missing.length).toBe(OFFICIAL_OPERATIONS.length)
    expect(v1.info.description).toContain(`${simulated.length - variants.length} of the ${OFFICIAL_OPERATIONS.length}`)
    // Request schemas are the ones the routes validate with.
    const again = v1.paths['/subscribe/payments/again'].post.requestBody.content['application/json'].schema
    expect(again.required).toEqual(expect.arrayContaining(['customer_uid', 'merchant_uid', 'amount']))
  })

  it('serve Swagger UI from the simulator, over both documents, without the online validator', async () => {
    app = await buildApp()
    const page = await app.inject({ url: '/__mock/docs/ui' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('/__mock/docs/ui/static/swagger-ui-bundle.js')
    expect(page.body).not.toMatch(/https?:\/\//)
    const init = await app.inject({ url: '/__mock/docs/ui/static/swagger-initializer.js' })
    expect(init.body).toContain('"url":"/__mock/docs/v1"')
    expect(init.body).toContain('validatorUrl: null')
    const bundle = await app.inject({ url: '/__mock/docs/ui/static/swagger-ui-bundle.js' })
    expect(bundle.statusCode).toBe(200)
    expect(bundle.headers['content-type']).toMatch(/javascript/)
    const missing = await app.inject({ url: '/__mock/docs/ui/static/nope.js' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('not_found')
  })

  it('are not served with the control API off', async () => {
    app = await buildApp({ config: { control: { enabled: false } } })
    expect((await app.inject({ url: '/__mock/docs/ui' })).json().error.code).toBe('control_disabled')
    expect((await app.inject({ url: '/__mock/docs/v1' })).json().error.code).toBe('control_disabled')
  })
})

describe('GET /', () => {
  it('answers a browser with a page naming the merchants and linking the docs, health and control routes', async () => {
    app = await buildApp({ config: { merchants: [{ imp_key: 'shop<1>', imp_secret: 'never-shown', name: '<b>shop</b>' }] } })
    const res = await app.inject({ url: '/', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    for (const link of ['/__mock/docs/ui', '/__mock/health', '/__mock/docs/v1', '/__mock/merchants']) expect(res.body).toContain(`href="${link}"`)
    expect(res.body).toContain('<code>imp_apikey</code>')
    expect(res.body).toContain('&lt;b&gt;shop&lt;/b&gt;')
    expect(res.body).not.toContain('never-shown')
  })

  it('answers JSON when asked, and leaves the merchants out behind a control token', async () => {
    app = await buildApp({ seed: 's1' })
    const view = (await app.inject({ url: '/', headers: { accept: 'application/json' } })).json()
    expect(view).toMatchObject({
      name: 'iamport-mock',
      seed: 's1',
      links: { health: '/__mock/health', dashboard: '/__mock/ui', api_docs: '/__mock/docs/ui' }
    })
    expect(view.merchants).toEqual([{ imp_key: 'imp_apikey', name: 'docs test merchant', origin: 'config', webhook_url: null }])
    await app.close()
    app = await buildApp({ config: { control: { token: 'tok' } } })
    expect((await app.inject({ url: '/', headers: { accept: 'application/json' } })).json().merchants).toBeNull()
  })

  it('is not journaled and needs no access token', async () => {
    app = await buildApp()
    await app.inject({ url: '/' })
    expect((await app.inject({ url: '/__mock/requests' })).json().entries).toEqual([])
  })
})
