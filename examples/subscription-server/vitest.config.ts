// The example's own vitest project (run by the root `npm test` as project "example", or here
// alone with `npx vitest run`). One simulator for the whole run, started by test/global-setup.ts.
import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'example',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // One simulator, one merchant, and each test resets it: files take turns.
    fileParallelism: false,
    // One module graph for all files: Fastify, axios and playwright-core load once, not per file.
    isolate: false,
    // Chromium's first start on a busy 2-core CI machine takes a few seconds.
    hookTimeout: 60_000,
    testTimeout: 30_000
  }
})
