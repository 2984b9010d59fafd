import { describe, expect, it } from 'vitest'
import { lazySerializerFactory } from './lazy-serialization.js'

const schema = { type: 'object', properties: { code: { type: 'integer' }, message: { type: ['string', 'null'] } } }
const route = { schema, method: 'GET', url: '/x', httpStatus: '200' }

describe('lazy, shared response serializers', () => {
  it('serialize by the schema, as Fastify would (fields outside it are left out)', () => {
    const serialize = lazySerializerFactory()({}, {})(route)
    expect(serialize({ code: 0, message: null, secret: 'x' })).toBe('{"code":0,"message":null}')
  })

  it('compile once per schema object for every app in the process, and only when first used', () => {
    let compiled = 0
    const counting = { ...schema, properties: { ...schema.properties } }
    const first = lazySerializerFactory()({}, {})({ ...route, schema: counting })
    const second = lazySerializerFactory()({}, {})({ ...route, schema: counting })
    // Nothing is compiled until a route answers: building an app costs no serializer.
    Object.defineProperty(counting, 'type', {
      get() {
        compiled++
        return 'object'
      },
      enumerable: true
    })
    expect(compiled).toBe(0)
    expect(first({ code: 1, message: 'a' })).toBe('{"code":1,"message":"a"}')
    const afterFirst = compiled
    expect(afterFirst).toBeGreaterThan(0)
    expect(second({ code: 2, message: 'b' })).toBe('{"code":2,"message":"b"}')
    expect(compiled).toBe(afterFirst)
  })

  it('compile apart for an app with shared schemas, whose references only it can resolve', () => {
    const own = lazySerializerFactory()({ shared: { $id: 'shared', type: 'string' } }, {})
    expect(own({ schema: { type: 'object', properties: { a: { $ref: 'shared#' } } }, method: 'GET', url: '/y', httpStatus: '200' })({ a: 'z' })).toBe(
      '{"a":"z"}'
    )
  })
})
