import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['spec/**/*.test.ts', 'mock-server/**/*.test.ts', 'fixtures/**/*.test.ts', 'client/**/*.test.ts'],
          environment: 'node'
        }
      }
    ]
  }
})
