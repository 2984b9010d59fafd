/**
 * Starts the bundled `iamport-mock` bin as a child process and waits for its ready line: what a CI
 * job or a developer does. Tests that use this belong to the `slow` vitest project, whose
 * global setup (bundle-bin.ts) bundles the bin from the sources before they run.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const CLI_PATH = fileURLToPath(new URL('../../dist/bin/iamport-mock.mjs', import.meta.url))

export interface SpawnedServer {
  child: ChildProcess
  url: string
  readyLine: string
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>
}

export function assertBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: tests that spawn the bin belong to the "slow" project (vitest.config.ts), which bundles it`)
  }
}

/** Spawns the bin and resolves at its ready line; rejects with its stderr if it exits first. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<SpawnedServer> {
  assertBuilt()
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    // V2_PORT 0: a test naming a V1 port must not also take the default V2 port 4011.
    env: { ...process.env, PORT: '', HOST: '', V2_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8')
  child.stderr!.setEncoding('utf8')
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      const match = /iamport-mock ready on (http:\/\/\S+)/.exec(out)
      if (match) {
        const readyLine = out.split('\n').find((l) => l.includes('ready on'))!
        resolve({ child, url: match[1]!, readyLine, stdout: () => out, stderr: () => err, exited })
      }
    })
    child.stderr!.on('data', (chunk: string) => (err += chunk))
    exited.then((code) => reject(Object.assign(new Error(`iamport-mock exited with ${code}: ${err}`), { code, stderr: err })))
  })
}

/** Runs the bin to completion (for argument errors) and returns its exit code and output. */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  try {
    const server = await spawnCli(args)
    server.child.kill('SIGTERM')
    return { code: await server.exited, stdout: server.stdout(), stderr: server.stderr() }
  } catch (err) {
    const e = err as { code: number | null; stderr: string }
    return { code: e.code, stdout: '', stderr: e.stderr }
  }
}

/** Stops a spawned simulator that is still running (an afterEach for tests that spawn one). */
export async function stopCli(server: SpawnedServer | undefined): Promise<void> {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM')
    await server.exited
  }
}
