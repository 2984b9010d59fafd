/**
 * Regression (found by the contract suite, issue 3): `GET /payments/status/{payment_status}`
 * compared `from`/`to` with `started_at` and excluded `to`. The swagger (getPaymentsByStatus)
 * says both ends are inclusive (`>=`, `<=`), the time is that of each payment's current status
 * (ready → started, paid → paid, cancelled → cancelled, failed → failed), `to` defaults to now and
 * `from` to 90 days before `to`.
 */
import { describe, expect } from 'vitest'
import { PagedPaymentsResponseSchema } from '../../../api/v1/payment.js'
import { STATUS_LIST_DEFAULT_SECONDS } from '../domain/lookups.js'
import { expectEnvelope, getToken, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

async function list(t: TestApp, query: string, token = t.token): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: `/payments/status/${query}`, headers: { authorization: token } })
  const body = expectEnvelope(res, 200, PagedPaymentsResponseSchema)
  return body.response.list.map((p: { merchant_uid: string }) => p.merchant_uid)
}

describe('GET /payments/status/{payment_status} time window', () => {
  it('compares from/to with the time of each payment’s current status', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'started-early')
    t.clock.advance(100)
    await t.post('/payments/cancel', { merchant_uid: 'started-early' })

    const aroundStart = await list(t, `all?from=${T0 - 10}&to=${T0 + 10}`)
    const aroundCancel = await list(t, `cancelled?from=${T0 + 90}&to=${T0 + 110}`)

    expect(aroundStart).toEqual([])
    expect(aroundCancel).toEqual(['started-early'])
  })

  it('includes a payment whose time equals `to`, as well as one at `from`', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'at-t0')

    expect(await list(t, `paid?from=${T0}&to=${T0}`)).toEqual(['at-t0'])
  })

  it('looks back 90 days from now when neither from nor to is given', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'old')
    t.clock.advance(STATUS_LIST_DEFAULT_SECONDS + 1)
    // The first token expired long ago.
    const token = await getToken(t.app)

    expect(await list(t, 'paid', token)).toEqual([])
    expect(await list(t, 'paid?from=0', token)).toEqual(['old'])
  })
})
