import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PACKAGE_SOURCES } from './package-sources.js'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const pkg = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { name: string; exports: Record<string, string | { default: string }> }

describe('the package entries resolved to their sources', () => {
  it('are exactly the package.json exports, each the source its dist/ file is built from', () => {
    const exported = Object.entries(pkg.exports)
      .filter(([subpath]) => subpath !== './package.json')
      .map(([subpath, target]) => [subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`, (target as { default: string }).default])
    const expected = Object.fromEntries(exported.map(([specifier, dist]) => [specifier, dist!.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts')]))

    expect(PACKAGE_SOURCES).toEqual(expected)
    for (const source of Object.values(PACKAGE_SOURCES)) expect(existsSync(root(source)), source).toBe(true)
  })

  it('are the same list in tsconfig.json paths, so tsc and vitest agree', () => {
    const { config, error } = ts.readConfigFile(root('tsconfig.json'), ts.sys.readFile)
    expect(error).toBeUndefined()
    const paths = config.compilerOptions.paths as Record<string, string[]>

    expect(paths).toEqual(Object.fromEntries(Object.entries(PACKAGE_SOURCES).map(([specifier, source]) => [specifier, [`./${source}`]])))
  })
})
