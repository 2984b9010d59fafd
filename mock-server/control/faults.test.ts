/** Fault rules end to end, through real HTTP: each action as the merchant's client sees it. */
import { afterEach, describe, expect, it } from 'vitest'
import { deferred, expectSocketError, startHttp, type HttpHarness } from '../../test/support/http.js'
import { errors } from '../../api/v1/catalogue.js'
import { MockControlError } from '../../client/mock-control.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('fault actions', () => {
  it('answers an error action with the envelope and does nothing', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_err')
    await h.control.faults.add({
      match: { path: '/subscribe/payments/again', customer_uid: 'c_err' },
      action: { type: 'error', code: 1, message: '카드사 점검 시간입니다.' }
    })

    const res = await m.again('order_err', 'c_err')
    expect(res.status).toBe(200)
    expect(res.data).toEqual({ code: 1, message: '카드사 점검 시간입니다.', response: null })
    expect((await m.find('order_err')).status).toBe(404)
    // times defaults to 1: the next call is handled normally.
    expect((await m.again('order_err', 'c_err')).data.response.status).toBe('paid')
  })

  it('uses the http_status an error action gives', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ action: { type: 'error', http_status: 500, message: 'boom' } })
    const res = await m.http.get('/payments/imp_000000000000')
    expect(res.status).toBe(500)
    expect(res.data).toEqual({ code: -1, message: 'boom', response: null })
  })

  it('records a declined charge as failed with the fail_reason, code 0', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_dec')
    await h.control.faults.add({ match: { customer_uid: 'c_dec' }, action: { type: 'decline', fail_reason: '잔액부족' } })

    const res = await m.again('order_dec', 'c_dec')
    expect(res.data.code).toBe(0)
    expect(res.data.response).toMatchObject({ status: 'failed', fail_reason: '잔액부족', merchant_uid: 'order_dec' })
    expect((await m.find('order_dec')).data.response.status).toBe('failed')
  })

  it('lets a decline rule pass over calls that are not charges', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ match: { customer_uid: 'c_skip' }, action: { type: 'decline', fail_reason: '한도초과' } })
    // Issuing the key and reading it are not charges: the rule stays in force for the charge.
    expect((await m.issueKey('c_skip')).data.code).toBe(0)
    expect((await m.http.get('/subscribe/customers/c_skip')).data.code).toBe(0)
    expect(await h.control.faults.list()).toHaveLength(1)
    expect((await m.again('order_skip', 'c_skip')).data.response.fail_reason).toBe('한도초과')
    expect(await h.control.faults.list()).toHaveLength(0)
  })

  it('declines a onetime payment and still stores the key the PG accepted', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({
      match: { path: '/subscribe/payments/onetime' },
      action: { type: 'decline', fail_reason: '한도초과' }
    })
    const res = await m.http.post('/subscribe/payments/onetime', {
      merchant_uid: 'order_once',
      amount: 5000,
      card_number: '4242-4242-4242-4242',
      expiry: '2030-12',
      customer_uid: 'c_once'
    })
    expect(res.data.response).toMatchObject({ status: 'failed', fail_reason: '한도초과', customer_uid: 'c_once' })
    expect((await m.http.get('/subscribe/customers/c_once')).data.code).toBe(0)
  })

  it('delays a request, then handles it normally', async () => {
    const waits: number[] = []
    const release = deferred()
    h = await startHttp({
      faultSleep: (ms) => {
        waits.push(ms)
        return release.promise
      }
    })
    const m = await h.merchant()
    await m.issueKey('c_delay')
    await h.control.faults.add({ match: { customer_uid: 'c_delay' }, action: { type: 'delay', ms: 1500 } })

    const pending = m.again('order_delay', 'c_delay')
    await expect.poll(() => waits).toEqual([1500])
    // Held: nothing is charged until the wait ends.
    expect((await h.control.state()).merchants[0]!.payments).toHaveLength(0)
    release.resolve()
    const res = await pending
    expect(res.data.response.status).toBe('paid')
  })

  it('waits for real when no sleep is injected', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ action: { type: 'delay', ms: 20 } })
    const res = await m.http.get('/payments/imp_000000000000')
    expect(res.data).toEqual(errors.paymentNotFound().toEnvelope())
    const [entry] = (await h.control.requests({ limit: 1 })).entries
    expect(entry!.fault).toMatch(/^flt_/)
    expect(entry!.duration_ms).toBeGreaterThanOrEqual(15)
  })

  it('answers a raw gateway page for an http action, not an envelope', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_http')
    await h.control.faults.add({ match: { path: '/subscribe/payments/again' }, action: { type: 'http', status: 502 } })

    const res = await m.again('order_http', 'c_http')
    expect(res.status).toBe(502)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.data).toContain('502 Bad Gateway')
    expect((await m.find('order_http')).status).toBe(404)
  })

  it('sends the body an http action gives, as JSON or text', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ action: { type: 'http', status: 429, body: { message: 'slow down' } } })
    await h.control.faults.add({ action: { type: 'http', status: 503, body: 'upstream maintenance' } })
    const json = await m.http.get('/payments/imp_1')
    expect(json.status).toBe(429)
    expect(json.data).toEqual({ message: 'slow down' })
    const text = await m.http.get('/payments/imp_1')
    expect(text.status).toBe(503)
    expect(text.headers['content-type']).toMatch(/^text\/plain/)
    expect(text.data).toBe('upstream maintenance')
  })

  it('drops the connection and does nothing', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_drop')
    await h.control.faults.add({ match: { customer_uid: 'c_drop', path: '/subscribe/payments/again' }, action: { type: 'drop' } })

    await expectSocketError(m.again('order_drop', 'c_drop'))
    expect((await m.find('order_drop')).status).toBe(404)
    const [entry] = (await h.control.requests({ impKey: m.impKey })).entries.filter((e) => e.outcome === 'dropped')
    expect(entry).toMatchObject({ method: 'POST', path: '/subscribe/payments/again', status: null, outcome: 'dropped' })
  })

  it('commits a charge, then drops the connection: the payment is found by merchant_uid', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_commit')
    await h.control.faults.add({ match: { merchant_uid: 'order_commit' }, action: { type: 'commit_then_drop' } })

    await expectSocketError(m.again('order_commit', 'c_commit', 12_000))
    // The reconciliation a merchant must do after an ambiguous timeout.
    const found = await m.find('order_commit')
    expect(found.data.code).toBe(0)
    expect(found.data.response).toMatchObject({ merchant_uid: 'order_commit', status: 'paid', amount: 12_000 })
    // Retrying the charge blindly would be refused: the order is already paid.
    expect((await m.again('order_commit', 'c_commit', 12_000)).data).toEqual(errors.alreadyPaid('order_commit').toEnvelope())
  })

  it('commits a billing key issue and a cancel before dropping', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ match: { method: 'POST', path: '/subscribe/customers/:customer_uid' }, action: { type: 'commit_then_drop' } })
    await expectSocketError(m.issueKey('c_committed'))
    expect((await m.http.get('/subscribe/customers/c_committed')).data.response.customer_uid).toBe('c_committed')

    await m.again('order_cancel', 'c_committed', 3000)
    await h.control.faults.add({ match: { path: '/payments/cancel' }, action: { type: 'commit_then_drop' } })
    await expectSocketError(m.http.post('/payments/cancel', { merchant_uid: 'order_cancel' }))
    expect((await m.find('order_cancel')).data.response.status).toBe('cancelled')
  })

  it('plays a then sequence: decline, decline, approve', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_seq')
    await h.control.faults.add({
      match: { customer_uid: 'c_seq' },
      action: { type: 'decline', fail_reason: '잔액부족' },
      then: [{ type: 'decline', fail_reason: '한도초과' }, { type: 'pass' }]
    })

    const outcomes = []
    for (let i = 1; i <= 4; i++) {
      const res = await m.again(`order_seq_${i}`, 'c_seq')
      outcomes.push([res.data.response.status, res.data.response.fail_reason])
    }
    expect(outcomes).toEqual([
      ['failed', '잔액부족'],
      ['failed', '한도초과'],
      ['paid', null],
      ['paid', null]
    ])
    expect(await h.control.faults.list()).toEqual([])
  })

  it('repeats the last step of a sequence while times lasts', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({
      match: { path: '/payments/:imp_uid' },
      action: { type: 'pass' },
      then: [{ type: 'http', status: 503 }],
      times: 3
    })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await m.http.get('/payments/imp_1')).status)
    expect(statuses).toEqual([404, 503, 503, 404])
  })

  it('acts until deleted with times null, and stops once deleted', async () => {
    h = await startHttp()
    const m = await h.merchant()
    const rule = await h.control.faults.add({ match: { path: '/payments/imp_1' }, action: { type: 'http', status: 504 }, times: null })
    for (let i = 0; i < 3; i++) expect((await m.http.get('/payments/imp_1')).status).toBe(504)
    expect((await h.control.faults.list())[0]).toMatchObject({ id: rule.id, hits: 3, remaining: null })
    await h.control.faults.remove(rule.id)
    expect((await m.http.get('/payments/imp_1')).status).toBe(404)
  })

  it('applies rules in the order they were added, one rule per request', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await h.control.faults.add({ match: { path: '/payments/imp_1' }, action: { type: 'http', status: 502 } })
    await h.control.faults.add({ action: { type: 'http', status: 503 } })
    expect((await m.http.get('/payments/imp_1')).status).toBe(502)
    expect((await m.http.get('/payments/imp_1')).status).toBe(503)
    expect((await m.http.get('/payments/imp_1')).status).toBe(404)
  })

  it('matches amount and method', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_amt')
    await h.control.faults.add({ match: { method: 'POST', amount: 50_000 }, action: { type: 'decline', fail_reason: '한도초과' } })
    expect((await m.again('order_small', 'c_amt', 49_000)).data.response.status).toBe('paid')
    expect((await m.again('order_big', 'c_amt', 50_000)).data.response.status).toBe('failed')
  })

  it('matches a rule given as a form-encoded request too', async () => {
    h = await startHttp()
    const m = await h.merchant()
    await m.issueKey('c_form')
    await h.control.faults.add({ match: { amount: 777, customer_uid: 'c_form' }, action: { type: 'decline', fail_reason: '잔액부족' } })
    const res = await m.http.post('/subscribe/payments/again', 'customer_uid=c_form&merchant_uid=order_form&amount=777&name=x', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' }
    })
    expect(res.data.response.status).toBe('failed')
  })

  it('never applies faults to the control API', async () => {
    h = await startHttp()
    await h.control.faults.add({ action: { type: 'drop' }, times: null })
    expect((await h.control.health()).status).toBe('ok')
    expect(await h.control.faults.list()).toHaveLength(1)
  })
})

describe('probability', () => {
  /** Which of 24 lookups the rule acted on. */
  async function pattern(seed: string, rule: Record<string, unknown> = {}): Promise<string> {
    const harness = await startHttp({ seed })
    try {
      const m = await harness.merchant()
      await harness.control.faults.add({ action: { type: 'http', status: 503 }, times: null, probability: 0.5, ...rule })
      let out = ''
      for (let i = 0; i < 24; i++) out += (await m.http.get('/payments/imp_1')).status === 503 ? 'x' : '.'
      return out
    } finally {
      await harness.close()
    }
  }

  it('fires on the same calls for the same seed, and on others for another seed', async () => {
    const first = await pattern('seed-a')
    expect(first).toMatch(/x/)
    expect(first).toMatch(/\./)
    expect(await pattern('seed-a')).toBe(first)
    expect(await pattern('seed-b')).not.toBe(first)
  })

  it('takes a rule seed that wins over the server seed', async () => {
    expect(await pattern('seed-a', { seed: 'mine' })).toBe(await pattern('seed-b', { seed: 'mine' }))
  })

  it('never fires at probability 0', async () => {
    expect(await pattern('seed-a', { probability: 0 })).toBe('.'.repeat(24))
  })
})

describe('rule management', () => {
  it('refuses an invalid rule with every problem named', async () => {
    h = await startHttp()
    const error = await h.control.faults
      .add({ match: { method: 'get', extra: 1 }, action: { type: 'delay' }, times: 0 } as never)
      .catch((e: unknown) => e as MockControlError)
    expect(error).toBeInstanceOf(MockControlError)
    expect(error).toMatchObject({ status: 400, code: 'invalid_rule' })
    expect((error as MockControlError).details).toEqual([
      'match has an unknown field "extra"',
      'match.method must be one of GET, POST, PUT, DELETE',
      'action.ms is required',
      'times must be an integer >= 1 or null'
    ])
    expect(await h.control.faults.list()).toEqual([])
  })

  it('refuses an unknown action type and a decline that can never meet a charge', async () => {
    h = await startHttp()
    const unknown = await h.control.faults.add({ action: { type: 'explode' } } as never).then(
      () => null,
      (e: MockControlError) => e
    )
    expect(unknown?.message).toContain('action.type "explode" is not an action (one of error, decline, delay, http, drop, commit_then_drop, pass)')
    const decline = await h.control.faults.add({ match: { path: '/payments/cancel' }, action: { type: 'decline', fail_reason: 'x' } }).then(
      () => null,
      (e: MockControlError) => e
    )
    expect(decline?.code).toBe('invalid_rule')
    expect(decline?.message).toContain('match.path /payments/cancel is not one')
  })

  it('refuses a body that is not JSON with a control error', async () => {
    h = await startHttp()
    // transformRequest: as is (axios would otherwise JSON-encode a string it cannot parse).
    const res = await h.api.post('/__mock/faults', '{"action":', {
      headers: { 'content-type': 'application/json' },
      transformRequest: [(data: unknown) => data]
    })
    expect(res.status).toBe(400)
    expect(res.data).toEqual({ error: { code: 'invalid_json', message: 'the request body is not valid JSON' } })
  })

  it('lists, filters by merchant, deletes one and clears', async () => {
    h = await startHttp()
    const global = await h.control.faults.add({ action: { type: 'pass' }, times: null, description: 'everyone' })
    const mine = await h.control.faults.add({ match: { imp_key: 'shard_a' }, action: { type: 'pass' }, times: null })
    await h.control.faults.add({ match: { imp_key: 'shard_b' }, action: { type: 'pass' }, times: null })
    expect((await h.control.faults.list()).map((r) => r.id)).toHaveLength(3)
    expect((await h.control.faults.list('shard_a')).map((r) => r.id)).toEqual([global.id, mine.id])
    expect(global).toMatchObject({ origin: 'api', description: 'everyone', times: null, then: [] })

    expect(await h.control.faults.clear('shard_b')).toBe(1)
    await h.control.faults.remove(mine.id)
    const missing = await h.control.faults.remove(mine.id).catch((e: MockControlError) => e)
    expect(missing).toMatchObject({ status: 404, code: 'fault_not_found' })
    expect(await h.control.faults.clear()).toBe(1)
    expect(await h.control.faults.list()).toEqual([])
  })
})
