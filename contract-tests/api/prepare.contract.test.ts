import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Prepare } from '../../api/v1/prepare.js'
import { catalogued, expectFailure, expectOk, itOnBoth } from '../lib/harness.js'

describe('/payments/prepare', () => {
  itOnBoth('registers an amount for a merchant_uid and answers it back', async ({ api, fx }) => {
    const body = fx.prepareBody()

    const created = expectOk<Prepare>(await api.client.raw.prepare.create(body), 'prepare')
    const read = expectOk<Prepare>(await api.client.raw.prepare.get(body.merchant_uid), 'prepare')

    expect(created).toMatchObject({ merchant_uid: body.merchant_uid, amount: body.amount })
    expect(read).toMatchObject({ merchant_uid: body.merchant_uid, amount: body.amount })
  })

  itOnBoth('refuses a merchant_uid registered before with code 1', async ({ api, fx }) => {
    const body = fx.prepareBody()
    expectOk(await api.client.raw.prepare.create(body), 'prepare')

    const res = await api.client.raw.prepare.create({ ...body, amount: body.amount + 100 })

    expectFailure(res, catalogued(errors.prepareDuplicate()))
  })

  itOnBoth('changes the registered amount with PUT', async ({ api, fx }) => {
    const body = fx.prepareBody()
    expectOk(await api.client.raw.prepare.create(body), 'prepare')

    const updated = expectOk<Prepare>(await api.client.raw.prepare.update({ ...body, amount: body.amount + 500 }), 'prepare')

    expect(updated.amount).toBe(body.amount + 500)
    expect(expectOk<Prepare>(await api.client.raw.prepare.get(body.merchant_uid), 'prepare').amount).toBe(body.amount + 500)
  })

  itOnBoth('answers an unregistered merchant_uid with 404 on GET', async ({ api, fx }) => {
    const res = await api.client.raw.prepare.get(fx.ids.merchantUid('unregistered'))

    expectFailure(res, { ...catalogued(errors.prepareNotFound()), code: 'non-zero' })
  })

  itOnBoth('answers an unregistered merchant_uid with 404 on PUT', async ({ api, fx }) => {
    const res = await api.client.raw.prepare.update(fx.prepareBody())

    expectFailure(res, { status: 404, code: 'non-zero' })
  })
})
