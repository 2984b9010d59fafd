/**
 * Tables and merchant facts: `GET /banks`, `/banks/{code}`, `/cards`, `/cards/{code}` (standard
 * codes, fixtures/institutions.ts), `GET /users/pg` (the merchant's configured channels),
 * `GET /tiers/{tier_code}` (its configured sub-merchants) and `GET /payments/{imp_uid}/balance`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  PaymentBalanceResponseSchema,
  PgSettingListResponseSchema,
  StandardCodeListResponseSchema,
  StandardCodeResponseSchema,
  TierResponseSchema
} from '../../../api/v1/codes.js'
import { errors } from '../../../api/v1/catalogue.js'
import { BANKS, CARD_COMPANIES, bankByCode, cardCompanyByCode } from '../../../fixtures/institutions.js'
import { paymentBalance } from '../domain/balance.js'
import { tierOf } from '../domain/pg-settings.js'
import { ok } from './reply.js'

const codes: FastifyPluginAsyncTypebox = async (app) => {
  const list = { response: { 200: StandardCodeListResponseSchema } }
  const one = (name: string) => ({ params: Type.Object({ [name]: Type.String() }), response: { 200: StandardCodeResponseSchema } })

  app.get('/banks', { schema: list }, async () => ok(BANKS.map(({ code, name }) => ({ code, name }))))
  app.get('/banks/:bank_standard_code', { schema: one('bank_standard_code') }, async (request) => {
    const bank = bankByCode((request.params as { bank_standard_code: string }).bank_standard_code)
    if (!bank) throw errors.bankCodeNotFound()
    return ok({ code: bank.code, name: bank.name })
  })
  app.get('/cards', { schema: list }, async () => ok(CARD_COMPANIES.map(({ code, name }) => ({ code, name }))))
  app.get('/cards/:card_standard_code', { schema: one('card_standard_code') }, async (request) => {
    const card = cardCompanyByCode((request.params as { card_standard_code: string }).card_standard_code)
    if (!card) throw errors.cardCodeNotFound()
    return ok({ code: card.code, name: card.name })
  })

  app.get('/users/pg', { schema: { response: { 200: PgSettingListResponseSchema } } }, async (request) =>
    ok(request.merchant!.merchant.pg_settings.map((s) => ({ ...s })))
  )

  app.get(
    '/tiers/:tier_code',
    { schema: { params: Type.Object({ tier_code: Type.String() }), response: { 200: TierResponseSchema } } },
    async (request) => ok({ ...tierOf(request.merchant!.merchant, request.params.tier_code) })
  )

  app.get(
    '/payments/:imp_uid/balance',
    { schema: { params: Type.Object({ imp_uid: Type.String() }), response: { 200: PaymentBalanceResponseSchema } } },
    async (request) => ok(paymentBalance(request.merchant!, request.params.imp_uid))
  )
}

export default codes
