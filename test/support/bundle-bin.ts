/**
 * Vitest global setup of the `slow` project: builds what the slow tests run before any of them
 * starts, and again before each rerun in watch mode, so no test ever runs a build left over from
 * an earlier `npm run build`:
 *   - the `iamport-mock` bin (tools/bundle-bin.mjs, about a second), which most of them spawn;
 *   - the library in dist/ (`tsc -p tsconfig.build.json`, incremental), which the packed tarball
 *     test installs. Built here, once, rather than by that test's `npm pack`: a build running
 *     beside tests that spawn dist/bin would rewrite the bin under them.
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUNDLE_SCRIPT = fileURLToPath(new URL('../../tools/bundle-bin.mjs', import.meta.url))
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function build(): void {
  execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' })
  execFileSync(process.execPath, [BUNDLE_SCRIPT], { stdio: 'inherit' })
}

export default function setup(project: TestProject): void {
  build()
  project.onTestsRerun(build)
}
