/**
 * `npm run measure:data`: what `--data` costs. Prints
 *   1. raw append throughput of the data file (a payment line), fsync off and always;
 *   2. `POST /subscribe/payments/again` requests per second on the built bin, in memory, with
 *      `--data` and with `--data --data-fsync always`, in the same run, alternating rounds, and
 *      the server's CPU time per call (from /proc), which other load on the machine disturbs less.
 * Figures only: nothing here is asserted (the brief keeps speed out of unit tests).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'node:http'
import { DataFileWriter } from '../mock-server/shared/persistence/data-file.js'
import { spawnCli, type SpawnedServer } from '../test/support/spawn.js'
import { APPROVED_CARD } from '../fixtures/cards/catalogue.js'
import { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'

const dir = mkdtempSync(join(tmpdir(), 'iamport-mock-measure-'))
const SECONDS = Number(process.env.MEASURE_SECONDS ?? 5)
const CONNECTIONS = 32
const ROUNDS = Number(process.env.MEASURE_ROUNDS ?? 3)

const samplePayment = {
  t: 'payment',
  k: 'imp_apikey',
  r: {
    imp_uid: 'imps_123456789012',
    merchant_uid: 'order_000001',
    amount: 9900,
    currency: 'KRW',
    channel: { pg_provider: 'nice', pg_id: 'nictest04m', sandbox: false },
    card: { card_number: '42424242****4242', card_code: '367', card_name: '현대카드', card_type: 0, charge_fail_reason: null },
    customer_uid: 'customer_1',
    customer_uid_usage: 'payment',
    card_quota: 0,
    started_at: 1772323200,
    status: 'paid',
    cancel_amount: 0,
    cancelled_at: 0,
    cancel_reason: null,
    cancel_history: null,
    updated_at: 1772323200,
    pg_tid: 'nictest04m01162603010000001234',
    apply_num: '12345678',
    paid_at: 1772323200,
    failed_at: 0,
    fail_reason: null,
    name: '월간 이용권',
    buyer_name: null,
    buyer_email: null,
    buyer_tel: null,
    buyer_addr: null,
    buyer_postcode: null,
    custom_data: null,
    notice_url: null
  }
} as const

function appendRate(fsync: 'off' | 'always', count: number): number {
  const writer = new DataFileWriter(join(dir, `append-${fsync}.jsonl`), fsync)
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i++) writer.append(samplePayment as never)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  writer.close()
  return count / seconds
}

function post(agent: Agent, url: URL, path: string, body: object, headers: Record<string, string> = {}): Promise<any> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers }
      },
      (res) => {
        let data = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => (data += c))
        res.on('end', () => resolve(JSON.parse(data)))
      }
    )
    req.on('error', reject)
    req.end(payload)
  })
}

/** CPU time (user + system) a process has used, in ms, from /proc: steadier than req/s on a shared machine. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime, stime in clock ticks (USER_HZ 100)
}

/** again calls per second over SECONDS with CONNECTIONS in flight, and the server's CPU µs per call. */
async function againRate(server: SpawnedServer, round: number): Promise<{ rate: number; cpuUs: number }> {
  const url = new URL(server.url)
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS })
  const token = (await post(agent, url, '/users/getToken', DEFAULT_MERCHANT)).response.access_token as string
  const auth = { authorization: token }
  await post(agent, url, '/subscribe/customers/measure', { card_number: APPROVED_CARD, expiry: '2030-12' }, auth)
  let n = 0
  let done = 0
  const until = Date.now() + SECONDS * 1000
  const worker = async () => {
    while (Date.now() < until) {
      const answer = await post(
        agent,
        url,
        '/subscribe/payments/again',
        { customer_uid: 'measure', merchant_uid: `m${round}_${n++}`, amount: 1000, name: 'x' },
        auth
      )
      if (answer.code !== 0 || answer.response.status !== 'paid') throw new Error(`unexpected answer: ${JSON.stringify(answer).slice(0, 200)}`)
      done++
    }
  }
  const started = Date.now()
  const cpuBefore = cpuMs(server.child.pid!)
  await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  const cpuUs = ((cpuMs(server.child.pid!) - cpuBefore) * 1000) / done
  agent.destroy()
  return { rate: done / ((Date.now() - started) / 1000), cpuUs }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function main(): Promise<void> {
  process.stdout.write('data file appends (one payment line, about 900 bytes):\n')
  process.stdout.write(`  fsync off:    ${Math.round(appendRate('off', 20_000)).toLocaleString('en')} lines/s\n`)
  process.stdout.write(`  fsync always: ${Math.round(appendRate('always', 500)).toLocaleString('en')} lines/s\n`)

  const variants: Array<[string, string[]]> = [
    ['in memory (default)', []],
    ['--data', ['--data', join(dir, 'again.jsonl')]],
    ['--data --data-fsync always', ['--data', join(dir, 'again-fsync.jsonl'), '--data-fsync', 'always']]
  ]
  const rates = new Map<string, number[]>(variants.map(([name]) => [name, []]))
  const cpu = new Map<string, number[]>(variants.map(([name]) => [name, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, args] of variants) {
      const server = await spawnCli(['--port', '0', '--log-level', 'warn', ...args])
      try {
        const result = await againRate(server, round)
        rates.get(name)!.push(result.rate)
        cpu.get(name)!.push(result.cpuUs)
      } finally {
        server.child.kill('SIGTERM')
        await server.exited
      }
    }
  }
  const base = median(rates.get(variants[0]![0])!)
  const baseCpu = median(cpu.get(variants[0]![0])!)
  process.stdout.write(`\nPOST /subscribe/payments/again, ${CONNECTIONS} connections, ${SECONDS} s, median of ${ROUNDS} rounds:\n`)
  for (const [name] of variants) {
    const rate = median(rates.get(name)!)
    const us = median(cpu.get(name)!)
    process.stdout.write(
      `  ${name.padEnd(28)} ${Math.round(rate).toLocaleString('en').padStart(7)} req/s (${((rate / base) * 100).toFixed(0)}%)` +
        `   server CPU ${Math.round(us).toLocaleString('en').padStart(6)} µs/call (${((us / baseCpu) * 100).toFixed(0)}%)\n`
    )
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
    process.exitCode = 1
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }))
