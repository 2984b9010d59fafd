/**
 * The package's public entries (`iamport-mock`, `iamport-mock/client`…) mapped to their TypeScript
 * sources, so that tests, examples and the contract kit import the package the way a user does and
 * still run without a build. Vitest resolves them with `sourceAliases`; tsc with the same list in
 * tsconfig.json `paths`. package-sources.test.ts keeps both in step with package.json `exports`,
 * which the published package resolves against dist/ as before.
 */
import { fileURLToPath } from 'node:url'

/** Each exported specifier and the source file behind its dist/ build, relative to the repository root. */
export const PACKAGE_SOURCES: Readonly<Record<string, string>> = {
  'iamport-mock': 'mock-server/index.ts',
  'iamport-mock/api': 'api/v1/index.ts',
  'iamport-mock/api/control': 'api/control/index.ts',
  'iamport-mock/client': 'client/index.ts',
  'iamport-mock/fixtures': 'fixtures/index.ts',
  'iamport-mock/fixtures/builders': 'fixtures/builders.ts'
}

const ROOT = new URL('../../', import.meta.url)

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Vite aliases that match each specifier exactly (`iamport-mock` must not catch `iamport-mock/client`). */
export function sourceAliases(): { find: RegExp; replacement: string }[] {
  return Object.entries(PACKAGE_SOURCES).map(([specifier, source]) => ({
    find: new RegExp(`^${escapeRegExp(specifier)}$`),
    replacement: fileURLToPath(new URL(source, ROOT))
  }))
}
