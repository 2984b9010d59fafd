/**
 * `it` with a `testApp` fixture, for tests that talk to the simulator through `app.inject`:
 * `it('…', async ({ testApp }) => { const t = await testApp() … })`. Each call builds a fresh app
 * with createTestApp (options as buildApp's) and every app a test built is closed after it, so
 * files need no `let t` / `afterEach` preamble and a test that builds two apps closes both.
 */
import { test } from 'vitest'
import type { BuildAppOptions } from '../../mock-server/app.js'
import { createTestApp, type TestApp } from './helpers.js'

export interface AppFixtures {
  /** Builds a fresh app on a manual clock at T0 with a token; closed when the test ends. */
  testApp: (options?: BuildAppOptions) => Promise<TestApp>
}

export const it = test.extend<AppFixtures>({
  testApp: async ({}, use) => {
    const apps: TestApp[] = []
    await use(async (options) => {
      const t = await createTestApp(options)
      apps.push(t)
      return t
    })
    await Promise.all(apps.map((t) => t.app.close()))
  }
})
