/**
 * Vitest global setup of the `contract` project. Resolves the target once, starts the simulator
 * in-process on a free port for the mock target, and hands the tests their context through
 * `provide`. At the end of the run it writes drift recordings when asked to
 * (`npm run contract:record`), closes the simulator and removes the run's exchange files.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { createMockServer, type MockServer } from 'iamport-mock'
import { contextFor, describeMissing, isLoopback, resolveTarget } from './target.js'
import { readExchanges } from './exchanges.js'
import { buildRecordings, writeRecordings } from './drift.js'

export const RECORDINGS_DIR = fileURLToPath(new URL('../../fixtures/recorded/', import.meta.url))

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const target = resolveTarget(process.env)
  const recording = process.env.IAMPORT_CONTRACT_RECORD === '1'
  if (recording && (target.kind !== 'real' || isLoopback(target.baseURL))) {
    // Recordings pin the real API's answers; recorded from a simulator they would pin the simulator.
    throw new Error('contract:record needs IAMPORT_TARGET=real against the real API (not a loopback address), with its variables set')
  }

  const exchangesDir = mkdtempSync(join(tmpdir(), 'iamport-contract-'))
  let server: MockServer | undefined
  if (target.kind === 'mock') {
    server = await createMockServer({ port: 0 })
    console.info(`contract suite: simulator in-process at ${server.url}`)
  } else if (target.kind === 'real') {
    console.info(`contract suite: real target ${target.baseURL} (requests ${target.throttleMs} ms apart)`)
  } else {
    console.warn(`\n${describeMissing(target.missing)}\n`)
  }
  project.provide('contract', contextFor(target, exchangesDir, server?.url))

  return async () => {
    try {
      if (recording && target.kind === 'real') {
        const recordings = buildRecordings(readExchanges(exchangesDir), target.baseURL, new Date().toISOString().slice(0, 10))
        const files = writeRecordings(RECORDINGS_DIR, recordings)
        console.info(`contract suite: wrote ${files.length} recordings to fixtures/recorded/`)
      }
    } finally {
      await server?.close()
      rmSync(exchangesDir, { recursive: true, force: true })
    }
  }
}
