/**
 * JSON has no Infinity, but JavaScript reads `1e400` as Infinity, and ajv's coercion turns the
 * string "999…9" (400 digits) into Infinity too; ajv's `number` and `integer` then accept it. A
 * non-finite number that reached a handler was stored and broke every later answer that rendered
 * it. The validators run this after ajv, so such a value is refused like any value of the wrong type.
 */

/** Where the first non-finite number in `data` is, as a JSON pointer (`/schedules/0/amount`); null if none. */
export function nonFinitePath(data: unknown): string | null {
  if (typeof data === 'number') return Number.isFinite(data) ? null : ''
  if (typeof data !== 'object' || data === null) return null
  // Iterative: a body may nest thousands of levels under a key no schema names.
  const stack: Array<{ value: object; path: string }> = [{ value: data, path: '' }]
  while (stack.length > 0) {
    const { value, path } = stack.pop()!
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key]
      // Every validated body passes here: the pointer is only built where it is needed.
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) return pointer(path, key)
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, path: pointer(path, key) })
      }
    }
  }
  return null
}

function pointer(parent: string, key: string): string {
  return `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
}

/** The ajv-shaped error for a non-finite number (read by both error handlers as a type error). */
export function nonFiniteError(instancePath: string) {
  return {
    keyword: 'type',
    instancePath,
    schemaPath: '#/type',
    params: { type: 'number' },
    message: 'must be a finite number'
  }
}
