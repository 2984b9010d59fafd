import { afterEach, describe, expect, it } from 'vitest'
import { PrepareResponseSchema } from '../../../api/v1/prepare.js'
import { errors } from '../../../api/v1/catalogue.js'
import { createTestApp, expectEnvelope, expectError, type TestApp } from '../../../test/support/helpers.js'

let t: TestApp
afterEach(async () => t?.app.close())

describe('/payments/prepare', () => {
  it('registers an amount and answers it back', async () => {
    t = await createTestApp()

    const body = expectEnvelope(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000 }), 200, PrepareResponseSchema)

    expect(body.response).toEqual({ merchant_uid: 'order-1', amount: 12000, currency: null })
    expect((await t.get('/payments/prepare/order-1')).json().response).toEqual(body.response)
  })

  it('refuses a merchant_uid registered before with code 1', async () => {
    t = await createTestApp()
    await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000 })

    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 5000 }), errors.prepareDuplicate())
    expect((await t.get('/payments/prepare/order-1')).json().response.amount).toBe(12000)
  })

  it('changes a registered amount with PUT', async () => {
    t = await createTestApp()
    await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000, currency: 'KRW' })

    const body = expectEnvelope(await t.put('/payments/prepare', { merchant_uid: 'order-1', amount: 8000 }), 200, PrepareResponseSchema)

    expect(body.response).toEqual({ merchant_uid: 'order-1', amount: 8000, currency: 'KRW' })
  })

  it('answers 404 for an unregistered merchant_uid on GET and PUT', async () => {
    t = await createTestApp()

    expectError(await t.get('/payments/prepare/nope'), errors.prepareNotFound())
    expectError(await t.put('/payments/prepare', { merchant_uid: 'nope', amount: 1000 }), errors.prepareNotFound())
  })

  it('refuses a missing or non-positive amount', async () => {
    t = await createTestApp()

    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1' }), errors.requiredParams(['amount']))
    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 0 }), errors.invalidAmount('amount'))
  })
})
