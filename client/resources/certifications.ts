/**
 * `/certifications…`: identity verification by OTP. `requestOtp` sends the person's details and
 * answers an `imp_uid`; `confirmOtp` with the six digits the phone received completes it; `get`
 * reads the result (CI as `unique_key`, DI as `unique_in_site`). On the simulator the OTP is read
 * with the control client (`mock.certifications.otp`).
 */
import type { Certification, OtpRequestBody } from '../../api/v1/certification.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class CertificationsResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  /** `POST /certifications/otp/request` (operationId `requestOTP`). Bad details: `IamportApiError` (HTTP 400). */
  requestOtp(body: OtpRequestBody, options?: RequestOptions): Promise<Result<M, { imp_uid: string }>> {
    return this.call<{ imp_uid: string }>(
      { operationId: 'requestOTP', method: 'POST', path: '/certifications/otp/request', body, idempotent: false },
      options
    )
  }

  /** `POST /certifications/otp/confirm/{imp_uid}` (operationId `confirmOTP`). Wrong or expired OTP: HTTP 400. */
  confirmOtp(impUid: string, otp: string, options?: RequestOptions): Promise<Result<M, Certification>> {
    return this.call<Certification>(
      {
        operationId: 'confirmOTP',
        method: 'POST',
        path: '/certifications/otp/confirm/{imp_uid}',
        pathParams: { imp_uid: impUid },
        body: { otp },
        idempotent: false
      },
      options
    )
  }

  /** `GET /certifications/{imp_uid}` (operationId `getCertification`). Unknown: `IamportNotFoundError`. */
  get(impUid: string, options?: RequestOptions): Promise<Result<M, Certification>> {
    return this.call<Certification>(
      { operationId: 'getCertification', method: 'GET', path: '/certifications/{imp_uid}', pathParams: { imp_uid: impUid }, idempotent: true },
      options
    )
  }

  /** `DELETE /certifications/{imp_uid}` (operationId `deleteCertification`): forgets the result. */
  delete(impUid: string, options?: RequestOptions): Promise<Result<M, Certification>> {
    return this.call<Certification>(
      { operationId: 'deleteCertification', method: 'DELETE', path: '/certifications/{imp_uid}', pathParams: { imp_uid: impUid }, idempotent: true },
      options
    )
  }
}
