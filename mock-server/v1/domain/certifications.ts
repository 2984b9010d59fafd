/**
 * Identity verification by OTP (`POST /certifications/otp/request`, `/otp/confirm/{imp_uid}`,
 * `GET/DELETE /certifications/{imp_uid}`). The request checks the person's details and "sends" a
 * six-digit OTP: nothing is sent anywhere, the OTP is readable through the control API
 * (`GET /__mock/certifications/{imp_uid}/otp`). Choices (docs/v1-families.md):
 *   - the OTP is valid OTP_VALID_SECONDS on the merchant clock; a wrong one is refused and the
 *     request stays open; an expired one is refused (request again);
 *   - `unique_key` (CI) is the same for one person (name, birth date, gender digit) at every
 *     merchant; `unique_in_site` (DI) is the same for one person at one merchant's channel;
 *     both are hashes, so no personal data can be read back from them;
 *   - the answer is the default danal contract: `foreigner` false and `foreigner_v2` null, no
 *     `origin` (no web page took part);
 *   - before confirmation there is no result: `GET` answers the 404 (`인증결과가 존재하지 않습니다.`);
 *     `DELETE` forgets a pending request too.
 */
import { createHash } from 'node:crypto'
import { errors } from '../../../api/v1/catalogue.js'
import type { OtpConfirmBody, OtpRequestBody } from '../../../api/v1/certification.js'
import type { PgSetting } from '../../shared/config/pg-settings.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { CertificationRecord } from '../../shared/store/family-records.js'
import { channelByKey } from './pg-settings.js'

/** How long an OTP is accepted (3 minutes, the usual SMS-code window; inferred). */
export const OTP_VALID_SECONDS = 180

/** Who is being certified: the OTP request's person fields, or what the identity window's buyer filled in. */
export type CertificationPerson = Pick<OtpRequestBody, 'name' | 'phone' | 'birth' | 'gender_digit' | 'carrier'>

export function requestOtp(state: MerchantState, body: OtpRequestBody): CertificationRecord {
  const setting = channelByKey(state.merchant, body.channel_key, ['certification'], 400)
  const record = newCertification(state, setting, body, body.merchant_uid ?? null)
  state.saveFamilyRecord('certification', record.imp_uid, record)
  return record
}

/**
 * A certification the browser SDK's identity window (`IMP.certification`) approved: the same
 * record the OTP routes make, already confirmed (the person proved themselves in the window), so
 * `GET /certifications/{imp_uid}` answers it at once. Throws, writing nothing, on bad details.
 */
export function certifyInWindow(
  state: MerchantState,
  setting: PgSetting,
  person: CertificationPerson,
  merchantUid: string | null
): CertificationRecord {
  const record = newCertification(state, setting, person, merchantUid)
  record.otp = null
  record.certified = true
  record.certified_at = record.requested_at
  state.saveFamilyRecord('certification', record.imp_uid, record)
  return record
}

/** Checks the person's details and builds a pending certification (not stored). */
function newCertification(state: MerchantState, setting: PgSetting, person: CertificationPerson, merchantUid: string | null): CertificationRecord {
  const name = person.name.trim()
  if (name === '') throw errors.invalidParamBadRequest('name')
  const phone = person.phone.replace(/\D/g, '')
  if (!/^01\d{8,9}$/.test(phone)) throw errors.invalidParamBadRequest('phone')
  const birth = person.birth.replace(/\D/g, '')
  const genderDigit = person.gender_digit.trim()
  if (!/^[1-8]$/.test(genderDigit)) throw errors.invalidParamBadRequest('gender_digit')
  const birthday = birthdayOf(birth, genderDigit)
  if (birthday === null) throw errors.invalidParamBadRequest('birth')

  const now = state.now()
  const key = `${name}\0${birthday}\0${genderDigit}`
  return {
    imp_uid: state.newImpUid('imp_'),
    merchant_uid: merchantUid,
    pg_provider: setting.pg_provider,
    pg_tid: `${now}${state.ids.digits(8)}`,
    name,
    gender: Number(genderDigit) % 2 === 1 ? 'male' : 'female',
    birthday,
    foreigner: false,
    phone,
    carrier: person.carrier,
    unique_key: createHash('sha512').update(`ci\0${key}`).digest('base64'),
    unique_in_site: createHash('sha512').update(`di\0${setting.pg_id}\0${state.merchant.imp_key}\0${key}`).digest('base64'),
    otp: state.ids.digits(6),
    otp_expires_at: now + OTP_VALID_SECONDS,
    requested_at: now,
    certified: false,
    certified_at: 0
  }
}

export function confirmOtp(state: MerchantState, impUid: string, body: OtpConfirmBody): CertificationRecord {
  const record = findRequest(state, impUid)
  if (record.certified) throw errors.alreadyCertified()
  if (body.otp === undefined || body.otp === '') throw errors.requiredParamsBadRequest(['otp'])
  if (state.now() > record.otp_expires_at) throw errors.otpExpired()
  if (body.otp.trim() !== record.otp) throw errors.otpMismatch()
  record.otp = null
  record.certified = true
  record.certified_at = state.now()
  state.saveFamilyRecord('certification', impUid, record)
  return record
}

/** A certification request, confirmed or not. */
function findRequest(state: MerchantState, impUid: string): CertificationRecord {
  const record = state.families.certification.get(impUid)
  if (!record) throw errors.certificationNotFound()
  return record
}

/** A certification result: a request not yet confirmed has none. */
export function findCertification(state: MerchantState, impUid: string): CertificationRecord {
  const record = findRequest(state, impUid)
  if (!record.certified) throw errors.certificationNotFound()
  return record
}

export function deleteCertification(state: MerchantState, impUid: string): CertificationRecord {
  const record = findRequest(state, impUid)
  state.saveFamilyRecord('certification', impUid, null)
  return record
}

/** YYMMDD and the gender digit (1, 2, 5, 6: born 1900–1999; 3, 4, 7, 8: from 2000) as YYYY-MM-DD; null when not a date. */
function birthdayOf(birth: string, genderDigit: string): string | null {
  if (!/^\d{6}$/.test(birth)) return null
  const century = '1256'.includes(genderDigit) ? 1900 : 2000
  const year = century + Number(birth.slice(0, 2))
  const month = Number(birth.slice(2, 4))
  const day = Number(birth.slice(4, 6))
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${birth.slice(2, 4)}-${birth.slice(4, 6)}`
}
