// The release a user installs: `npm pack`, then `npm install <tarball>` into an empty project the
// way a merchant's repository would, offline-first from the local npm cache. Nothing may warn, and
// the bin, the library entry and the client and fixtures entries must work from node_modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assertBuilt } from '../support/spawn.js'
import { startUntilReady, stop, type Started } from './process.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> }
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
// As a user's shell would run npm: without the npm_* settings of an npm (or npx -p node@22) that
// runs this test, which would otherwise leak into the user project's npm.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')))

describe('the packed tarball, installed into an empty project', () => {
  let dir: string
  let project: string
  let installOutput: string
  let bin: Started | undefined

  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'iamport-mock-pack-'))
    // The slow project's global setup (test/support/bundle-bin.ts) has just built dist/ from the
    // sources; packing without the prepack build keeps this test short and leaves dist/ alone.
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: root, env, encoding: 'utf8' })
    const tarball = join(dir, packed.trim().split('\n').pop()!)
    project = join(dir, 'project')
    mkdirSync(project)
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'merchant-app', version: '1.0.0', private: true, type: 'module' }))
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev', tarball], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, npm_config_loglevel: 'warn' }
    })
    installOutput = install.stdout + install.stderr
    if (install.status !== 0) throw new Error(`npm install failed:\n${installOutput}`)
  }, 180_000)

  afterAll(async () => {
    await stop(bin)
    rmSync(dir, { recursive: true, force: true })
  })

  it('builds on prepack and runs no install script in the user project', () => {
    expect(pkg.scripts.prepack).toBe('npm run build')
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[hook]).toBeUndefined()
  })

  it('installs without a warning', () => {
    expect(installOutput).not.toMatch(/warn/i)
  })

  it('npx iamport-mock answers --version and starts', async () => {
    expect(execFileSync(npx, ['iamport-mock', '--version'], { cwd: project, env, encoding: 'utf8' })).toBe(`${pkg.version}\n`)
    bin = await startUntilReady(join(project, 'node_modules/.bin/iamport-mock'), ['--port', '0', '--log-level', 'silent'], { cwd: project, env })
    expect((await fetch(`${bin.url}/__mock/health`)).status).toBe(200)
  })

  it('imports createMockServer, the client and the fixtures as ES modules', () => {
    writeFileSync(
      join(project, 'check.mjs'),
      `import { createMockServer } from 'iamport-mock'
import { createIamportClient, createMockControl } from 'iamport-mock/client'
import { MAGIC_CARDS } from 'iamport-mock/fixtures'
const server = await createMockServer()
const health = await createMockControl(server.url).health()
const client = createIamportClient({ baseURL: server.url, impKey: 'imp_apikey', impSecret: 'ekKoeW8RyKuT0zgaZsUtXXTLQ4AhPFW3ZGseDA6bkA5lamv9OqDMnxyeB9wqOsuO9W3Mx9YSJ4dTqJ3f' })
const token = await client.auth.getToken()
await server.close()
console.log(JSON.stringify({ health: typeof health, token: typeof token.access_token, cards: MAGIC_CARDS.length > 0 }))
`
    )
    const out = execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ health: 'object', token: 'string', cards: true })
  })
})
