/**
 * A key → values index that stores a single value as itself and only makes an array for a
 * second one. Most merchant_uids have one attempt and many customer_uids one payment; with a
 * million payments stored, one-element arrays were four extra heap objects per payment for the
 * garbage collector to trace (see bench/README.md).
 */
const NONE: readonly never[] = Object.freeze([])

export class MultiIndex<K, V extends object> {
  private readonly entries = new Map<K, V | V[]>()

  add(key: K, value: V): void {
    const current = this.entries.get(key)
    if (current === undefined) this.entries.set(key, value)
    else if (Array.isArray(current)) current.push(value)
    else this.entries.set(key, [current, value])
  }

  /** The values under `key`, in the order they were added; empty when there is none. */
  get(key: K): readonly V[] {
    const current = this.entries.get(key)
    if (current === undefined) return NONE
    return Array.isArray(current) ? current : [current]
  }

  has(key: K): boolean {
    return this.entries.has(key)
  }

  clear(): void {
    this.entries.clear()
  }
}
