/**
 * `IMP.certification` (sdk-cft.mdx): the identity-verification window. Opening it reads the page's
 * parameters (the certification channel from `pg` or `channelKey`, `merchant_uid`, and the name,
 * phone and carrier the window's fields start with); approving makes the same certification record
 * the REST OTP routes make, already confirmed (v1/domain/certifications.ts), readable at
 * `GET /certifications/{imp_uid}`; declining or closing records nothing. The callback object is
 * sdk-cft-rt.mdx's; a redirect-mode window appends `imp_uid`, `merchant_uid` and `success` to
 * `m_redirect_url` (and `error_code`, `error_msg` on failure, as payments do).
 */
import type { CertificationPerson, CertificationResult, WindowDecisionBody } from '../../api/checkout/window.js'
import { CatalogueError, errors } from '../../api/v1/catalogue.js'
import type { PgSetting } from '../shared/config/pg-settings.js'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { certifyInWindow } from '../v1/domain/certifications.js'
import { REFUSED_CODE, sdkMessages, USER_CANCEL_CODE } from './messages.js'
import { isHttpUrl } from './params.js'
import type { CertificationWindow } from './windows.js'

/** `error_msg` of an identity window the person closed, and of a decline without a message (both inferred). */
export const CERTIFICATION_CANCEL_MESSAGE = '[본인인증취소] 사용자가 본인인증을 취소하셨습니다'
export const CERTIFICATION_FAILED_MESSAGE = '본인인증에 실패하였습니다.'

/** Who the window certifies when the page gave nothing to fill in: a made-up test person. */
export const TEST_PERSON: CertificationPerson = { name: '홍길동', phone: '01012345678', birth: '900101', gender_digit: '1', carrier: 'SKT' }

/** The SDK's carrier codes (sdk-cft.mdx: SKT, KTF, LGT, MVNO) as the record keeps them; MVNO has no code of its own there. */
const CARRIER_OF: Readonly<Record<string, CertificationPerson['carrier']>> = { SKT: 'SKT', KTF: 'KT', KT: 'KT', LGT: 'LGT' }

export type CertificationReading =
  | { ok: true; setting: PgSetting; merchant_uid: string | null; prefill: CertificationWindow['prefill']; m_redirect_url: string | null }
  | { ok: false; result: CertificationResult }

export function refusedCertification(merchantUid: string | null, code: string, message: string): CertificationResult {
  return { success: false, imp_uid: null, merchant_uid: merchantUid, error_code: code, error_msg: message }
}

/** Reads `IMP.certification`'s parameters for a merchant, or the refusal it calls back with at once. */
export function readCertificationParams(merchant: MerchantState, params: Record<string, unknown>): CertificationReading {
  const merchantUid = typeof params.merchant_uid === 'string' && params.merchant_uid !== '' ? params.merchant_uid : null
  const refuse = (message: string): CertificationReading => ({ ok: false, result: refusedCertification(merchantUid, REFUSED_CODE, message) })
  if (params.merchant_uid !== undefined && params.merchant_uid !== null && typeof params.merchant_uid !== 'string') {
    return refuse(sdkMessages.notString('merchant_uid'))
  }
  const text: Record<'name' | 'phone' | 'carrier' | 'pg' | 'channelKey', string | null> = {
    name: null,
    phone: null,
    carrier: null,
    pg: null,
    channelKey: null
  }
  for (const field of Object.keys(text) as Array<keyof typeof text>) {
    const value = params[field]
    if (value === undefined || value === null) continue
    if (typeof value === 'number' && field === 'phone') text[field] = String(value)
    else if (typeof value === 'string') text[field] = value
    else return refuse(sdkMessages.notString(field))
  }
  const redirect = params.m_redirect_url
  if (redirect !== undefined && redirect !== null && !isHttpUrl(redirect)) return refuse(sdkMessages.badUrl('m_redirect_url'))

  const settings = merchant.merchant.pg_settings.filter((s) => s.type === 'certification')
  let setting: PgSetting | undefined
  if (text.channelKey !== null) {
    setting = settings.find((s) => s.channel_key === text.channelKey)
    if (!setting) return refuse(errors.unknownChannelKey(400, text.channelKey).message)
  } else if (text.pg !== null) {
    const [provider, pgId] = text.pg.split('.', 2)
    setting = settings.find((s) => s.pg_provider === provider && (pgId === undefined || s.pg_id === pgId))
    if (!setting) return refuse(sdkMessages.unknownPg(text.pg))
  } else {
    setting = settings[0]
    if (!setting) return refuse(sdkMessages.noCertificationChannel())
  }
  return {
    ok: true,
    setting,
    merchant_uid: merchantUid,
    prefill: { name: text.name, phone: text.phone, carrier: text.carrier },
    m_redirect_url: (redirect as string | null | undefined) ?? null
  }
}

/** The fields the window starts with: the page's name, phone and carrier, else the test person's. */
export function startingPerson(window: CertificationWindow): CertificationPerson {
  const { prefill } = window
  return {
    ...TEST_PERSON,
    ...(prefill.name ? { name: prefill.name } : {}),
    ...(prefill.phone ? { phone: prefill.phone } : {}),
    carrier: (prefill.carrier && CARRIER_OF[prefill.carrier.toUpperCase()]) || TEST_PERSON.carrier
  }
}

/** Refused details the person typed: the window shows the message and stays open. */
export class PersonRefused extends Error {
  override readonly name = 'PersonRefused'
}

/** What a decision in an identity window leaves: a certified record (approve), or nothing but an imp_uid (decline, close). */
export function decideCertification(window: CertificationWindow, body: WindowDecisionBody): CertificationResult {
  const { merchant } = window
  if (body.decision === 'approve') {
    let record
    try {
      record = certifyInWindow(merchant, window.setting, body.person ?? startingPerson(window), window.merchant_uid)
    } catch (err) {
      if (err instanceof CatalogueError) throw new PersonRefused(err.message)
      throw err
    }
    return { success: true, imp_uid: record.imp_uid, merchant_uid: window.merchant_uid }
  }
  // A failed verification has an imp_uid, as the real one does, but no result to look up (GET answers the 404).
  const impUid = merchant.newImpUid('imp_')
  const [code, message] =
    body.decision === 'close'
      ? [USER_CANCEL_CODE, CERTIFICATION_CANCEL_MESSAGE]
      : [/^\[([A-Za-z0-9]+)\]/.exec(body.message ?? '')?.[1] ?? 'F500', body.message ?? CERTIFICATION_FAILED_MESSAGE]
  return { success: false, imp_uid: impUid, merchant_uid: window.merchant_uid, error_code: code, error_msg: message }
}

/** A redirect-mode identity window's way back: `imp_uid`, `merchant_uid`, `success` (sdk-cft.mdx), and the error on failure. */
export function certificationRedirectUrl(base: string, result: CertificationResult): string {
  const url = new URL(base)
  if (result.imp_uid !== null) url.searchParams.set('imp_uid', result.imp_uid)
  if (result.merchant_uid !== null) url.searchParams.set('merchant_uid', result.merchant_uid)
  url.searchParams.set('success', String(result.success))
  if (!result.success) {
    url.searchParams.set('error_code', result.error_code ?? '')
    url.searchParams.set('error_msg', result.error_msg ?? '')
  }
  return url.toString()
}
