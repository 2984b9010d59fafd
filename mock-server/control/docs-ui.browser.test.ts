/**
 * Swagger UI in a real browser: Debian's Chromium (`/usr/bin/chromium`), headless, driven by
 * playwright-core, renders both OpenAPI documents served by the simulator, and no request leaves
 * it (every request is recorded; those to any other origin are refused and fail the test).
 * Skipped, with a message, on a machine without that Chromium; in CI its absence is an error.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type BrowserContext } from 'playwright-core'
import { createMockServer, type MockServer } from '../server.js'
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../../test/support/chromium.js'

describe.skipIf(!hasChromium)('Swagger UI in Chromium', () => {
  let profileDir: string
  let browser: BrowserContext
  let server: MockServer
  const elsewhere: string[] = []
  const fromSimulator: string[] = []

  beforeAll(async () => {
    server = await createMockServer({ host: '127.0.0.1' })
    profileDir = mkdtempSync(join(tmpdir(), 'iamport-mock-chromium-'))
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    await browser.route('**/*', (route) => {
      const url = route.request().url()
      if (url.startsWith(`${server.url}/`) || url.startsWith('data:')) {
        fromSimulator.push(new URL(url).pathname)
        return route.continue()
      }
      elsewhere.push(url)
      return route.abort()
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  })

  it('renders the V1 document and the control API document, with no request leaving the simulator', { timeout: 60_000 }, async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}/__mock/docs/ui`)
    await page.locator('.information-container .title', { hasText: "the simulated i'mport V1 REST API" }).waitFor()
    await page.locator('.opblock-summary-path', { hasText: '/users/getToken' }).first().waitFor()
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator's innerText(), not a DOM node's
    expect(await page.locator('.information-container').innerText()).toContain('Not simulated')

    await page.locator('.topbar select').selectOption({ label: 'iamport-mock control API' })
    await page.locator('.information-container .title', { hasText: 'iamport-mock control API' }).waitFor()
    await page.locator('.opblock-summary-path', { hasText: '/__mock/merchants' }).first().waitFor()
    await page.close()

    expect(elsewhere).toEqual([])
    expect(fromSimulator).toEqual(expect.arrayContaining(['/__mock/docs/v1', '/__mock/docs', '/__mock/docs/ui/static/swagger-ui-bundle.js']))
  })
})
