// `npm start` in a clone: killing its parent (npm) leaves nothing listening, and a start with a
// current build does not build again. tools/start.mjs is the launcher.
import { afterEach, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { assertBuilt } from '../support/spawn.js'
import { goesAway, startUntilReady, stop, type Started } from './process.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const env = { ...process.env, PORT: '', HOST: '' }

function npmStart(): Promise<Started> {
  return startUntilReady(npm, ['start', '--', '--port', '0', '--log-level', 'silent'], { cwd: root, env }, 120_000)
}

describe('npm start', () => {
  let started: Started | undefined
  afterEach(async () => stop(started))

  it('stops the server when npm, its parent, is killed', async () => {
    assertBuilt()
    started = await npmStart()
    expect((await fetch(`${started.url}/__mock/health`)).status).toBe(200)

    started.child.kill('SIGTERM') // what `kill $!` does to `npm start &`

    await started.exited
    expect(await goesAway(started.url)).toBe(true)
  }, 150_000)

  it('with nothing changed since the last build, starts without building', async () => {
    // The first start builds if a source is newer than dist/; the second must not.
    const first = await npmStart()
    await stop(first)

    started = await npmStart()

    expect(started.output()).not.toContain('building')
    expect((await fetch(`${started.url}/__mock/health`)).status).toBe(200)
  }, 150_000)
})
