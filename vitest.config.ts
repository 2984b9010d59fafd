import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { ContractChecksLast } from './contract-tests/lib/sequencer.js'
import { sourceAliases } from './test/support/package-sources.js'

/**
 * Tests that start the bundled bin (or npm, python, java, Chromium) as a child process, the long
 * property runs and the request floods: any `*.slow.test.ts` or `*.browser.test.ts`, and these older files.
 */
const SLOW_TESTS = [
  '**/*.slow.test.ts',
  // Chromium: a browser per file, seconds each.
  '**/*.browser.test.ts',
  // The hardening tables and properties: hundreds of cases across every route.
  'test/hardening/**/*.test.ts',
  'mock-server/shared/persistence/data-file-mutations.test.ts',
  'mock-server/cli.test.ts',
  'mock-server/cli-preload.test.ts',
  'mock-server/control/cli-flags.test.ts',
  'test/hardening/crash.test.ts',
  'test/hardening/fuzz/fuzz.test.ts',
  'test/hardening/concurrency.test.ts'
]

export default defineConfig({
  // 'iamport-mock', 'iamport-mock/client'… resolve to the sources: no build needed to run a test.
  resolve: { alias: sourceAliases() },
  test: {
    sequence: { sequencer: ContractChecksLast },
    // Vitest's default on 2 cores is one worker, which idles while a test waits on a socket or a
    // spawned bin; two keep both cores busy (measured: the unit project takes half the time).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // The worked merchant example: its own project, config and simulator (examples/subscription-server/).
      'examples/subscription-server/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'api/**/*.test.ts',
            'test/**/*.test.ts',
            'mock-server/**/*.test.ts',
            'fixtures/**/*.test.ts',
            'client/**/*.test.ts',
            'contract-tests/lib/**/*.test.ts'
          ],
          exclude: SLOW_TESTS,
          environment: 'node',
          // One module graph per worker: Fastify, TypeBox and the compiled validators load once, not
          // once per file (most of the old run time). Safe because the code keeps no module state
          // beyond caches of compiled validators, and every test builds its own app and clock.
          isolate: false
        }
      },
      {
        extends: true,
        test: {
          // Spawned bins, property runs and floods of concurrent requests: in their own project so
          // `npm run test:unit` stays quick; `npm test` runs them. The bin is bundled from the sources first.
          name: 'slow',
          include: SLOW_TESTS,
          // The example shop runs its own tests (browser ones too) in its own project.
          exclude: ['examples/**', '**/node_modules/**'],
          environment: 'node',
          globalSetup: ['test/support/bundle-bin.ts'],
          isolate: false,
          // A child process's start or 200 requests at once can take seconds on a loaded CI machine.
          testTimeout: 15_000
        }
      },
      {
        extends: true,
        // One suite, two targets: IAMPORT_TARGET=mock (default) or real. See contract-tests/README.md.
        test: {
          name: 'contract',
          include: ['contract-tests/**/*.contract.test.ts'],
          environment: 'node',
          globalSetup: ['contract-tests/lib/global-setup.ts'],
          setupFiles: ['fixtures/test/print-seed-on-failure.ts'],
          // Files one at a time: the checks in contract-tests/checks/ run last and read what the
          // others recorded, and the real API sees one test's requests at a time.
          fileParallelism: false,
          // Projects of one worker run as a group after the parallel ones (vitest groups by worker count).
          sequence: { groupOrder: 1 },
          // One module graph for all files: faker's Korean locale and the client load once, not per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      }
    ]
  }
})
