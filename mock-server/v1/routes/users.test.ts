import { describe, expect } from 'vitest'
import { AuthResponseSchema } from '../../../api/v1/auth.js'
import { errors } from '../../../api/v1/catalogue.js'
import { EXTENSION_SECONDS, TOKEN_LIFETIME_SECONDS } from '../domain/tokens.js'
import { expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'

const tokenRequest = (t: TestApp, payload: object | string, contentType?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/users/getToken',
    payload,
    ...(contentType ? { headers: { 'content-type': contentType } } : {})
  })

describe('POST /users/getToken', () => {
  it('issues a 40-hex token living 30 minutes, with the server time', async ({ testApp }) => {
    const t = await testApp()
    t.clock.advance(TOKEN_LIFETIME_SECONDS) // past the helper's token

    const res = await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })

    const body = expectEnvelope(res, 200, AuthResponseSchema)
    expect(body.code).toBe(0)
    expect(body.message).toBeNull()
    expect(body.response.access_token).toMatch(/^[a-f0-9]{40}$/)
    expect(body.response.now).toBe(T0 + TOKEN_LIFETIME_SECONDS)
    expect(body.response.expired_at).toBe(T0 + 2 * TOKEN_LIFETIME_SECONDS)
  })

  it('accepts a form-encoded body', async ({ testApp }) => {
    const t = await testApp()

    const res = await tokenRequest(
      t,
      `imp_key=${DEFAULT_MERCHANT.imp_key}&imp_secret=${DEFAULT_MERCHANT.imp_secret}`,
      'application/x-www-form-urlencoded'
    )

    expect(expectEnvelope(res, 200, AuthResponseSchema).response.access_token).toBe(t.token)
  })

  it('returns the same token and expiry before expiry', async ({ testApp }) => {
    const t = await testApp()
    t.clock.advance(10 * 60)

    const body = (await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })).json()

    expect(body.response.access_token).toBe(t.token)
    expect(body.response.expired_at).toBe(T0 + TOKEN_LIFETIME_SECONDS)
    expect(body.response.now).toBe(T0 + 10 * 60)
  })

  it('extends the expiry by 5 minutes when a minute or less is left', async ({ testApp }) => {
    const t = await testApp()
    t.clock.advance(TOKEN_LIFETIME_SECONDS - 60)

    const body = (await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })).json()

    expect(body.response.access_token).toBe(t.token)
    expect(body.response.expired_at).toBe(T0 + TOKEN_LIFETIME_SECONDS + EXTENSION_SECONDS)
  })

  it('does not extend when more than a minute is left', async ({ testApp }) => {
    const t = await testApp()
    t.clock.advance(TOKEN_LIFETIME_SECONDS - 61)

    const body = (await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })).json()

    expect(body.response.expired_at).toBe(T0 + TOKEN_LIFETIME_SECONDS)
  })

  it('issues a new token after expiry, and the old one stops working', async ({ testApp }) => {
    const t = await testApp()
    t.clock.advance(TOKEN_LIFETIME_SECONDS)

    const body = (await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: DEFAULT_MERCHANT.imp_secret })).json()

    expect(body.response.access_token).not.toBe(t.token)
    expectError(await t.get('/payments/imp_000000000000'), errors.unauthorized())
  })

  it('answers 401 with the real message for a wrong secret or an unknown key', async ({ testApp }) => {
    const t = await testApp()

    expectError(await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key, imp_secret: 'wrong' }), errors.authFailed())
    expectError(await tokenRequest(t, { imp_key: 'nobody', imp_secret: DEFAULT_MERCHANT.imp_secret }), errors.authFailed())
  })

  it('answers the missing-parameter error (400 by default) without imp_key or imp_secret', async ({ testApp }) => {
    const t = await testApp()

    expectError(await tokenRequest(t, { imp_key: DEFAULT_MERCHANT.imp_key }), errors.tokenParamsMissing(400))
    expectError(await tokenRequest(t, {}), errors.tokenParamsMissing(400))
  })

  it('can answer the missing-parameter error with HTTP 200 (fidelity switch)', async ({ testApp }) => {
    const t = await testApp({ config: { fidelity: { get_token_missing_params_status: 200 } } })

    expectError(await tokenRequest(t, { imp_secret: 'x' }), errors.tokenParamsMissing(200))
  })
})

describe('authentication of the other routes', () => {
  const carriers: Array<[string, (token: string) => { headers?: Record<string, string>; query?: string }]> = [
    ['Authorization: <token>', (token) => ({ headers: { authorization: token } })],
    ['Authorization: Bearer <token>', (token) => ({ headers: { authorization: `Bearer ${token}` } })],
    ['X-ImpTokenHeader: <token>', (token) => ({ headers: { 'x-imptokenheader': token } })],
    ['?_token=<token>', (token) => ({ query: `?_token=${token}` })]
  ]

  for (const [name, carry] of carriers) {
    it(`accepts the token as ${name}`, async ({ testApp }) => {
      const t = await testApp()
      const { headers, query = '' } = carry(t.token)

      const res = await t.app.inject({ method: 'GET', url: `/payments/imp_000000000000${query}`, ...(headers ? { headers } : {}) })

      // Authenticated: the lookup itself answers (404 for an unknown payment), not 401.
      expectError(res, errors.paymentNotFound())
    })
  }

  it('answers 401 Unauthorized without a token, with an unknown one, or after expiry', async ({ testApp }) => {
    const t = await testApp()

    expectError(await t.app.inject({ method: 'GET', url: '/payments/imp_1' }), errors.unauthorized())
    expectError(await t.app.inject({ method: 'GET', url: '/payments/imp_1', headers: { authorization: 'f'.repeat(40) } }), errors.unauthorized())
    t.clock.advance(TOKEN_LIFETIME_SECONDS)
    expectError(await t.get('/payments/imp_1'), errors.unauthorized())
  })

  it('keeps a token alive one second before its expiry and refuses it at expiry', async ({ testApp }) => {
    const t = await testApp()

    t.clock.advance(TOKEN_LIFETIME_SECONDS - 1)
    expectError(await t.get('/payments/imp_1'), errors.paymentNotFound())
    t.clock.advance(1)
    expectError(await t.get('/payments/imp_1'), errors.unauthorized())
  })
})
