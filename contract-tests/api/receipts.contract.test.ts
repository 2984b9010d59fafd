/**
 * Cash receipts. Unknown ids are answered 404 on both targets (text unknown); issuing needs a
 * paid payment made without a card, i.e. a deposited virtual account: mock-only.
 */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Payment } from '../../api/v1/payment.js'
import type { PgSettingView } from '../../api/v1/codes.js'
import type { Receipt } from '../../api/v1/receipt.js'
import { createMockControl } from '../../client/mock-control.js'
import { catalogued, expectFailure, expectOk, itOnBoth, itOnMockOnly, serverNow, target } from '../lib/harness.js'

describe('/receipts', () => {
  itOnBoth('answers a payment that does not exist with 404', async ({ api }) => {
    expectFailure(await api.client.raw.receipts.get('imp_000000000000'), { status: 404, code: 'non-zero' })
  })

  itOnBoth('answers an outside sale without a receipt with 404', async ({ api, fx }) => {
    expectFailure(await api.client.raw.receipts.getExternal(fx.ids.merchantUid('none')), { status: 404, code: 'non-zero' })
  })

  itOnMockOnly('issues, reads and cancels a receipt on a deposited virtual account', 'needs a vbank payment and its deposit', async ({ api, fx }) => {
    const mock = createMockControl(target.baseURL)
    const key = expectOk<PgSettingView[]>(await api.client.raw.codes.pgSettings(), 'pg-settings').find((s) => s.type === 'api_payment')!.channel_key
    const now = await serverNow(api)
    const vbank = expectOk<Payment>(
      await api.client.raw.vbanks.create({
        channel_key: key,
        merchant_uid: fx.ids.merchantUid('rcpt'),
        amount: 11000,
        vbank_code: '004',
        vbank_holder: '아임포트',
        vbank_due: now + 3600
      }),
      'payment'
    )
    await mock.vbanks.deposit(vbank.imp_uid, { impKey: target.impKey })

    const receipt = expectOk<Receipt>(
      await api.client.raw.receipts.issue(vbank.imp_uid, { identifier: '01012345678', identifier_type: 'phone' }),
      'receipt'
    )
    expect(receipt).toMatchObject({ imp_uid: vbank.imp_uid, amount: 11000, vat: 1000, cancelled_at: 0 })
    expect(expectOk<Receipt>(await api.client.raw.receipts.get(vbank.imp_uid), 'receipt')).toEqual(receipt)
    expect(expectOk<Receipt>(await api.client.raw.receipts.cancel(vbank.imp_uid), 'receipt').cancelled_at).toBeGreaterThan(0)
    expectFailure(await api.client.raw.receipts.cancel(vbank.imp_uid), catalogued(errors.receiptNeverIssued()))
  })
})
