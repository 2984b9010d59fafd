/** The dashboard page and its files (app.inject): served with a strict CSP, without the token, never with --no-control. */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/support/helpers.js'

let t: TestApp
afterEach(async () => t?.app.close())

describe('GET /__mock/ui', () => {
  it('serves the page with a CSP that allows only its own script and origin', async () => {
    t = await createTestApp()
    const res = await t.app.inject({ method: 'GET', url: '/__mock/ui' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    // No inline script: the only script is the file.
    expect(res.body.match(/<script/g)).toHaveLength(1)
    expect(res.body).toContain('<script src="/__mock/ui/app.js" defer></script>')
  })

  it('serves the bundled script and stylesheet', async () => {
    t = await createTestApp()
    const js = await t.app.inject({ method: 'GET', url: '/__mock/ui/app.js' })
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toMatch(/^text\/javascript/)
    expect(js.body).toContain('/__mock/merchants')
    expect(js.body).not.toContain('innerHTML')
    const css = await t.app.inject({ method: 'GET', url: '/__mock/ui/app.css' })
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toMatch(/^text\/css/)
    expect(css.body).toContain('prefers-color-scheme')
  })

  it('with a control token, serves the page (it holds no data) but no data without the token', async () => {
    t = await createTestApp({ config: { control: { token: 's3cret' } } })
    expect((await t.app.inject({ method: 'GET', url: '/__mock/ui' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/__mock/ui/app.js' })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: '/__mock/state' })).statusCode).toBe(401)
  })

  it('is not served with --no-control', async () => {
    t = await createTestApp({ config: { control: { enabled: false } } })
    for (const url of ['/__mock/ui', '/__mock/ui/app.js', '/__mock/ui/app.css']) {
      const res = await t.app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error.code, url).toBe('control_disabled')
    }
  })
})
