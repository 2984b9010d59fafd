/**
 * Virtual accounts. Issuing one needs a PG contract for virtual accounts, and a deposit needs a
 * buyer's bank transfer: neither can be driven on the real API from a test, so the flows are
 * mock-only and drive the deposit through the control API (`mock.vbanks.deposit`).
 */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Payment } from '../../api/v1/payment.js'
import type { PgSettingView } from '../../api/v1/codes.js'
import type { VbankHolder } from '../../api/v1/vbank.js'
import { createMockControl } from '../../client/mock-control.js'
import { catalogued, expectFailure, expectOk, FORMATS, itOnMockOnly, serverNow, target, type ContractApi } from '../lib/harness.js'

const NO_REAL_VBANK = 'issuing a virtual account needs a vbank PG contract; a deposit needs a bank transfer'

async function channelKey(api: ContractApi): Promise<string> {
  const settings = expectOk<PgSettingView[]>(await api.client.raw.codes.pgSettings(), 'pg-settings')
  return settings.find((s) => s.type === 'api_payment')!.channel_key
}

describe('/vbanks', () => {
  itOnMockOnly('issues an account, is paid by deposits, and refunds to a named account', NO_REAL_VBANK, async ({ api, fx }) => {
    const mock = createMockControl(target.baseURL)
    const now = await serverNow(api)
    const body = {
      channel_key: await channelKey(api),
      merchant_uid: fx.ids.merchantUid('vbank'),
      amount: 30000,
      vbank_code: '004',
      vbank_holder: '아임포트',
      vbank_due: now + 86400,
      buyer_name: '김구매'
    }

    const issued = expectOk<Payment>(await api.client.raw.vbanks.create(body), 'payment')
    expect(issued).toMatchObject({
      status: 'ready',
      pay_method: 'vbank',
      merchant_uid: body.merchant_uid,
      amount: 30000,
      vbank_code: '004',
      vbank_holder: '아임포트',
      vbank_date: body.vbank_due
    })
    expect(issued.imp_uid).toMatch(FORMATS.impUid)

    expect((await mock.vbanks.deposit(issued.imp_uid, { amount: 10000, impKey: target.impKey })).paid).toBe(false)
    expect((await mock.vbanks.deposit(issued.imp_uid, { impKey: target.impKey })).paid).toBe(true)
    const paid = expectOk<Payment>(await api.client.raw.payments.get(issued.imp_uid), 'payment')
    expect(paid.status).toBe('paid')
    expect(paid.deposit_history.map((d) => d.amount)).toEqual([10000, 20000])

    expectFailure(await api.client.raw.payments.cancel({ imp_uid: issued.imp_uid }), catalogued(errors.refundAccountRequired()))
    const refund = { imp_uid: issued.imp_uid, refund_holder: '김구매', refund_bank: '088', refund_account: '110123456789' }
    expect(expectOk<Payment>(await api.client.raw.payments.cancel(refund), 'payment')).toMatchObject({ status: 'cancelled', cancel_amount: 30000 })
  })

  itOnMockOnly('changes and revokes an account still waiting for its deposit', NO_REAL_VBANK, async ({ api, fx }) => {
    const now = await serverNow(api)
    const issued = expectOk<Payment>(
      await api.client.raw.vbanks.create({
        channel_key: await channelKey(api),
        merchant_uid: fx.ids.merchantUid('vbank'),
        amount: 9000,
        vbank_code: '088',
        vbank_holder: '아임포트',
        vbank_due: now + 3600
      }),
      'payment'
    )
    expect(expectOk<Payment>(await api.client.raw.vbanks.update(issued.imp_uid, { amount: 8000 }), 'payment').amount).toBe(8000)
    expect(expectOk<Payment>(await api.client.raw.vbanks.revoke(issued.imp_uid), 'payment').status).toBe('cancelled')
    expectFailure(await api.client.raw.vbanks.revoke(issued.imp_uid), catalogued(errors.vbankNotReady('cancelled')))
  })

  itOnMockOnly('answers the holder check', 'the real check looks up real bank accounts', async ({ api }) => {
    expect(expectOk<VbankHolder>(await api.client.raw.vbanks.holder('088', '110-123-456789'), 'vbank-holder').bank_holder).toBe('홍길동')
    expectFailure(await api.client.raw.vbanks.holder('999', '110123456789'), catalogued(errors.holderNotFound()))
  })
})
