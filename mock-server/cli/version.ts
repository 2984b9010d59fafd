/**
 * The package version for `iamport-mock --version`. The single-file server has no package.json
 * beside it, so the bundler writes the version in (`__IAMPORT_MOCK_VERSION__`, see
 * tools/bundle-bin.mjs); run from the sources or the tsc output, it is read from package.json.
 */
import { existsSync, readFileSync } from 'node:fs'

declare const __IAMPORT_MOCK_VERSION__: string | undefined

export function packageVersion(): string {
  if (typeof __IAMPORT_MOCK_VERSION__ === 'string') return __IAMPORT_MOCK_VERSION__
  // mock-server/cli/ in the sources, dist/mock-server/cli/ in the build: the root is two or three up.
  for (const up of ['../../package.json', '../../../package.json']) {
    const file = new URL(up, import.meta.url)
    if (!existsSync(file)) continue
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
    if (pkg.name === 'iamport-mock' && pkg.version) return pkg.version
  }
  return 'unknown'
}
