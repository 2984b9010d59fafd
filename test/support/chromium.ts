/**
 * Debian's Chromium (`/usr/bin/chromium`) for the browser tests, driven headless by
 * playwright-core, the way examples/subscription-server/test/browser.test.ts starts it. A machine
 * without it skips those tests with a message; in CI (`CI=true`) its absence is an error, as
 * .ci/run installs it. Every request a page makes off 127.0.0.1 is refused and remembered, so a
 * test can assert that nothing left the machine.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) {
  const message = `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the browser tests`
  const inCI = Boolean(process.env.CI) && !['0', 'false'].includes(process.env.CI!)
  if (inCI) throw new Error(message)
  console.warn(`\nbrowser tests skipped: ${message}\n`)
}

// Without the background-networking switches Chromium keeps calling Google's services.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** A phone's user agent: the browser SDK opens its full-page redirect window for it. */
export const MOBILE_USER_AGENT =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
}

const isLoopback = (url: string) => ['127.0.0.1', '[::1]', 'localhost'].includes(new URL(url).hostname)

/** Refuses every request off the machine (recording it in `offLoopback`); page routes still win over this one. */
export async function keepOnLoopback(context: BrowserContext, offLoopback: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || isLoopback(url)) return route.continue()
    offLoopback.push(url)
    return route.abort()
  })
}
