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
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'dist/bin/iamport-mock.mjs')
/** What the build reads: the source folders and the files that steer tsc and esbuild. */
const SOURCE_DIRS = ['api', 'mock-server', 'client', 'fixtures']
const SOURCE_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'tools/bundle-bin.mjs']

/** The newest modification time among the build's inputs, in milliseconds. */
function newestSource() {
  let newest = 0
  const visit = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const full = join(path, entry.name)
      if (entry.isDirectory()) visit(full)
      else if (/\.(ts|json|mjs|js)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir))
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs)
  return newest
}

function buildIsCurrent() {
  return existsSync(bin) && existsSync(join(root, 'dist/mock-server/index.js')) && statSync(bin).mtimeMs >= newestSource()
}

if (!buildIsCurrent()) {
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
