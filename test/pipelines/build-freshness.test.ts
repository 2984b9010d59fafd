// When `npm start` builds: only when an input of the build is newer than the bundle.
import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
// @ts-expect-error a plain .mjs tool without type declarations
import { buildIsCurrent } from '../../tools/build-freshness.mjs'

const isCurrent = buildIsCurrent as (root: string) => boolean
const T0 = new Date('2026-01-01T00:00:00Z')
const LATER = new Date('2026-01-01T00:01:00Z')

describe('whether the build is current', () => {
  const roots: string[] = []
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
  })

  /** A clone in miniature: one source, one config file, the bundle and the library entry, all at T0. */
  function clone(): string {
    const root = mkdtempSync(join(tmpdir(), 'iamport-mock-fresh-'))
    roots.push(root)
    for (const file of ['mock-server/shared/clock.ts', 'package.json', 'dist/bin/iamport-mock.mjs', 'dist/mock-server/index.js']) {
      mkdirSync(dirname(join(root, file)), { recursive: true })
      writeFileSync(join(root, file), '')
      utimesSync(join(root, file), T0, T0)
    }
    return root
  }
  const touch = (root: string, file: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), '')
    utimesSync(join(root, file), LATER, LATER)
  }

  it('is current when nothing is newer than the bundle', () => {
    expect(isCurrent(clone())).toBe(true)
  })

  it('is stale after a source, a config file or the lockfile changed', () => {
    for (const file of ['mock-server/shared/clock.ts', 'api/v1/new-schema.ts', 'package.json', 'package-lock.json', 'tsconfig.build.json']) {
      const root = clone()
      touch(root, file)
      expect(isCurrent(root), file).toBe(false)
    }
  })

  it('ignores what the build does not read: tests, docs, node_modules', () => {
    const root = clone()
    for (const file of [
      'test/pipelines/x.test.ts',
      'docs/install.md',
      'mock-server/node_modules/x/index.js',
      'mock-server/README.md',
      'mock-server/cli.test.ts'
    ])
      touch(root, file)
    expect(isCurrent(root)).toBe(true)
  })

  it('is stale without a bundle or without the library entry', () => {
    const noBundle = clone()
    rmSync(join(noBundle, 'dist/bin/iamport-mock.mjs'))
    expect(isCurrent(noBundle)).toBe(false)
    const noLibrary = clone()
    rmSync(join(noLibrary, 'dist/mock-server/index.js'))
    expect(isCurrent(noLibrary)).toBe(false)
  })
})
