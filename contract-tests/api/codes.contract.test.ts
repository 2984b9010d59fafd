/** Code tables and merchant facts, escrow shipping, and the families the simulator names as not simulated. */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { PgSettingView, StandardCode } from '../../api/v1/codes.js'
import type { Payment } from '../../api/v1/payment.js'
import type { EscrowLogis } from '../../api/v1/escrow.js'
import { createMockControl } from '../../client/mock-control.js'
import { catalogued, expectFailure, expectOk, itOnBoth, itOnMockOnly, serverNow, target } from '../lib/harness.js'

describe('code tables', () => {
  itOnBoth('lists banks and card companies by standard code, one at a time too', async ({ api }) => {
    const banks = expectOk<StandardCode[]>(await api.client.raw.codes.banks(), 'standard-codes')
    expect(banks.map((b) => b.code)).toContain('004')
    expect(expectOk<StandardCode>(await api.client.raw.codes.bank('004'), 'standard-code').code).toBe('004')
    const cards = expectOk<StandardCode[]>(await api.client.raw.codes.cards(), 'standard-codes')
    expect(cards.map((c) => c.code)).toContain('361')
    expect(expectOk<StandardCode>(await api.client.raw.codes.card('361'), 'standard-code').code).toBe('361')
  })

  itOnBoth('answers an unknown code with 404', async ({ api }) => {
    expectFailure(await api.client.raw.codes.bank('999'), { status: 404, code: 'non-zero' })
    expectFailure(await api.client.raw.codes.card('999'), { status: 404, code: 'non-zero' })
  })

  itOnBoth("lists the merchant's PG settings", async ({ api }) => {
    const settings = expectOk<PgSettingView[]>(await api.client.raw.codes.pgSettings(), 'pg-settings')
    expect(settings.length).toBeGreaterThan(0)
  })

  itOnBoth('answers an unknown tier with 404', async ({ api }) => {
    expectFailure(await api.client.raw.codes.tier('ZZ9'), { status: 404, code: 'non-zero' })
  })

  itOnMockOnly(
    'refuses the balance detail of a PG other than PAYCO or KCP',
    'the suite merchant pays through nice; the HTTP status of the refusal is not observed',
    async ({ api, fx }) => {
      const customerUid = fx.ids.customerUid()
      expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
      const payment = expectOk<Payment>(await api.client.raw.subscribe.again(fx.againBody(customerUid)), 'payment')
      expectFailure(await api.client.raw.codes.balance(payment.imp_uid), catalogued(errors.balanceUnavailable(), { code: 'non-zero' }))
    }
  )
})

describe('/escrows/logis', () => {
  itOnMockOnly('registers and reads the shipping of a paid escrow account', 'needs an escrow vbank and its deposit', async ({ api, fx }) => {
    const mock = createMockControl(target.baseURL)
    const key = expectOk<PgSettingView[]>(await api.client.raw.codes.pgSettings(), 'pg-settings').find((s) => s.type === 'api_payment')!.channel_key
    const now = await serverNow(api)
    const vbank = expectOk<Payment>(
      await api.client.raw.vbanks.create({
        channel_key: key,
        merchant_uid: fx.ids.merchantUid('escrow'),
        amount: 20000,
        vbank_code: '004',
        vbank_holder: '아임포트',
        vbank_due: now + 3600,
        escrow_password: 'x'
      }),
      'payment'
    )
    expect(vbank.escrow).toBe(true)
    await mock.vbanks.deposit(vbank.imp_uid, { impKey: target.impKey })
    const body = { sender: { name: '상점' }, receiver: { name: '김구매' }, logis: { company: 'CJGLS', invoice: '123456789012', sent_at: now } }
    const saved = expectOk<EscrowLogis>(await api.client.raw.escrows.register(vbank.imp_uid, body), 'escrow-logis')
    expect(saved).toMatchObject({ company: 'CJGLS', invoice: '123456789012', sent_at: now })
    expect(expectOk<EscrowLogis>(await api.client.raw.escrows.get(vbank.imp_uid), 'escrow-logis')).toEqual(saved)
    expectFailure(await api.client.raw.escrows.register(vbank.imp_uid, body), catalogued(errors.escrowLogisExists()))
    expectOk(
      await api.client.raw.payments.cancel({ imp_uid: vbank.imp_uid, refund_holder: '김구매', refund_bank: '004', refund_account: '12345678901234' }),
      'payment'
    )
  })
})

describe('families the simulator does not model', () => {
  itOnMockOnly(
    'answer in the envelope that they are not simulated',
    'the real API serves them for merchants with the PG contract',
    async ({ api }) => {
      const res = await api.client.raw.auth.getToken()
      const token = expectOk<{ access_token: string }>(res, 'auth').access_token
      const answer = await fetch(`${target.baseURL}/payments/imp_000000000000/naver/cancel`, { method: 'POST', headers: { authorization: token } })
      expect(answer.status).toBe(400)
      expect(await answer.json()).toEqual(errors.notSimulated('POST', '/payments/{imp_uid}/naver/cancel').toEnvelope())
    }
  )
})
