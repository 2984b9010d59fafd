import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import { catalogued, expectFailure, expectOk, expectUnixSeconds, FORMATS, itOnBoth, itOnMockOnly, target } from '../lib/harness.js'
import { divergence } from '../lib/divergences.js'
import type { Auth } from '../../api/v1/auth.js'

const TOKEN_LIFETIME_SECONDS = 30 * 60

describe('POST /users/getToken', () => {
  itOnBoth('issues a 40-hex token that expires at most 30 minutes after the server time', async ({ api }) => {
    const res = await api.client.raw.auth.getToken()

    const auth = expectOk<Auth>(res, 'auth')
    expect(auth.access_token).toMatch(FORMATS.accessToken)
    expectUnixSeconds(auth.now)
    expect(auth.expired_at - auth.now).toBeGreaterThan(0)
    expect(auth.expired_at - auth.now).toBeLessThanOrEqual(TOKEN_LIFETIME_SECONDS)
  })

  itOnBoth('answers the same token when asked again before it expires', async ({ api }) => {
    const first = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')

    const second = expectOk<Auth>(await api.client.raw.auth.getToken(), 'auth')

    expect(second.access_token).toBe(first.access_token)
    expect(second.expired_at).toBeGreaterThanOrEqual(first.expired_at)
  })

  itOnBoth('refuses a wrong secret with 401 and the authentication message', async ({ api }) => {
    const res = await api.client.raw.auth.getToken({ imp_key: target.impKey, imp_secret: 'not-the-secret' })

    expectFailure(res, catalogued(errors.authFailed()))
  })

  itOnBoth('refuses a missing key pair with code -1 and the missing-parameter message', async ({ api }) => {
    const res = await api.client.raw.auth.getToken({ imp_key: '', imp_secret: '' })

    expectFailure(res, {
      ...catalogued(errors.tokenParamsMissing(400)),
      status: [200, 400],
      divergence: divergence('token-missing-params-status')
    })
  })

  itOnMockOnly('answers a missing key pair with HTTP 400', 'the real status is not recorded (200 or 400)', async ({ api }) => {
    const res = await api.client.raw.auth.getToken({ imp_key: '', imp_secret: '' })

    expect(res.status).toBe(400)
  })
})

describe('access token on other calls', () => {
  itOnBoth('answers 401 Unauthorized for a token the server never issued', async ({ api }) => {
    const res = await api.client.raw.payments.get('imp_000000000000', {}, { accessToken: 'f'.repeat(40) })

    expectFailure(res, catalogued(errors.unauthorized()))
  })

  itOnBoth('accepts the token the client fetched by itself', async ({ api, fx }) => {
    const res = await api.client.raw.prepare.get(fx.ids.merchantUid('unregistered'))

    // Not found (404), not refused (401): the token was accepted.
    expect(res.status).toBe(404)
  })
})
