import { afterEach, describe, expect, it } from 'vitest'
import { createIamportClient, type IamportClientOptions } from './index.js'
import { IamportApiError, IamportAuthError, IamportConnectionError, type IamportError, IamportNotFoundError } from './errors.js'
import { TOKEN_A, TOKEN_B, fail, ok, startStubServer, tokenAnswer, type StubAnswer, type StubRequest, type StubServer } from './test/stub-server.js'

const KEYS = { impKey: 'key_1', impSecret: 'secret_1' }
const PAYMENT = { imp_uid: 'imp_123456789012', merchant_uid: 'm_1', amount: 1000, status: 'paid' }

let server: StubServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Records the waits instead of waiting. */
function noSleep(): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = []
  return { delays, sleep: async (ms) => void delays.push(ms) }
}

async function clientFor(handler: (request: StubRequest, index: number) => StubAnswer, options: Partial<IamportClientOptions> = {}) {
  server = await startStubServer(handler)
  const waits = noSleep()
  const client = createIamportClient({ baseURL: server.url, ...KEYS, retry: { sleep: waits.sleep, random: () => 0 }, ...options })
  return { client, server, waits }
}

/** Answers getToken with TOKEN_A and everything else with `rest`. */
const withToken = (rest: (request: StubRequest) => StubAnswer) => (request: StubRequest) =>
  request.url === '/users/getToken' ? tokenAnswer(TOKEN_A) : rest(request)

describe('access token', () => {
  it('fetches a token with the client key pair on the first call and sends it as a Bearer token', async () => {
    const { client, server } = await clientFor(withToken(() => ok(PAYMENT)))

    await client.payments.get('imp_123456789012')

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /users/getToken', 'GET /payments/imp_123456789012'])
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ imp_key: 'key_1', imp_secret: 'secret_1' })
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${TOKEN_A}`)
  })

  it('reuses the cached token until expired_at minus the skew', async () => {
    let nowMs = 0
    const { client, server } = await clientFor(
      withToken(() => ok(PAYMENT)),
      { now: () => nowMs, tokenSkewSeconds: 60 }
    )

    await client.payments.get('imp_1')
    nowMs = (1800 - 61) * 1000
    await client.payments.get('imp_1')
    nowMs = (1800 - 60) * 1000
    await client.payments.get('imp_1')

    expect(server.requests.filter((r) => r.url === '/users/getToken')).toHaveLength(2)
  })

  it('measures expiry from the server clock, not the local one', async () => {
    // The server says now = 1.7e9 while the local clock reads 0: only the difference counts.
    let nowMs = 0
    const { client, server } = await clientFor(
      withToken(() => ok(PAYMENT)),
      { now: () => nowMs }
    )

    await client.payments.get('imp_1')
    nowMs = 10 * 60 * 1000
    await client.payments.get('imp_1')

    expect(server.requests.filter((r) => r.url === '/users/getToken')).toHaveLength(1)
  })

  it('shares one getToken request between concurrent calls', async () => {
    const { client, server } = await clientFor(withToken(() => ok(PAYMENT)))

    await Promise.all(Array.from({ length: 5 }, (_, i) => client.payments.get(`imp_${i}`)))

    expect(server.requests.filter((r) => r.url === '/users/getToken')).toHaveLength(1)
    expect(server.requests).toHaveLength(6)
  })

  it('refreshes the token once and repeats the call when the server answers 401', async () => {
    let tokens = 0
    const { client, server } = await clientFor((request) => {
      if (request.url === '/users/getToken') return tokenAnswer(tokens++ === 0 ? TOKEN_A : TOKEN_B)
      return request.headers.authorization === `Bearer ${TOKEN_B}` ? ok(PAYMENT) : fail(401, -1, 'Unauthorized')
    })

    const payment = await client.subscribe.again({ customer_uid: 'c', merchant_uid: 'm', amount: 1000, name: 'n' })

    expect(payment).toEqual(PAYMENT)
    expect(server.requests.map((r) => r.url)).toEqual([
      '/users/getToken',
      '/subscribe/payments/again',
      '/users/getToken',
      '/subscribe/payments/again'
    ])
  })

  it('gives up with IamportAuthError when the fresh token is refused too', async () => {
    const { client, server } = await clientFor(withToken(() => fail(401, -1, 'Unauthorized')))

    const error = await client.payments.get('imp_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportAuthError)
    expect(error).toMatchObject({ status: 401, code: -1, message: 'Unauthorized', operationId: 'getPaymentByImpUid' })
    expect(server.requests.filter((r) => r.url === '/payments/imp_1')).toHaveLength(2)
  })

  it('reports a wrong key pair as IamportAuthError without retrying', async () => {
    const { client, server } = await clientFor(() => fail(401, -1, '인증에 실패하였습니다. API키와 secret을 확인하세요.'))

    const error = await client.payments.get('imp_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportAuthError)
    expect((error as IamportError).message).toBe('인증에 실패하였습니다. API키와 secret을 확인하세요.')
    expect(server.requests).toHaveLength(1)
  })

  it('sends an explicit accessToken as given and does not refresh it', async () => {
    const { client, server } = await clientFor(withToken(() => fail(401, -1, 'Unauthorized')))

    const res = await client.raw.payments.get('imp_1', {}, { accessToken: 'not-a-token' })

    expect(res.status).toBe(401)
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer not-a-token'])
  })

  it('caches the answer of an explicit getToken with the client key pair', async () => {
    const { client, server } = await clientFor(withToken(() => ok(PAYMENT)))

    const auth = await client.auth.getToken()
    await client.payments.get('imp_1')

    expect(auth.access_token).toBe(TOKEN_A)
    expect(server.requests.filter((r) => r.url === '/users/getToken')).toHaveLength(1)
  })
})

describe('envelope', () => {
  it('returns `response` of a code 0 answer', async () => {
    const { client } = await clientFor(withToken(() => ok(PAYMENT)))

    await expect(client.payments.get('imp_1')).resolves.toEqual(PAYMENT)
  })

  it('throws IamportApiError for HTTP 200 with a non-zero code, keeping code and message', async () => {
    const { client } = await clientFor(withToken(() => fail(200, 1, '등록되지 않은 구매자입니다.')))

    const error = await client.subscribe.again({ customer_uid: 'c', merchant_uid: 'm', amount: 1, name: 'n' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportApiError)
    expect(error).toMatchObject({
      status: 200,
      code: 1,
      message: '등록되지 않은 구매자입니다.',
      method: 'POST',
      operationId: 'again',
      raw: { code: 1, message: '등록되지 않은 구매자입니다.', response: null }
    })
    expect((error as IamportError).url).toMatch(/\/subscribe\/payments\/again$/)
  })

  it('throws IamportNotFoundError for a 404', async () => {
    const { client } = await clientFor(withToken(() => fail(404, -1, '존재하지 않는 결제정보입니다.')))

    await expect(client.payments.get('imp_1')).rejects.toBeInstanceOf(IamportNotFoundError)
  })

  it('treats 200 + code 1 on a billing-key lookup as not found, as the real server answers it', async () => {
    const { client } = await clientFor(withToken(() => fail(200, 1, '요청하신 customer_uid(x)로 등록된 정보를 찾을 수 없습니다.')))

    const error = await client.billingKeys.get('x').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportNotFoundError)
    expect(error).toMatchObject({ status: 200, code: 1 })
  })

  it('throws IamportApiError with a null code when the body is not an envelope', async () => {
    const { client } = await clientFor(
      withToken(() => ({ status: 502, body: '<html>Bad Gateway</html>', raw: true })),
      { retry: false }
    )

    const error = await client.payments.cancel({ imp_uid: 'imp_1' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportApiError)
    expect(error).toMatchObject({ status: 502, code: null, raw: '<html>Bad Gateway</html>' })
  })

  it('answers status, body and headers in raw mode without throwing', async () => {
    const { client } = await clientFor(withToken(() => fail(200, -1, '카드정보 인증에 실패하였습니다. [F113]')))

    const res = await client.raw.subscribe.onetime({ merchant_uid: 'm', amount: 1000, card_number: '4242', expiry: '2030-12' })

    expect(res.status).toBe(200)
    expect(res.body).toEqual({ code: -1, message: '카드정보 인증에 실패하였습니다. [F113]', response: null })
    expect(res.headers['content-type']).toMatch(/application\/json/)
  })
})

describe('requests', () => {
  it('encodes path parameters', async () => {
    const { client, server } = await clientFor(withToken(() => ok({})))

    await client.billingKeys.get('a/b c?d#')

    expect(server.requests[1]!.url).toBe('/subscribe/customers/a%2Fb%20c%3Fd%23')
  })

  it('sends lists as name[] and include_sandbox as a query parameter', async () => {
    const { client, server } = await clientFor(withToken(() => ok([])))

    await client.billingKeys.getMany(['u1', 'u2'])
    await client.payments.get('imp_1', { include_sandbox: true })

    const [, many, one] = server.requests.map((r) => decodeURIComponent(r.url))
    expect(many).toBe('/subscribe/customers?customer_uid[]=u1&customer_uid[]=u2')
    expect(one).toBe('/payments/imp_1?include_sandbox=true')
  })

  it('puts payment_status in the path of find and findAll', async () => {
    const { client, server } = await clientFor(withToken(() => ok(PAYMENT)))

    await client.payments.find('m 1', { payment_status: 'paid', sorting: '-paid' })
    await client.payments.findAll('m 1', { page: 2 })

    expect(server.requests.slice(1).map((r) => r.url)).toEqual(['/payments/find/m%201/paid?sorting=-paid', '/payments/findAll/m%201?page=2'])
  })

  it('sends snake_case bodies exactly as given, as JSON', async () => {
    const { client, server } = await clientFor(withToken(() => ok(PAYMENT)))
    const body = { imp_uid: 'imp_1', amount: 500, checksum: 1000, reason: '부분 환불' }

    await client.payments.cancel(body)

    expect(server.requests[1]!.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(server.requests[1]!.body)).toEqual(body)
  })

  it('sends the Tier header for a sub-merchant', async () => {
    const { client, server } = await clientFor(
      withToken(() => ok(PAYMENT)),
      { tier: 'T01' }
    )

    await client.payments.get('imp_1')

    expect(server.requests.every((r) => r.headers.tier === 'T01')).toBe(true)
  })

  it('reports every answer to onResponse, with the operationId and path template', async () => {
    const seen: Array<{ operationId: string; path: string; status: number }> = []
    const { client } = await clientFor(
      withToken(() => fail(404, -1, 'x')),
      {
        onResponse: ({ operationId, path, status }) => seen.push({ operationId, path, status })
      }
    )

    await client.raw.payments.get('imp_1')

    expect(seen).toEqual([
      { operationId: 'getToken', path: '/users/getToken', status: 200 },
      { operationId: 'getPaymentByImpUid', path: '/payments/{imp_uid}', status: 404 }
    ])
  })
})

describe('retries', () => {
  it('retries a read after a 5xx with growing, capped backoff', async () => {
    const { client, server, waits } = await clientFor(
      withToken((request) => (server!.requests.filter((r) => r.url === request.url).length < 3 ? fail(503, -1, 'busy') : ok(PAYMENT))),
      { retry: { maxRetries: 3, initialDelayMs: 100, maxDelayMs: 150, random: () => 0.99, sleep: async (ms) => void delays.push(ms) } }
    )
    const delays: number[] = []

    await expect(client.payments.get('imp_1')).resolves.toEqual(PAYMENT)

    expect(server.requests.filter((r) => r.url === '/payments/imp_1')).toHaveLength(3)
    expect(delays).toEqual([100, 149])
    expect(waits.delays).toEqual([])
  })

  it('retries a read when the connection drops', async () => {
    let calls = 0
    const { client, server, waits } = await clientFor(withToken(() => (calls++ === 0 ? 'hangup' : ok(PAYMENT))))

    await expect(client.payments.get('imp_1')).resolves.toEqual(PAYMENT)

    expect(server.requests.filter((r) => r.url === '/payments/imp_1')).toHaveLength(2)
    expect(waits.delays).toEqual([200])
  })

  it('retries the token fetch inside its own retries only, not again for each attempt of the read', async () => {
    const { client, server } = await clientFor(() => 'hangup', { retry: { maxRetries: 2, sleep: async () => {} } })

    const error = await client.payments.get('imp_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportConnectionError)
    expect(error).toMatchObject({ reason: 'network', operationId: 'getToken' })
    expect(server.requests.map((r) => r.url)).toEqual(['/users/getToken', '/users/getToken', '/users/getToken'])
  })

  it('reports a request that outlives timeoutMs as reason timeout', async () => {
    const { client } = await clientFor((request) => (request.url === '/users/getToken' ? tokenAnswer(TOKEN_A) : null), {
      timeoutMs: 20,
      retry: false
    })

    const error = await client.payments.get('imp_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportConnectionError)
    expect(error).toMatchObject({ reason: 'timeout', status: null, operationId: 'getPaymentByImpUid' })
  })

  it('never retries a call that moves money, whatever the failure', async () => {
    const { client, server } = await clientFor(
      withToken(() => fail(503, -1, 'busy')),
      { retry: { maxRetries: 5, sleep: async () => {} } }
    )

    await expect(client.subscribe.again({ customer_uid: 'c', merchant_uid: 'm', amount: 1, name: 'n' })).rejects.toBeInstanceOf(IamportApiError)
    await expect(client.subscribe.onetime({ merchant_uid: 'm', amount: 1, card_number: '1', expiry: '2030-12' })).rejects.toBeInstanceOf(
      IamportApiError
    )
    await expect(client.payments.cancel({ imp_uid: 'i' })).rejects.toBeInstanceOf(IamportApiError)

    expect(server.requests.filter((r) => r.url !== '/users/getToken')).toHaveLength(3)
  })

  it('does not retry a business answer (200 with code ≠ 0)', async () => {
    const { client, server } = await clientFor(withToken(() => fail(200, -1, 'no')))

    await expect(client.payments.get('imp_1')).rejects.toBeInstanceOf(IamportApiError)

    expect(server.requests).toHaveLength(2)
  })

  it('honours maxRetries 0 for one call', async () => {
    const { client, server } = await clientFor(withToken(() => fail(500, -1, 'x')))

    await expect(client.payments.get('imp_1', {}, { maxRetries: 0 })).rejects.toBeInstanceOf(IamportApiError)

    expect(server.requests).toHaveLength(2)
  })
})

describe('spacing', () => {
  it('spaces requests minIntervalMs apart, in call order', async () => {
    let nowMs = 1000
    const delays: number[] = []
    const { client } = await clientFor(
      withToken(() => ok(PAYMENT)),
      {
        now: () => nowMs,
        minIntervalMs: 100,
        retry: { sleep: async (ms) => void delays.push(ms) }
      }
    )

    await client.payments.get('imp_1')
    nowMs += 30
    await client.payments.get('imp_2')

    // getToken at 1000, the first read waits for 1100, the second (asked at 1030) for 1200.
    expect(delays).toEqual([100, 170])
  })
})

describe('connection failures', () => {
  it('throws IamportConnectionError with reason network when nothing listens', async () => {
    const closed = await startStubServer(() => null)
    const url = closed.url
    await closed.close()
    const client = createIamportClient({ baseURL: url, ...KEYS, retry: false })

    const error = await client.payments.get('imp_1').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(IamportConnectionError)
    expect(error).toMatchObject({ reason: 'network', status: null, code: null, operationId: 'getToken' })
  })

  it('throws reason aborted when the caller aborts, and does not retry', async () => {
    const { client, server } = await clientFor((request) => (request.url === '/users/getToken' ? tokenAnswer(TOKEN_A) : null))
    const controller = new AbortController()

    const pending = client.payments.get('imp_1', {}, { signal: controller.signal }).catch((e: unknown) => e)
    await waitFor(() => server.requests.length === 2)
    controller.abort()
    const error = await pending

    expect(error).toBeInstanceOf(IamportConnectionError)
    expect((error as IamportConnectionError).reason).toBe('aborted')
    expect(server.requests).toHaveLength(2)
  })

  it('never puts the request body or token into the error', async () => {
    const { client, server } = await clientFor((request) => (request.url === '/users/getToken' ? tokenAnswer(TOKEN_A) : 'hangup'))

    const error = (await client.subscribe
      .onetime({ merchant_uid: 'm', amount: 1, card_number: '4242-4242-4242-4242', expiry: '2030-12', pwd_2digit: '12' })
      .catch((e: unknown) => e)) as Error

    const dump = JSON.stringify({ error, cause: error.cause, message: error.message, stack: error.stack }) + String(error.cause)
    expect(error).toBeInstanceOf(IamportConnectionError)
    expect(dump).not.toContain('4242-4242')
    expect(dump).not.toContain(TOKEN_A)
    expect(server.requests).toHaveLength(2)
  })
})

/** Polls a condition on the event loop (no timers): for "the server has seen the request". */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve))
  expect(condition()).toBe(true)
}
