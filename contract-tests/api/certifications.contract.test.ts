/**
 * Identity verification. The unknown-id answer is observed on the real API; the OTP flow needs a
 * real person's phone (and a danal contract), so it is mock-only, reading the OTP through the
 * control API.
 */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Certification } from '../../api/v1/certification.js'
import type { PgSettingView } from '../../api/v1/codes.js'
import { createMockControl } from '../../client/mock-control.js'
import { catalogued, expectFailure, expectOk, FORMATS, itOnBoth, itOnMockOnly, target } from '../lib/harness.js'

describe('/certifications', () => {
  itOnBoth('answers an unknown imp_uid with 404 and the observed text', async ({ api }) => {
    expectFailure(await api.client.raw.certifications.get('imp_000000000000'), { ...catalogued(errors.certificationNotFound()), code: 'non-zero' })
  })

  itOnMockOnly('requests an OTP, refuses a wrong one, confirms and looks up', "the OTP goes to a real person's phone", async ({ api, fx }) => {
    const mock = createMockControl(target.baseURL)
    const settings = expectOk<PgSettingView[]>(await api.client.raw.codes.pgSettings(), 'pg-settings')
    const channelKey = settings.find((s) => s.type === 'certification')!.channel_key
    const merchantUid = fx.ids.merchantUid('cert')

    const requested = expectOk<{ imp_uid: string }>(
      await api.client.raw.certifications.requestOtp({
        name: '홍길동',
        phone: '01012345678',
        birth: '900101',
        gender_digit: '1',
        carrier: 'SKT',
        channel_key: channelKey,
        merchant_uid: merchantUid
      }),
      'certification-otp'
    )
    expect(requested.imp_uid).toMatch(FORMATS.impUid)
    const { otp } = await mock.certifications.otp(requested.imp_uid, target.impKey)
    expectFailure(
      await api.client.raw.certifications.confirmOtp(requested.imp_uid, otp === '000000' ? '111111' : '000000'),
      catalogued(errors.otpMismatch())
    )

    const confirmed = expectOk<Certification>(await api.client.raw.certifications.confirmOtp(requested.imp_uid, otp!), 'certification')
    expect(confirmed).toMatchObject({ merchant_uid: merchantUid, name: '홍길동', birthday: '1990-01-01', certified: true })
    expect(expectOk<Certification>(await api.client.raw.certifications.get(requested.imp_uid), 'certification')).toEqual(confirmed)
    expectOk(await api.client.raw.certifications.delete(requested.imp_uid), 'certification')
  })
})
