/**
 * Starts the i'mport simulator once for the whole test run, on a free loopback port, and hands its
 * URL to the tests, which point the shop's IAMPORT_BASE_URL at it.
 */
import type { TestProject } from 'vitest/node'
import { createMockServer } from 'iamport-mock'

declare module 'vitest' {
  export interface ProvidedContext {
    iamportBaseUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const simulator = await createMockServer({ seed: 'subscription-server' })
  project.provide('iamportBaseUrl', simulator.url)
  return () => simulator.close()
}
