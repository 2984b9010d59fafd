/**
 * Starts any command that prints the simulator's ready line (the bundle copied elsewhere, `npm
 * start`, an installed package's bin, the GitHub Action's script) and waits for that line. The
 * pipelines tests run things the way a CI job does, so they need more than spawnCli's fixed bin.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

export interface Started {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

export function startUntilReady(command: string, args: string[], options: SpawnOptions = {}, timeoutMs = 60_000): Promise<Started> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let out = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs} ms:\n${out}`)), timeoutMs)
    const read = (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const match = /iamport-mock ready on (http:\/\/\S+)/.exec(out)
      if (match) {
        clearTimeout(timer)
        resolve({ child, url: match[1]!, output: () => out, exited })
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`${command} exited with ${code} before its ready line:\n${out}`))
    })
  })
}

/** True once nothing answers on `url` any more (polled: the process is given time to close). */
export async function goesAway(url: string, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      await fetch(`${url}/__mock/health`, { signal: AbortSignal.timeout(500) })
    } catch {
      return true
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

export async function stop(started: Started | undefined): Promise<void> {
  if (started && started.child.exitCode === null && started.child.signalCode === null) {
    started.child.kill('SIGTERM')
    await started.exited
  }
}
