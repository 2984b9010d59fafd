#!/usr/bin/env node
// `npm start` in a clone: builds only when a source is newer than the built server, then runs the
// built server in this same process.
//
// Why not `prestart: npm run build` + `node dist/bin/…`: that ran tsc and esbuild on every start
// (about 4 s before the first request), and put npm and a shell between the caller and the server.
// `npm start &` then `kill $!` killed npm and the shell but left node listening on the port. Here
// there is one node process under the shell, and it exits when its parent goes away (the shell
// dies on a signal without passing it on), so nothing is left behind.
import { spawnSync } from 'node:child_process'
import { utimesSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BUNDLE, buildIsCurrent } from './build-freshness.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, BUNDLE)

if (!buildIsCurrent(root)) {
  const startedAt = new Date()
  process.stderr.write('iamport-mock: a source changed since the last build; building (npm run build)\n')
  // npm sets npm_execpath when it runs this script; outside npm, npm from PATH.
  const npm = process.env.npm_execpath
  const result = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) {
    process.stderr.write(`iamport-mock: the build failed (${result.signal ?? `exit ${result.status}`})\n`)
    process.exit(1)
  }
  // Stamp the bundle with the time the build began: a source saved during the build stays newer.
  utimesSync(bin, startedAt, startedAt)
}

// When the parent goes away without passing its signal on, this process is re-parented; stop as
// Ctrl-C would. The check is a cheap getter; the timer does not keep the process alive.
const parent = process.ppid
const parentWatch = setInterval(() => {
  if (process.ppid === parent) return
  clearInterval(parentWatch)
  process.kill(process.pid, 'SIGTERM')
}, 200).unref()

// The server reads its flags from process.argv (everything after this script's name).
await import(pathToFileURL(bin).href)
