/** Switching the control API off, guarding it with a token, its error shape and its OpenAPI document. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { createMockControl, type MockControlError } from '../../client/mock-control.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('--no-control', () => {
  it("answers only health, and the i'mport API works as before", async () => {
    h = await startHttp({ config: { control: { enabled: false } } })
    expect(await h.control.health()).toEqual({ status: 'ok' })
    for (const [method, url] of [
      ['GET', '/__mock/state'],
      ['POST', '/__mock/faults'],
      ['POST', '/__mock/reset'],
      ['GET', '/__mock/docs']
    ] as const) {
      const res = await h.api.request({ method, url, data: {} })
      expect(res.status, url).toBe(404)
      expect(res.data.error.code, url).toBe('control_disabled')
    }
    const m = await h.merchant()
    expect((await m.issueKey('customer_1')).data.code).toBe(0)
  })

  it('still honours the per-request preset header (it touches that request only)', async () => {
    h = await startHttp({ config: { control: { enabled: false } } })
    const m = await h.merchant()
    expect((await m.http.get('/payments/imp_1', { headers: { 'X-Iamport-Mock-Fault': 'http_503' } })).status).toBe(503)
  })
})

describe('--control-token', () => {
  it('requires the token on every control call but health', async () => {
    h = await startHttp({ config: { control: { token: 's3cret' } } })
    expect((await h.control.health()).status).toBe('ok')
    const refused = await h.control.state().then(
      () => null,
      (e: MockControlError) => e
    )
    expect(refused).toMatchObject({ status: 401, code: 'unauthorized' })
    const wrong = await createMockControl(h.url, { controlToken: 'guess' })
      .faults.list()
      .then(
        () => null,
        (e: MockControlError) => e
      )
    expect(wrong?.code).toBe('unauthorized')

    const trusted = createMockControl(h.url, { controlToken: 's3cret' })
    expect(await trusted.faults.list()).toEqual([])
    const bearer = await h.api.get('/__mock/faults', { headers: { Authorization: 'Bearer s3cret' } })
    expect(bearer.status).toBe(200)
    expect((await h.api.get('/__mock/docs')).status).toBe(401)
    expect((await h.api.get('/__mock/docs', { headers: { 'X-Mock-Control-Token': 's3cret' } })).status).toBe(200)
  })

  it("does not guard the i'mport API", async () => {
    h = await startHttp({ config: { control: { token: 's3cret' } } })
    const m = await h.merchant()
    expect((await m.http.get('/payments/imp_1')).status).toBe(404)
  })
})

describe('control API answers', () => {
  it('answers unknown control paths with a control error, not the envelope', async () => {
    h = await startHttp()
    const res = await h.api.get('/__mock/nothing-here')
    expect(res.status).toBe(404)
    expect(res.data).toEqual({ error: { code: 'not_found', message: 'the control API has no GET /__mock/nothing-here (see GET /__mock/docs)' } })
  })

  it('refuses unknown fields in a control body', async () => {
    h = await startHttp()
    const res = await h.api.post('/__mock/reset', { everything: true })
    expect(res.status).toBe(400)
    expect(res.data).toEqual({
      error: {
        code: 'invalid_request',
        message: 'the body has an unknown field "everything"',
        details: ['the body has an unknown field "everything"']
      }
    })
  })

  it('serves an OpenAPI document of the control API only', async () => {
    h = await startHttp()
    const res = await h.api.get('/__mock/docs')
    expect(res.status).toBe(200)
    const doc = res.data
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.info.title).toBe('iamport-mock control API')
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/__mock/certifications/{imp_uid}/otp',
        '/__mock/checkout/auto',
        '/__mock/clock',
        '/__mock/faults',
        '/__mock/faults/{id}',
        '/__mock/health',
        '/__mock/merchants',
        '/__mock/merchants/{imp_key}',
        '/__mock/requests',
        '/__mock/reset',
        '/__mock/state',
        '/__mock/vbanks/{imp_uid}/deposit',
        '/__mock/state/{family}',
        '/__mock/webhooks',
        '/__mock/webhooks/faults',
        '/__mock/webhooks/faults/{id}',
        '/__mock/webhooks/send',
        '/__mock/webhooks/{id}',
        '/__mock/webhooks/{id}/redeliver'
      ].sort()
    )
    expect(Object.keys(doc.paths['/__mock/faults'])).toEqual(expect.arrayContaining(['get', 'post', 'delete']))
    const action = doc.paths['/__mock/faults'].post.requestBody.content['application/json'].schema.properties.action
    expect(
      action.oneOf.map(
        (branch: { properties: { type: { const?: string; enum?: string[] } } }) => branch.properties.type.const ?? branch.properties.type.enum?.[0]
      )
    ).toEqual(['error', 'decline', 'delay', 'http', 'drop', 'commit_then_drop', 'pass'])
  })
})
