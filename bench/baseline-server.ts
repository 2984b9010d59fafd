/**
 * The baseline: bare Fastify, the limit for our stack on this machine. One JSON POST route that
 * answers with a body the size and shape of a Payment envelope (about 1.3 KB), built and
 * serialised per request (Fastify's default JSON.stringify, no schema), and a health route so
 * start-up is timed the same way as the simulator's.
 *
 * Logging is configured as the benchmark runs the simulator (`--log-level warn`): a pino logger
 * exists, a child logger per request is made, no line is written per request.
 *
 *   node bench/build/baseline-server.js [--port N]   (prints "baseline ready on http://127.0.0.1:PORT")
 */
import { parseArgs } from 'node:util'
import Fastify from 'fastify'

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } })

const app = Fastify({ logger: { level: 'warn' } })
let serial = 0

app.get('/__mock/health', async () => ({ status: 'ok' }))

app.post('/bench', async (request) => {
  const body = request.body as { merchant_uid?: string; customer_uid?: string; amount?: number; name?: string }
  const now = Math.floor(Date.now() / 1000)
  const pgTid = `nictest04m0116${now}${String(serial % 10_000).padStart(4, '0')}`
  return {
    code: 0,
    message: null,
    response: {
      imp_uid: `imps_${String(++serial).padStart(12, '0')}`,
      merchant_uid: body.merchant_uid ?? null,
      pay_method: 'card',
      channel: 'api',
      pg_provider: 'nice',
      emb_pg_provider: null,
      pg_tid: pgTid,
      pg_id: 'nictest04m',
      sandbox: false,
      escrow: false,
      apply_num: '18088274',
      bank_code: null,
      bank_name: null,
      card_code: '367',
      card_name: '현대카드',
      card_issuer_code: null,
      card_issuer_name: null,
      card_publisher_code: null,
      card_publisher_name: null,
      card_quota: 0,
      card_number: '42424242****4242',
      card_type: 0,
      vbank_code: null,
      vbank_name: null,
      vbank_num: null,
      vbank_holder: null,
      vbank_date: 0,
      vbank_issued_at: 0,
      name: body.name ?? null,
      amount: body.amount ?? 0,
      cancel_amount: 0,
      currency: 'KRW',
      buyer_name: null,
      buyer_email: null,
      buyer_tel: null,
      buyer_addr: null,
      buyer_postcode: null,
      custom_data: null,
      user_agent: 'sorry_not_supported_anymore',
      status: 'paid',
      started_at: now,
      paid_at: now,
      failed_at: 0,
      cancelled_at: 0,
      fail_reason: null,
      cancel_reason: null,
      receipt_url: `https://npg.nicepay.co.kr/issue/IssueLoader.do?TID=${pgTid}&type=0`,
      cancel_history: [],
      cancel_receipt_urls: [],
      deposit_history: [],
      cash_receipt_issued: false,
      customer_uid: body.customer_uid ?? null,
      customer_uid_usage: 'payment',
      promotion: null
    }
  }
})

const address = await app.listen({ port: Number(values.port), host: '127.0.0.1' })
process.stdout.write(`baseline ready on ${address}\n`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close())
