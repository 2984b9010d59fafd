/**
 * Identity verification: `POST /certifications/otp/request` (requestOTP), `POST
 * /certifications/otp/confirm/{imp_uid}` (confirmOTP), `GET`/`DELETE /certifications/{imp_uid}`.
 * The swagger gives bad input on these routes a 400.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  CertificationOtpResponseSchema,
  CertificationResponseSchema,
  OtpConfirmBodySchema,
  OtpRequestBodySchema
} from '../../../api/v1/certification.js'
import { confirmOtp, deleteCertification, findCertification, requestOtp } from '../domain/certifications.js'
import { renderCertification } from '../render/families.js'
import { ok } from './reply.js'

const ImpUidParams = Type.Object({ imp_uid: Type.String({ minLength: 1 }) })

const certifications: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/certifications/otp/request',
    {
      config: { badParamsAre400: true },
      schema: { body: OtpRequestBodySchema, response: { 200: CertificationOtpResponseSchema } }
    },
    async (request) => ok({ imp_uid: requestOtp(request.merchant!, request.body).imp_uid })
  )

  app.post(
    '/certifications/otp/confirm/:imp_uid',
    {
      config: { badParamsAre400: true },
      schema: { params: ImpUidParams, body: OtpConfirmBodySchema, response: { 200: CertificationResponseSchema } }
    },
    async (request) => ok(renderCertification(confirmOtp(request.merchant!, request.params.imp_uid, request.body ?? {})))
  )

  app.get('/certifications/:imp_uid', { schema: { params: ImpUidParams, response: { 200: CertificationResponseSchema } } }, async (request) =>
    ok(renderCertification(findCertification(request.merchant!, request.params.imp_uid)))
  )

  app.delete('/certifications/:imp_uid', { schema: { params: ImpUidParams, response: { 200: CertificationResponseSchema } } }, async (request) =>
    ok(renderCertification(deleteCertification(request.merchant!, request.params.imp_uid)))
  )
}

export default certifications
