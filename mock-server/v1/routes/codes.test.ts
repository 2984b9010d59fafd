import { afterEach, describe, expect, it } from 'vitest'
import {
  PaymentBalanceResponseSchema,
  PgSettingListResponseSchema,
  StandardCodeListResponseSchema,
  StandardCodeResponseSchema,
  TierResponseSchema
} from '../../../api/v1/codes.js'
import { EscrowLogisResponseSchema } from '../../../api/v1/escrow.js'
import { errors } from '../../../api/v1/catalogue.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { BANKS, CARD_COMPANIES } from '../../../fixtures/institutions.js'
import { createTestApp, expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { deposit } from '../domain/vbanks.js'

let t: TestApp
afterEach(async () => t?.app.close())

const state = () => t.app.mock.store.merchantByKey('imp_apikey')!

describe('code tables and merchant facts', () => {
  it('answers the bank and card company tables, one code at a time too', async () => {
    t = await createTestApp()
    expect(expectEnvelope(await t.get('/banks'), 200, StandardCodeListResponseSchema).response).toHaveLength(BANKS.length)
    expect(expectEnvelope(await t.get('/cards'), 200, StandardCodeListResponseSchema).response).toHaveLength(CARD_COMPANIES.length)
    expect(expectEnvelope(await t.get('/banks/090'), 200, StandardCodeResponseSchema).response).toEqual({ code: '090', name: '카카오뱅크' })
    expect(expectEnvelope(await t.get('/cards/381'), 200, StandardCodeResponseSchema).response).toEqual({ code: '381', name: 'KB국민카드' })
    expectError(await t.get('/banks/999'), errors.bankCodeNotFound())
    expectError(await t.get('/cards/999'), errors.cardCodeNotFound())
  })

  it('lists the configured channels with stable channel keys', async () => {
    t = await createTestApp()
    const { response } = expectEnvelope(await t.get('/users/pg'), 200, PgSettingListResponseSchema)
    expect(response.map((s: { pg_provider: string; type: string }) => [s.pg_provider, s.type])).toEqual([
      ['nice', 'api_payment'],
      ['html5_inicis', 'api_payment'],
      ['danal', 'certification']
    ])
    expect(response[0].channel_key).toMatch(/^channel-key-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
    await t.app.close()
    t = await createTestApp()
    expect((await t.get('/users/pg')).json().response).toEqual(response)
  })

  it('answers a configured tier and refuses an unknown Tier header on any route', async () => {
    t = await createTestApp({ config: { merchants: [{ ...DEFAULT_MERCHANT, tiers: [{ tier_code: 'T01', tier_name: '1호점' }] }] } })
    expect(expectEnvelope(await t.get('/tiers/T01'), 200, TierResponseSchema).response).toEqual({ tier_code: 'T01', tier_name: '1호점' })
    expectError(await t.get('/tiers/T02'), errors.tierNotFound())
    const withTier = (tier: string) => t.app.inject({ method: 'GET', url: '/banks/004', headers: { ...t.auth, tier } })
    expect((await withTier('T01')).statusCode).toBe(200)
    expectError(await withTier('T02'), errors.tierNotFound())
  })

  it('answers the balance detail for KCP and the observed refusal otherwise', async () => {
    t = await createTestApp({
      config: {
        merchants: [
          {
            ...DEFAULT_MERCHANT,
            channels: [
              { pg_provider: 'kcp', pg_id: 'T0000' },
              { pg_provider: 'nice', pg_id: 'nictest04m' }
            ]
          }
        ]
      }
    })
    await t.issueKey('c1')
    const kcp = (await t.again('c1', 'order-kcp', 11000)).response.imp_uid
    const balance = expectEnvelope(await t.get(`/payments/${kcp}/balance`), 200, PaymentBalanceResponseSchema)
    expect(balance.response).toMatchObject({ amount: 11000, primary: { supply: 10000, vat: 1000, tax_free: 0, service: 0 } })
    expect(balance.response.histories).toHaveLength(1)
    await t.issueKey('c2', { pg: 'nice' })
    const nice = (await t.again('c2', 'order-nice')).response.imp_uid
    expectError(await t.get(`/payments/${nice}/balance`), errors.balanceUnavailable())
    expectError(await t.get('/payments/imp_000000000000/balance'), errors.paymentNotFound())
  })
})

describe('/escrows/logis/{imp_uid}', () => {
  it('registers, reads and changes the shipping of a paid escrow vbank', async () => {
    t = await createTestApp()
    const key = state().merchant.pg_settings[0]!.channel_key
    const vbank = (body: Record<string, unknown>) =>
      t.post('/vbanks', { channel_key: key, amount: 50000, vbank_code: '004', vbank_holder: '아임포트', vbank_due: T0 + 3600, ...body })
    const escrow = (await vbank({ merchant_uid: 'order-e1', escrow_password: 'not-kept' })).json().response
    expect(escrow.escrow).toBe(true)
    const logis = { sender: { name: '상점' }, receiver: { name: '김구매' }, logis: { company: 'CJGLS', invoice: '123456789012', sent_at: T0 } }

    expectError(await t.post(`/escrows/logis/${escrow.imp_uid}`, logis), errors.escrowLogisNotAllowed('ready'))
    deposit(state(), escrow.imp_uid, {})
    expectError(await t.get(`/escrows/logis/${escrow.imp_uid}`), errors.escrowLogisNotFound())
    expectError(await t.put(`/escrows/logis/${escrow.imp_uid}`, logis), errors.escrowLogisNotFound())
    const saved = expectEnvelope(await t.post(`/escrows/logis/${escrow.imp_uid}`, logis), 200, EscrowLogisResponseSchema)
    expect(saved.response).toEqual({ company: 'CJGLS', invoice: '123456789012', sent_at: T0, applied_at: T0 })
    expectError(await t.post(`/escrows/logis/${escrow.imp_uid}`, logis), errors.escrowLogisExists())
    const changed = await t.put(`/escrows/logis/${escrow.imp_uid}`, { ...logis, logis: { ...logis.logis, invoice: '999' } })
    expect(changed.json().response.invoice).toBe('999')
    expect(JSON.stringify(state().families.escrow_logis.get(escrow.imp_uid))).not.toContain('김구매')

    const plain = (await vbank({ merchant_uid: 'order-e2' })).json().response
    expectError(await t.get(`/escrows/logis/${plain.imp_uid}`), errors.notEscrow())
    expectError(await t.post(`/escrows/logis/${plain.imp_uid}`, {}), errors.requiredParamsBadRequest(['sender', 'receiver', 'logis']))
  })
})
