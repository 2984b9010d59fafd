/** The typed client carries the simulator's X-Iamport-Mock-Hint on the error it throws (undefined against the real API). */
import { afterEach, expect, it } from 'vitest'
import { startHttp, type HttpHarness } from '../test/support/http.js'
import { createIamportClient } from './client.js'
import { IamportNotFoundError } from './errors.js'

let h: HttpHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

it("puts the simulator's hint on the error of a refused call", async () => {
  h = await startHttp()
  const owner = await h.merchant()
  await owner.issueKey('c1')
  const paid = await owner.again('order-1', 'c1')
  const other = await h.control.merchants.create({ imp_key: 'shop_b', imp_secret: 'secret_b' })
  const client = createIamportClient({ baseURL: h.url, impKey: other.imp_key, impSecret: other.imp_secret, retry: false })

  const error = await client.payments.get(paid.data.response.imp_uid).then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(IamportNotFoundError)
  expect((error as IamportNotFoundError).hint).toMatch(
    /^imp_uid "imps_\d{12}" is unknown to merchant "shop_b", whose access token was sent, but merchant "imp_apikey" holds it/
  )
})
