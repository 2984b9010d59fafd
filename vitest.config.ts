import { defineConfig } from 'vitest/config'
import { ContractChecksLast } from './contract-tests/lib/sequencer.js'

export default defineConfig({
  test: {
    sequence: { sequencer: ContractChecksLast },
    projects: [
      // The worked merchant example: its own project, config and simulator (examples/subscription-server/).
      'examples/subscription-server/vitest.config.ts',
      {
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
          environment: 'node'
        }
      },
      {
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
          // One module graph for all files: faker's Korean locale and the client load once, not per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000
        }
      }
    ]
  }
})
