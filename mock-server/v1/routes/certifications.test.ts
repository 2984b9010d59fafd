import { afterEach, describe, expect, it } from 'vitest'
import { CertificationOtpResponseSchema, CertificationResponseSchema } from '../../../api/v1/certification.js'
import { errors } from '../../../api/v1/catalogue.js'
import { createTestApp, expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { OTP_VALID_SECONDS } from '../domain/certifications.js'

let t: TestApp
afterEach(async () => t?.app.close())

const state = () => t.app.mock.store.merchantByKey('imp_apikey')!
const otpOf = (impUid: string) => state().families.certification.get(impUid)!.otp!

async function request(fields: Record<string, unknown> = {}) {
  const key = state().merchant.pg_settings.find((s) => s.type === 'certification')!.channel_key
  return t.post('/certifications/otp/request', {
    name: '김영희',
    phone: '01098765432',
    birth: '05-03-17',
    gender_digit: '4',
    carrier: 'KT',
    channel_key: key,
    ...fields
  })
}

describe('/certifications', () => {
  it('requests, confirms and looks up a certification', async () => {
    t = await createTestApp()
    const { response } = expectEnvelope(await request(), 200, CertificationOtpResponseSchema)

    expectError(await t.get(`/certifications/${response.imp_uid}`), errors.certificationNotFound())

    const done = expectEnvelope(
      await t.post(`/certifications/otp/confirm/${response.imp_uid}`, { otp: otpOf(response.imp_uid) }),
      200,
      CertificationResponseSchema
    )
    expect(done.response).toMatchObject({
      certified: true,
      certified_at: T0,
      gender: 'female',
      birthday: '2005-03-17',
      foreigner: false,
      foreigner_v2: null,
      origin: null
    })
    expect((await t.get(`/certifications/${response.imp_uid}`)).json().response).toEqual(done.response)
    expectError(await t.post(`/certifications/otp/confirm/${response.imp_uid}`, { otp: '123456' }), errors.alreadyCertified())
  })

  it('refuses a wrong OTP, then an expired one, keeping the request open', async () => {
    t = await createTestApp()
    const impUid = (await request()).json().response.imp_uid
    const otp = otpOf(impUid)
    expectError(await t.post(`/certifications/otp/confirm/${impUid}`, { otp: otp === '000000' ? '999999' : '000000' }), errors.otpMismatch())
    expectError(await t.post(`/certifications/otp/confirm/${impUid}`, {}), errors.requiredParamsBadRequest(['otp']))
    t.clock.advance(OTP_VALID_SECONDS + 1)
    await t.renewToken()
    expectError(await t.post(`/certifications/otp/confirm/${impUid}`, { otp }), errors.otpExpired())
    expect(state().families.certification.get(impUid)!.certified).toBe(false)
  })

  it('refuses bad details with 400 and stores nothing', async () => {
    t = await createTestApp()
    expectError(await request({ birth: '901301' }), errors.invalidParamBadRequest('birth'))
    expectError(await request({ gender_digit: '9' }), errors.invalidParamBadRequest('gender_digit'))
    expectError(await request({ phone: '12345' }), errors.invalidParamBadRequest('phone'))
    expectError(await request({ channel_key: 'nope' }), errors.unknownChannelKey(400, 'nope'))
    const payKey = state().merchant.pg_settings.find((s) => s.type === 'api_payment')!.channel_key
    expectError(await request({ channel_key: payKey }), errors.unknownChannelKey(400, payKey))
    expect(state().families.certification.size).toBe(0)
  })

  it('answers 404 with the observed text for an unknown one, and deletes', async () => {
    t = await createTestApp()
    expectError(await t.get('/certifications/imp_000000000000'), errors.certificationNotFound())
    expectError(await t.post('/certifications/otp/confirm/imp_000000000000', { otp: '123456' }), errors.certificationNotFound())
    const impUid = (await request()).json().response.imp_uid
    expectEnvelope(await t.del(`/certifications/${impUid}`), 200, CertificationResponseSchema)
    expectError(await t.del(`/certifications/${impUid}`), errors.certificationNotFound())
  })
})
