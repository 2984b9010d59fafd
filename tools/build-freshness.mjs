// Whether the built server is current: no input of the build (the source folders, the files that
// steer tsc and esbuild) is newer than the bundle. tools/start.mjs asks this before each start.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const SOURCE_DIRS = ['api', 'mock-server', 'client', 'fixtures']
export const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'tools/bundle-bin.mjs']
export const BUNDLE = 'dist/bin/iamport-mock.mjs'
const LIBRARY_ENTRY = 'dist/mock-server/index.js'

/** The newest modification time among the build's inputs under `root`, in milliseconds. */
export function newestSource(root) {
  let newest = 0
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const full = join(path, entry.name)
      if (entry.isDirectory()) visit(full)
      // Tests beside the code are not built (tsconfig.build.json leaves them out).
      else if (/\.(ts|json|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir))
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs)
  return newest
}

export function buildIsCurrent(root) {
  const bundle = join(root, BUNDLE)
  return existsSync(bundle) && existsSync(join(root, LIBRARY_ENTRY)) && statSync(bundle).mtimeMs >= newestSource(root)
}
