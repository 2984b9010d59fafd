/**
 * `npx tsx tools/measure-hardening.ts`: the figures docs/hardening-2.md quotes, measured on the
 * built bin (run `npm run build` first):
 *   1. RSS of a simulator holding 30,000 payments, before and after reading its whole state
 *      page by page (GET /__mock/state, then /__mock/state/{family} to the end);
 *   2. a 50 MB text/plain body, chunked and with a Content-Length: status and time to the answer;
 *   3. an unfinished body under --request-timeout 1000: status and time to the close.
 * Figures only; nothing is asserted.
 */
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { spawnCli, stopCli } from '../test/support/spawn.js'
import { createMockControl } from '../client/mock-control.js'
import { STATE_FAMILIES } from '../api/control/schemas.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'

const mib = (kb: number) => (kb / 1024).toFixed(1)
function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)![1])
  return { rss: field('VmRSS'), hwm: field('VmHWM') }
}

function exchange(url: string, head: string, bodyBytes: number): Promise<{ status: number; ms: number; sent: number }> {
  const { hostname, port } = new URL(url)
  const started = performance.now()
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    let answer = ''
    let sent = 0
    let answeredAt = 0
    socket.setEncoding('utf8')
    socket.on('data', (t: string) => {
      answer += t
      answeredAt ||= performance.now()
    })
    socket.on('error', () => {})
    socket.on('close', () =>
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]), ms: (answeredAt || performance.now()) - started, sent })
    )
    socket.write(head)
    const piece = Buffer.alloc(64 * 1024, 0x61)
    const pump = () => {
      while (sent < bodyBytes && !socket.destroyed) {
        sent += piece.length
        if (!socket.write(piece)) return void socket.once('drain', pump)
      }
    }
    pump()
  })
}

const PAYMENTS = 30_000
const server = await spawnCli(['--port', '0', '--log-level', 'silent', '--seed', 'measure', '--preload-payments', String(PAYMENTS)])
const pid = server.child.pid!
const control = createMockControl(server.url)
const before = memory(pid)
let records = 0
const started = performance.now()
const { merchants } = await control.state(undefined, { limit: 1000 })
for (const m of merchants) {
  for (const family of STATE_FAMILIES) {
    records += m[family].length
    let cursor = m.next[family]
    while (cursor !== null) {
      const page = await control.statePage(family, m.imp_key, { cursor, limit: 1000 })
      records += page.items.length
      cursor = page.next
    }
  }
}
const after = memory(pid)
console.log(
  `state of ${PAYMENTS} payments: ${records} records read in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `RSS ${mib(before.rss)} → ${mib(after.rss)} MiB (+${mib(after.rss - before.rss)}), peak ${mib(before.hwm)} → ${mib(after.hwm)} MiB (+${mib(after.hwm - before.hwm)})`
)

const tokenAnswer = (await (
  await fetch(`${server.url}/users/getToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEFAULT_MERCHANT)
  })
).json()) as { response: { access_token: string } }
const token = tokenAnswer.response.access_token
const size = 50 * 1024 * 1024
const head = `POST /subscribe/payments/again HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\nContent-Type: text/plain\r\n`
const chunked = await exchange(server.url, `${head}Transfer-Encoding: chunked\r\n\r\n${size.toString(16)}\r\n`, size)
const declared = await exchange(server.url, `${head}Content-Length: ${size}\r\n\r\n`, size)
const rss50 = memory(pid)
console.log(
  `50 MB text/plain: chunked ${chunked.status} after ${chunked.ms.toFixed(0)} ms (${mib(chunked.sent / 1024)} MiB written before the close); ` +
    `with Content-Length ${declared.status} after ${declared.ms.toFixed(0)} ms (${mib(declared.sent / 1024)} MiB written); peak RSS then ${mib(rss50.hwm)} MiB`
)
await stopCli(server)

const slow = await spawnCli(['--port', '0', '--log-level', 'silent', '--request-timeout', '1000'])
const unfinished = await exchange(
  slow.url,
  `POST /users/getToken HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"a":`,
  0
)
console.log(`unfinished body under --request-timeout 1000: ${unfinished.status} after ${unfinished.ms.toFixed(0)} ms`)
await stopCli(slow)
