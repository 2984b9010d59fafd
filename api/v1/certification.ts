/**
 * Identity verification (본인인증): `CertificationAnnotation`, `CertificationOTPAnnotation` and the
 * bodies of the OTP request and confirm calls.
 */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { NullableString, UnixSeconds } from './common.js'

export const CARRIERS = ['SKT', 'KT', 'LGT'] as const
export type Carrier = (typeof CARRIERS)[number]

/** `CertificationAnnotation`. */
export const CertificationSchema = Type.Object(
  {
    imp_uid: Type.String(),
    merchant_uid: NullableString(),
    pg_tid: NullableString(),
    pg_provider: Type.String(),
    name: NullableString(),
    gender: NullableString({ description: 'male or female' }),
    birthday: NullableString({ description: 'YYYY-MM-DD' }),
    foreigner: Type.Boolean(),
    foreigner_v2: Type.Unsafe<boolean | null>({ type: ['boolean', 'null'] }),
    phone: NullableString(),
    carrier: NullableString(),
    certified: Type.Boolean(),
    certified_at: UnixSeconds(),
    unique_key: NullableString({ description: 'CI' }),
    unique_in_site: NullableString({ description: 'DI' }),
    origin: NullableString()
  },
  { additionalProperties: false }
)
export type Certification = Static<typeof CertificationSchema>
export const CertificationResponseSchema = envelope(CertificationSchema)

export const CertificationOtpSchema = Type.Object({ imp_uid: Type.String() }, { additionalProperties: false })
export const CertificationOtpResponseSchema = envelope(CertificationOtpSchema)

/** Body of `POST /certifications/otp/request` (operationId `requestOTP`). Formats are checked by the domain. */
export const OtpRequestBodySchema = Type.Object({
  name: Type.String(),
  phone: Type.String(),
  birth: Type.String(),
  gender_digit: Type.String(),
  carrier: Type.Unsafe<Carrier>({ type: 'string', enum: [...CARRIERS] }),
  is_mvno: Type.Optional(Type.Boolean()),
  company: Type.Optional(Type.String()),
  merchant_uid: Type.Optional(Type.String({ maxLength: 40 })),
  pg: Type.Optional(Type.String()),
  channel_key: Type.String(),
  verification_method: Type.Optional(Type.Unsafe<'SMS' | 'APP'>({ type: 'string', enum: ['SMS', 'APP'] })),
  bypass: Type.Optional(Type.String())
})
export type OtpRequestBody = Static<typeof OtpRequestBodySchema>

/** Body of `POST /certifications/otp/confirm/{imp_uid}` (operationId `confirmOTP`). */
export const OtpConfirmBodySchema = Type.Object({ otp: Type.Optional(Type.String()) })
export type OtpConfirmBody = Static<typeof OtpConfirmBodySchema>
