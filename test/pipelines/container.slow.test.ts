// The container without Docker: the image's final stage holds only the single-file server, and its
// ENTRYPOINT, HEALTHCHECK and STOPSIGNAL are plain commands; this runs them the same way outside a
// container (/app/iamport-mock.mjs is a copy of the bundle in an empty folder). What only a
// machine with Docker verifies: that the image builds, and that it starts as the `node` user.
import { afterAll, describe, expect, it } from 'vitest'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { assertBuilt, CLI_PATH } from '../support/spawn.js'
import { goesAway, startUntilReady, stop, type Started } from './process.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, ' ')
/** The instructions of the last stage (the image that ships). */
const finalStage = dockerfile.split(/^FROM /m).pop()!
const instruction = (name: string): string | undefined => new RegExp(`^${name} (.*)$`, 'm').exec(finalStage)?.[1]
const jsonArray = (text: string | undefined): string[] => JSON.parse(text ?? 'null') as string[]

describe('the container image, run without Docker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-image-'))
  let server: Started | undefined
  afterAll(async () => {
    await stop(server)
    rmSync(dir, { recursive: true, force: true })
  })

  it('ships only the single-file server on an official Node alpine base, as a non-root user', () => {
    expect(finalStage).toMatch(/^node:\$\{NODE_VERSION\}-alpine\n/)
    expect(finalStage.match(/^COPY .*$/gm)).toEqual([
      'COPY --from=build --chown=root:root --chmod=0444 /src/dist/bin/iamport-mock.mjs /app/iamport-mock.mjs'
    ])
    expect(instruction('USER')).toBe('node')
    expect(instruction('EXPOSE')).toBe('4010')
    expect(instruction('ENV')).toContain('PORT=4010')
    expect(instruction('STOPSIGNAL')).toBe('SIGTERM')
    expect(readFileSync(join(root, '.dockerignore'), 'utf8')).toMatch(/^node_modules$/m)
  })

  it('its ENTRYPOINT binds every interface and its HEALTHCHECK passes; STOPSIGNAL stops it cleanly', async () => {
    assertBuilt()
    copyFileSync(CLI_PATH, join(dir, 'iamport-mock.mjs'))
    const onDisk = (args: string[]) => args.map((a) => (a === '/app/iamport-mock.mjs' ? join(dir, 'iamport-mock.mjs') : a))
    const [command, ...args] = jsonArray(instruction('ENTRYPOINT'))
    expect(command).toBe('node')
    expect(jsonArray(instruction('CMD'))).toEqual([])

    // As `docker run image --seed image-test` with PORT=0 so the test never collides on 4010.
    server = await startUntilReady(process.execPath, [...onDisk(args), '--seed', 'image-test'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST: '' }
    })
    const port = new URL(server.url).port
    expect(server.output()).toContain(`(listening on 0.0.0.0:${port}, every interface; seed image-test;`)

    const healthcheck = jsonArray(/^HEALTHCHECK .*CMD (\[.*\])$/m.exec(finalStage)?.[1])
    const check = () => spawnSync(process.execPath, healthcheck.slice(1), { env: { ...process.env, PORT: port }, timeout: 10_000 }).status
    expect(healthcheck[0]).toBe('node')
    expect(check()).toBe(0)

    server.child.kill(instruction('STOPSIGNAL') as NodeJS.Signals)
    expect(await server.exited).toBe(0)
    expect(await goesAway(server.url)).toBe(true)
    expect(check()).toBe(1)
  })

  it('the compose example starts the merchant app only once the simulator is healthy', () => {
    const compose = readFileSync(join(root, 'docker-compose.example.yml'), 'utf8')
    expect(compose).toMatch(/depends_on:\n\s+iamport-mock:\n\s+condition: service_healthy/)
    expect(compose).toContain('IAMPORT_API_URL: http://iamport-mock:4010')
  })
})
