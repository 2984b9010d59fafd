/**
 * The browser scripts reach every way the simulator runs: bundled from source on first use (the
 * tests, `npm run dev`), and inlined into the single-file command, which needs no other file.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createTestApp } from '../../test/support/helpers.js'
import { spawnCli, stopCli, type SpawnedServer } from '../../test/support/spawn.js'
import { SDK_PATHS } from './index.js'

describe('the SDK script', () => {
  it('is served at both CDN paths from source, with the origin the page reached the simulator by', async () => {
    const { app } = await createTestApp()
    try {
      for (const url of SDK_PATHS) {
        const res = await app.inject({ method: 'GET', url, headers: { host: '127.0.0.1:4010' } })
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8')
        expect(res.body).toContain('})("http://127.0.0.1:4010");')
        expect(res.body).toContain('request_pay')
      }
      // A Host header that is no host name never reaches the script.
      const odd = await app.inject({ method: 'GET', url: '/v1/iamport.js', headers: { host: 'x");alert(1);//' } })
      expect(odd.body).toContain('})("http://127.0.0.1");')
      const window = await app.inject({ method: 'GET', url: '/__checkout/window.js' })
      expect(window.body).toContain('imp-approve')
    } finally {
      await app.close()
    }
  })

  describe('in the single-file command', () => {
    let server: SpawnedServer | undefined
    afterAll(async () => stopCli(server))

    // dist/bin/ holds no bundle file and no browser source: only the inlined copy can answer.
    it('is inlined, so the command serves it with no other file', async () => {
      server = await spawnCli(['--port', '0'])
      const res = await fetch(`${server.url}/v1/iamport.js`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('iamport-mock-overlay')
    })
  })
})

describe('docs/browser-checkout.md', () => {
  it('shows the CDN swap exactly as the Chromium test runs it', () => {
    const doc = readFileSync(new URL('../../docs/browser-checkout.md', import.meta.url), 'utf8')
    const test = readFileSync(new URL('./checkout.browser.test.ts', import.meta.url), 'utf8')
    const snippet = /\*\*A one-line swap in a browser test\*\*[\s\S]*?```ts\n([\s\S]*?)```/.exec(doc)?.[1]
    expect(snippet).toBeDefined()
    const lines = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    expect(lines(test).join('\n')).toContain(lines(snippet!).join('\n'))
  })
})
