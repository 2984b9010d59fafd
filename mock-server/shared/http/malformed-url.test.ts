import { describe, expect } from 'vitest'
import { errors } from '../../../api/v1/catalogue.js'
import { expectError } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

// Found by the fuzzer: a path with a broken percent-encoding (`/subscribe/customers/%`) was
// answered with Fastify's own `{ error, code: "FST_ERR_BAD_URL", statusCode }` body, since the
// router refuses it before any hook or error handler runs.

describe('a URL with a broken percent-encoding', () => {
  for (const path of ['/subscribe/customers/%', '/payments/%ZZ', '/payments/find/a%E0%A4%A']) {
    it(`answers ${path} with the 400 envelope`, async ({ testApp }) => {
      const t = await testApp()
      expectError(await t.get(path), errors.malformedUrl())
    })
  }

  it('answers the control API in its own error shape', async ({ testApp }) => {
    const t = await testApp()
    const res = await t.app.inject({ method: 'DELETE', url: '/__mock/faults/%' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: { code: 'bad_request', message: expect.stringContaining('percent-encoding') } })
  })
})
