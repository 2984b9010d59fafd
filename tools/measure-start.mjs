#!/usr/bin/env node
// How long `npm start` takes to a healthy server with a current build, against the single-file
// server started alone: spawn to the first 200 from GET /__mock/health, alternating, median of N
// (default 5). The target (issue 16) is within 1.5× of the single-file server.
//
//   node tools/measure-start.mjs [runs]      (after `npm run build`)
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const runs = Number(process.argv[2] ?? 5)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function timeToHealthy(command, args) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(command, [...args, '--port', String(port), '--log-level', 'silent'], { cwd: root, stdio: 'ignore' })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`)
      try {
        const res = await fetch(`http://127.0.0.1:${port}/__mock/health`)
        if (res.status === 200) return performance.now() - started
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5))
    }
  } finally {
    child.kill('SIGTERM')
    await exited
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const single = []
const npmStart = []
const launcher = []
await timeToHealthy(npm, ['start', '--silent', '--']) // builds first if a source changed; not counted
for (let i = 0; i < runs; i++) {
  single.push(await timeToHealthy(process.execPath, ['dist/bin/iamport-mock.mjs']))
  npmStart.push(await timeToHealthy(npm, ['start', '--silent', '--']))
  launcher.push(await timeToHealthy(process.execPath, ['tools/start.mjs']))
}
const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(', ')
console.log(`single-file server (node dist/bin/iamport-mock.mjs): median ${median(single).toFixed(0)} ms (${fmt(single)})`)
console.log(`npm start, build current:                           median ${median(npmStart).toFixed(0)} ms (${fmt(npmStart)})`)
console.log(`its launcher without npm (node tools/start.mjs):     median ${median(launcher).toFixed(0)} ms (${fmt(launcher)})`)
console.log(`ratio: ${(median(npmStart) / median(single)).toFixed(2)}× (target: within 1.5×)`)
