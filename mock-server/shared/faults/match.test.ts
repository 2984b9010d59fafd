import { describe, expect, it } from 'vitest'
import { compileMatch, compilePath, matches, requestFacts, type RequestParts } from './match.js'

const parts = (overrides: Partial<RequestParts> = {}): RequestParts => ({
  method: 'POST',
  url: '/subscribe/payments/again',
  routeUrl: '/subscribe/payments/again',
  kind: 'again',
  impKey: 'imp_a',
  params: {},
  body: { customer_uid: 'c_1', merchant_uid: 'order_1', amount: 9900 },
  query: {},
  ...overrides
})

describe('compilePath', () => {
  it('matches exact paths and :params, one non-empty segment each', () => {
    const customer = compilePath('/subscribe/customers/:customer_uid')
    expect(customer('/subscribe/customers/c_1', undefined)).toBe(true)
    expect(customer('/subscribe/customers/', undefined)).toBe(false)
    expect(customer('/subscribe/customers/c_1/payments', undefined)).toBe(false)
    expect(customer('/anything', '/subscribe/customers/:customer_uid')).toBe(true)
    expect(compilePath('/payments/cancel')('/payments/cancel', undefined)).toBe(true)
    expect(compilePath('/payments/cancel')('/payments/cancels', undefined)).toBe(false)
  })

  it('compares percent-encoded segments as written', () => {
    expect(compilePath('/subscribe/customers/고객 1')('/subscribe/customers/%EA%B3%A0%EA%B0%9D%201', undefined)).toBe(true)
    expect(compilePath('/subscribe/customers/%zz')('/subscribe/customers/%zz', undefined)).toBe(true)
  })
})

describe('matches', () => {
  it('matches when every given field does, reading the body, path and query', () => {
    const facts = requestFacts(parts())
    expect(matches(compileMatch({}), facts)).toBe(true)
    expect(matches(compileMatch({ method: 'POST', imp_key: 'imp_a', customer_uid: 'c_1', merchant_uid: 'order_1', amount: 9900 }), facts)).toBe(true)
    expect(matches(compileMatch({ method: 'GET' }), facts)).toBe(false)
    expect(matches(compileMatch({ imp_key: 'imp_b' }), facts)).toBe(false)
    expect(matches(compileMatch({ amount: 9901 }), facts)).toBe(false)

    const find = requestFacts(
      parts({
        method: 'GET',
        url: '/payments/find/order_9?sorting=-started',
        routeUrl: '/payments/find/:merchant_uid',
        params: { merchant_uid: 'order_9' },
        body: undefined
      })
    )
    expect(find.path).toBe('/payments/find/order_9')
    expect(matches(compileMatch({ merchant_uid: 'order_9', path: '/payments/find/:merchant_uid' }), find)).toBe(true)

    const multiple = requestFacts(parts({ method: 'GET', body: undefined, query: { customer_uid: ['c_1', 'c_2'] } }))
    expect(multiple.customerUids).toEqual(['c_1', 'c_2'])
    expect(matches(compileMatch({ customer_uid: 'c_2' }), multiple)).toBe(true)
  })

  it('reads an amount given as text', () => {
    expect(requestFacts(parts({ body: { amount: '1000' } })).amount).toBe(1000)
    expect(requestFacts(parts({ body: { amount: 'lots' } })).amount).toBeNull()
  })
})
