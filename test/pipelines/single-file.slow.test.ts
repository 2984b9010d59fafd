// The single-file server: dist/bin/iamport-mock.mjs copied alone into an empty folder runs with
// plain node (no node_modules, no package.json): the quickest way into a pipeline that has Node,
// and the whole of the container image.
import { afterAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { assertBuilt, CLI_PATH } from '../support/spawn.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'
import { startUntilReady, stop, type Started } from './process.js'

describe('the single-file server copied alone', () => {
  let dir: string
  let server: Started | undefined
  afterAll(async () => {
    await stop(server)
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts from an empty folder with plain node and serves the API', async () => {
    assertBuilt()
    dir = mkdtempSync(join(tmpdir(), 'iamport-mock-alone-'))
    copyFileSync(CLI_PATH, join(dir, 'iamport-mock.mjs'))
    expect(readdirSync(dir)).toEqual(['iamport-mock.mjs'])

    // No NODE_PATH: the only modules it can find are node's own.
    const env = { ...process.env, NODE_PATH: '', PORT: '', HOST: '' }
    server = await startUntilReady(process.execPath, ['iamport-mock.mjs', '--port', '0', '--log-level', 'silent'], { cwd: dir, env })

    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200)
    const token = await fetch(`${server.url}/users/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })
    })
    expect(((await token.json()) as { code: number }).code).toBe(0)
  })
})
