/**
 * Vitest global setup of the `slow` project: bundles the `iamport-mock` bin
 * (tools/bundle-bin.mjs, about a second) before any test spawns it, and again before each rerun in
 * watch mode. So a test that starts dist/bin/iamport-mock.mjs always runs today's sources, never a
 * build left over from an earlier `npm run build`.
 */
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

const BUNDLE_SCRIPT = fileURLToPath(new URL('../../tools/bundle-bin.mjs', import.meta.url))

function bundle(): void {
  execFileSync(process.execPath, [BUNDLE_SCRIPT], { stdio: 'inherit' })
}

export default function setup(project: TestProject): void {
  bundle()
  project.onTestsRerun(bundle)
}
