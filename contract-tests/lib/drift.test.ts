import { describe, expect, it } from 'vitest'
import { CAPTURED_RESPONSES } from '../../fixtures/captured/index.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addShape, buildRecordings, compareShapes, loadRecordings, normalise, References, writeRecordings, type Shape } from './drift.js'
import type { RecordedExchange } from './exchanges.js'

const shapeOf = (value: unknown): Shape => addShape({}, value)
const paid = CAPTURED_RESPONSES.find((c) => c.name === 'payment-2024-html5-inicis-paid.json')!.body
const cancelled = CAPTURED_RESPONSES.find((c) => c.name === 'payment-2020-html5-inicis-cancelled.json')!.body

describe('addShape', () => {
  it('lists every field path with its JSON types, array items under []', () => {
    const shape = shapeOf({ code: 0, message: null, response: { amount: 1.5, list: [{ a: 1 }, { a: 'x' }] } })

    expect(shape).toEqual({
      code: ['integer'],
      message: ['null'],
      response: ['object'],
      'response.amount': ['number'],
      'response.list': ['array'],
      'response.list[]': ['object'],
      'response.list[].a': ['integer', 'string']
    })
  })
})

describe('compareShapes', () => {
  it('finds only the real difference between two real answers of one kind (2024 paid vs 2020 cancelled)', () => {
    // The 2020 answer has no emb_pg_provider; its cancel_history entries have no 2024 counterpart to compare with.
    expect(compareShapes(shapeOf(paid), shapeOf(cancelled))).toEqual(['missing field response.emb_pg_provider (recorded as null)'])
  })

  it('reports a missing field, an extra field and a type change', () => {
    const recorded = shapeOf({ response: { a: 1, b: 'x', c: true } })
    const actual = shapeOf({ response: { a: 'one', c: true, d: 0 } })

    expect(compareShapes(recorded, actual)).toEqual([
      'type of response.a: recorded integer, simulator string',
      'missing field response.b (recorded as string)',
      'extra field response.d (integer), not in the recording'
    ])
  })

  it('treats null as compatible with any type and integer as a number', () => {
    expect(compareShapes(shapeOf({ a: null, b: 1 }), shapeOf({ a: 'x', b: 1.5 }))).toEqual([])
  })

  it('compares array entries only when both sides saw some', () => {
    const emptyHistory = shapeOf({ cancel_history: [] })
    const withHistory = shapeOf({ cancel_history: [{ amount: 1 }] })

    expect(compareShapes(emptyHistory, withHistory)).toEqual([])
    expect(compareShapes(withHistory, shapeOf({ cancel_history: [{ amount: 1, extra: 'x' }] }))).toEqual([
      'extra field cancel_history[].extra (string), not in the recording'
    ])
  })
})

describe('normalise', () => {
  it('replaces ids by numbered references that keep their relationships', () => {
    const refs = new References()

    const out = normalise({ imp_uid: 'imp_1234', list: [{ imp_uid: 'imp_1234' }, { imp_uid: 'imp_9999' }] }, refs)

    expect(out).toEqual({ imp_uid: '<imp_uid:1>', list: [{ imp_uid: '<imp_uid:1>' }, { imp_uid: '<imp_uid:2>' }] })
  })

  it('removes tokens, card numbers and personal data, and hides times and receipt URLs', () => {
    const out = normalise(cancelled, new References()) as { response: Record<string, unknown> }

    expect(out.response).toMatchObject({
      card_number: '<card_number>',
      buyer_email: '<buyer_email>',
      buyer_name: '<buyer_name>',
      paid_at: '<unix-seconds>',
      failed_at: 0,
      receipt_url: '<url>',
      cancel_receipt_urls: ['<url>'],
      amount: 3989
    })
    expect(normalise({ access_token: 'a'.repeat(40) }, new References())).toEqual({ access_token: '<access_token>' })
  })

  it('scrubs ids quoted inside messages', () => {
    const refs = new References()
    normalise({ customer_uid: 'cu-abcd-1' }, refs)

    expect(normalise({ message: '요청하신 customer_uid(cu-abcd-1)로 등록된 정보를 찾을 수 없습니다.' }, refs)).toEqual({
      message: '요청하신 customer_uid(<customer_uid:1>)로 등록된 정보를 찾을 수 없습니다.'
    })
  })
})

describe('buildRecordings', () => {
  it('makes one recording per operation, status and outcome, with the merged shape', () => {
    const exchanges: RecordedExchange[] = [
      { operationId: 'getPaymentByImpUid', method: 'GET', path: '/payments/{imp_uid}', status: 200, body: paid, test: 't' },
      { operationId: 'getPaymentByImpUid', method: 'GET', path: '/payments/{imp_uid}', status: 200, body: cancelled, test: 't' },
      {
        operationId: 'getPaymentByImpUid',
        method: 'GET',
        path: '/payments/{imp_uid}',
        status: 404,
        body: { code: -1, message: 'x', response: null },
        test: 't'
      }
    ]

    const recordings = buildRecordings(exchanges, 'https://api.iamport.kr', '2026-03-01')

    expect(recordings.map((r) => [r.operation_id, r.http_status, r.outcome, r.count])).toEqual([
      ['getPaymentByImpUid', 200, 'ok', 2],
      ['getPaymentByImpUid', 404, 'error', 1]
    ])
    expect(recordings[0]!.shape['response.cancel_history[].reason']).toEqual(['string'])
    expect(JSON.stringify(recordings)).not.toContain('559410*********4')
  })
})

describe('writeRecordings / loadRecordings', () => {
  it('writes one file per kind and reads them back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recordings-'))
    const recordings = buildRecordings(
      [{ operationId: 'again', method: 'POST', path: '/subscribe/payments/again', status: 200, body: paid, test: 't' }],
      'https://api.iamport.kr',
      '2026-03-01'
    )

    const files = writeRecordings(dir, recordings)
    const loaded = loadRecordings(dir)
    rmSync(dir, { recursive: true, force: true })

    expect(files).toEqual(['again.200.ok.json'])
    expect(loaded).toEqual([{ file: 'again.200.ok.json', recording: recordings[0] }])
  })

  it('reads no recordings from a folder that does not exist', () => {
    expect(loadRecordings(join(tmpdir(), 'no-such-folder-for-recordings'))).toEqual([])
  })
})
