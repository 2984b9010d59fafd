import { describe, expect } from 'vitest'
import { PrepareResponseSchema } from '../../../api/v1/prepare.js'
import { errors } from '../../../api/v1/catalogue.js'
import { expectEnvelope, expectError } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

describe('/payments/prepare', () => {
  it('registers an amount and answers it back', async ({ testApp }) => {
    const t = await testApp()

    const body = expectEnvelope(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000 }), 200, PrepareResponseSchema)

    expect(body.response).toEqual({ merchant_uid: 'order-1', amount: 12000, currency: null })
    expect((await t.get('/payments/prepare/order-1')).json().response).toEqual(body.response)
  })

  it('refuses a merchant_uid registered before with code 1', async ({ testApp }) => {
    const t = await testApp()
    await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000 })

    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 5000 }), errors.prepareDuplicate())
    expect((await t.get('/payments/prepare/order-1')).json().response.amount).toBe(12000)
  })

  it('changes a registered amount with PUT', async ({ testApp }) => {
    const t = await testApp()
    await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 12000, currency: 'KRW' })

    const body = expectEnvelope(await t.put('/payments/prepare', { merchant_uid: 'order-1', amount: 8000 }), 200, PrepareResponseSchema)

    expect(body.response).toEqual({ merchant_uid: 'order-1', amount: 8000, currency: 'KRW' })
  })

  it('answers 404 for an unregistered merchant_uid on GET and PUT', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.get('/payments/prepare/nope'), errors.prepareNotFound())
    expectError(await t.put('/payments/prepare', { merchant_uid: 'nope', amount: 1000 }), errors.prepareNotFound())
  })

  it('refuses a missing or non-positive amount', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1' }), errors.requiredParams(['amount']))
    expectError(await t.post('/payments/prepare', { merchant_uid: 'order-1', amount: 0 }), errors.invalidAmount('amount'))
  })
})
