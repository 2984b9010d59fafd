/**
 * The identity-verification window (`IMP.certification`) through `app.inject`: opening it (and
 * the refusals before one opens), the fields it starts with, what approve, decline and close
 * leave (a certified record on the REST routes, or nothing), redirect mode and auto-decide.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CertificationResponseSchema } from '../../api/v1/certification.js'
import { errors } from '../../api/v1/catalogue.js'
import { createTestApp, expectEnvelope, expectError, T0, type TestApp } from '../../test/support/helpers.js'

const PAGE = 'http://127.0.0.1:5555'
let t: TestApp

beforeEach(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.app.close()
})

async function open(params: Record<string, unknown>, options: { mode?: 'iframe' | 'redirect'; code?: string | null } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/__checkout/certifications',
    headers: { origin: PAGE },
    payload: {
      imp_code: options.code === undefined ? 'imp00000000' : options.code,
      params,
      mode: options.mode ?? 'iframe',
      return_url: `${PAGE}/signup`
    }
  })
  expect(res.statusCode, res.body).toBe(200)
  expect(res.headers['access-control-allow-origin']).toBe('*')
  return res.json()
}

const decide = (id: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/__checkout/sessions/${id}/decision`, payload: body })

const certifications = () => t.app.mock.store.merchantByKey('imp_apikey')!.families.certification

const PERSON = { name: '김인증', phone: '010-9876-5432', birth: '050317', gender_digit: '4', carrier: 'KT' }

describe('IMP.certification', () => {
  it('shows the fields, prefilled from the page (carrier KTF is KT), with the three hooks', async () => {
    const { window } = await open({ merchant_uid: 'cert_1', name: '김인증', phone: '01098765432', carrier: 'KTF' })
    expect(window).toMatchObject({ id: 'win_000001', mode: 'iframe' })
    const page = (await t.app.inject({ method: 'GET', url: `/__checkout/window/${window.id}` })).body
    for (const text of [
      '본인인증',
      'danal (iamport-mock-danal)',
      'cert_1',
      'value="김인증"',
      'value="01098765432"',
      '<option value="KT" selected>',
      'data-testid="imp-approve"',
      'data-testid="imp-decline"',
      'data-testid="imp-close"'
    ]) {
      expect(page).toContain(text)
    }
    expect(certifications().size).toBe(0)
  })

  it('approve: the REST routes answer the same certified record, and the callback has sdk-cft-rt.mdx fields', async () => {
    const { window } = await open({ merchant_uid: 'cert_1' })
    t.clock.advance(30)
    const res = await decide(window.id, { decision: 'approve', person: PERSON })
    expect(res.statusCode, res.body).toBe(200)
    const { result, redirect_url } = res.json()
    expect(redirect_url).toBeNull()
    expect(Object.keys(result).sort()).toEqual(['imp_uid', 'merchant_uid', 'success'])
    expect(result).toMatchObject({ success: true, merchant_uid: 'cert_1' })
    expect(result.imp_uid).toMatch(/^imp_/)

    const { response } = expectEnvelope(await t.get(`/certifications/${result.imp_uid}`), 200, CertificationResponseSchema)
    expect(response).toMatchObject({
      imp_uid: result.imp_uid,
      merchant_uid: 'cert_1',
      pg_provider: 'danal',
      certified: true,
      certified_at: T0 + 30,
      name: '김인증',
      phone: '01098765432',
      carrier: 'KT',
      gender: 'female',
      birthday: '2005-03-17',
      foreigner: false
    })
    // The same person certified over REST gets the same CI: the same rule made both records.
    const key = t.app.mock.store.merchantByKey('imp_apikey')!.merchant.pg_settings.find((s) => s.type === 'certification')!.channel_key
    const otp = (await t.post('/certifications/otp/request', { ...PERSON, channel_key: key })).json().response
    expect(certifications().get(otp.imp_uid)!.unique_key).toBe(response.unique_key)
    // A second decision answers the first.
    expect((await decide(window.id, { decision: 'close' })).json().result).toEqual(result)
  })

  it('approve without fields certifies the test person; bad fields keep the window open with the reason', async () => {
    const { window } = await open({})
    const bad = await decide(window.id, { decision: 'approve', person: { ...PERSON, birth: '051399' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toEqual({ error: { code: 'invalid_person', message: '["birth"] 파라메터의 형식이 올바르지 않습니다.' } })
    expect(certifications().size).toBe(0)
    const { result } = (await decide(window.id, { decision: 'approve' })).json()
    expect(result).toEqual({ success: true, imp_uid: expect.any(String), merchant_uid: null })
    expect((await t.get(`/certifications/${result.imp_uid}`)).json().response).toMatchObject({ name: '홍길동', birthday: '1990-01-01' })
  })

  it('decline and close: the error, an imp_uid with no result behind it', async () => {
    const declined = (await decide((await open({ merchant_uid: 'c1' })).window.id, { decision: 'decline' })).json().result
    expect(declined).toMatchObject({ success: false, merchant_uid: 'c1', error_code: 'F500', error_msg: '본인인증에 실패하였습니다.' })
    expectError(await t.get(`/certifications/${declined.imp_uid}`), errors.certificationNotFound())
    const closed = (await decide((await open({ merchant_uid: 'c2' })).window.id, { decision: 'close' })).json().result
    expect(closed).toMatchObject({ success: false, error_code: 'F400', error_msg: '[본인인증취소] 사용자가 본인인증을 취소하셨습니다' })
    expect(certifications().size).toBe(0)
  })

  it.each([
    ['no IMP.init', {}, null, 'IMP.init()으로 가맹점 식별코드를 먼저 설정해주세요.'],
    ['a payment pg', { pg: 'nice' }, undefined, '등록되지 않은 PG사 정보입니다. (pg: nice)'],
    [
      'an unknown channelKey',
      { channelKey: 'channel-key-nope' },
      undefined,
      'channel_key(channel-key-nope)에 해당하는 채널 설정을 찾을 수 없습니다.'
    ],
    ['a bad m_redirect_url', { m_redirect_url: 'javascript:alert(1)' }, undefined, 'm_redirect_url 파라미터는 http(s) URL이어야 합니다.']
  ])('calls back at once for %s', async (_what, params, code, message) => {
    const answer = await open({ merchant_uid: 'c1', ...params }, { code })
    expect(answer).toEqual({ result: { success: false, imp_uid: null, merchant_uid: 'c1', error_code: 'F400', error_msg: message } })
  })

  it('takes pg danal or danal.{MID}', async () => {
    expect((await open({ pg: 'danal' })).window).toBeDefined()
    expect((await open({ pg: 'danal.iamport-mock-danal' })).window).toBeDefined()
  })

  it('redirect mode: m_redirect_url gets imp_uid, merchant_uid and success', async () => {
    const { window } = await open({ merchant_uid: 'c1', m_redirect_url: `${PAGE}/done?step=2` }, { mode: 'redirect' })
    const ok = (await decide(window.id, { decision: 'approve' })).json()
    expect(Object.fromEntries(new URL(ok.redirect_url).searchParams)).toEqual({
      step: '2',
      imp_uid: ok.result.imp_uid,
      merchant_uid: 'c1',
      success: 'true'
    })
    const second = (await open({ merchant_uid: 'c2' }, { mode: 'redirect' })).window
    const no = (await decide(second.id, { decision: 'close' })).json()
    expect(no.redirect_url.startsWith(`${PAGE}/signup?`)).toBe(true)
    expect(new URL(no.redirect_url).searchParams.get('success')).toBe('false')
  })

  it('takes a queued auto-decision, like a payment window', async () => {
    await t.app.inject({ method: 'POST', url: '/__mock/checkout/auto', payload: { decision: 'decline', message: '[E001]명의 불일치' } })
    const { window } = await open({})
    expect((await t.app.inject({ method: 'GET', url: `/__checkout/window/${window.id}` })).body).toContain('"decision":"decline"')
  })
})
