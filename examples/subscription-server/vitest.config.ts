// The example's own vitest project (run by the root `npm test` as project "example", or here
// alone with `npx vitest run`). One simulator for the whole run, started by test/global-setup.ts.
import { defineProject } from 'vitest/config'
import { sourceAliases } from '../../test/support/package-sources.js'

export default defineProject({
  // The shop imports 'iamport-mock' as any merchant would; in this repository that is the sources.
  resolve: { alias: sourceAliases() },
  test: {
    name: 'example',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    // One simulator, one merchant, and each test resets it: files take turns.
    fileParallelism: false,
    // With the root config, in the group of one-worker projects that runs after the parallel ones.
    sequence: { groupOrder: 1 },
    // One module graph for all files: Fastify, axios and playwright-core load once, not per file.
    isolate: false,
    // Chromium's first start on a busy 2-core CI machine takes a few seconds.
    hookTimeout: 60_000,
    testTimeout: 30_000
  }
})
