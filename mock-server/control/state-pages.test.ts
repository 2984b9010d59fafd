/** `GET /__mock/state` answers in pages: counts per family, the first `limit` records, cursors onward. */
import { afterEach, describe, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../../test/support/http.js'
import { preloadPayments } from '../preload.js'
import { DEFAULT_MERCHANT } from '../../api/v1/docs-merchant.js'
import type { MockControlError } from '../../client/mock-control.js'

let h: HttpHarness
afterEach(async () => h?.close())

describe('paged state', () => {
  it('shows counts and the first page, and the cursor walks every payment once, in order', async () => {
    h = await startHttp()
    const merchant = h.server.app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!
    preloadPayments(merchant, 250, h.server.app.mock.config.fidelity)
    const all = [...merchant.payments.keys()]

    const [first] = (await h.control.state(DEFAULT_MERCHANT.imp_key)).merchants
    expect(first!.counts).toEqual({ billing_keys: 250, payments: 250, prepares: 0, schedules: 0 })
    expect(first!.payments).toHaveLength(100)
    expect(first!.next).toEqual({ billing_keys: '100', payments: '100', prepares: null, schedules: null })

    const seen = first!.payments.map((p) => p.imp_uid)
    let cursor: string | null = first!.next.payments
    while (cursor !== null) {
      const page = await h.control.statePage('payments', DEFAULT_MERCHANT.imp_key, { cursor, limit: 70 })
      expect(page.total).toBe(250)
      seen.push(...(page.items as Array<{ imp_uid: string }>).map((p) => p.imp_uid))
      cursor = page.next
    }
    expect(seen).toEqual(all)
  })

  it('answers counts only with limit 0, and at most 1000 records a page', async () => {
    h = await startHttp()
    const merchant = h.server.app.mock.store.merchantByKey(DEFAULT_MERCHANT.imp_key)!
    preloadPayments(merchant, 3, h.server.app.mock.config.fidelity)
    const [only] = (await h.control.state(undefined, { limit: 0 })).merchants
    expect(only!.payments).toEqual([])
    expect(only!.counts.payments).toBe(3)
    expect(only!.next.payments).toBe('0')
    const tooMany = await h.control.state(undefined, { limit: 1001 }).then(
      () => null,
      (e: MockControlError) => e
    )
    expect(tooMany).toMatchObject({ status: 400, code: 'invalid_request' })
  })

  it('refuses a family page without a known merchant or with a bad cursor', async () => {
    h = await startHttp()
    const unknown = await h.control.statePage('payments', 'nobody').then(
      () => null,
      (e: MockControlError) => e
    )
    expect(unknown).toMatchObject({ status: 404, code: 'unknown_merchant' })
    const bad = await h.api.get('/__mock/state/payments', { params: { imp_key: DEFAULT_MERCHANT.imp_key, cursor: '-1' } })
    expect(bad.status).toBe(400)
    const family = await h.api.get('/__mock/state/secrets', { params: { imp_key: DEFAULT_MERCHANT.imp_key } })
    expect(family.status).toBe(400)
  })
})
