/**
 * Atoms shared by every wire schema.
 *
 * Nullable fields are written as JSON-schema type arrays (`['string', 'null']`) rather than
 * `anyOf`, because fast-json-stringify compiles type arrays into a cheap branch while `anyOf`
 * makes it run a validator per value on the hot path.
 */
import { Type, type TSchema, type TUnsafe } from 'typebox'

/** A string the real API may send as `null` (most optional Payment/Customer fields). */
export const NullableString = (options: Record<string, unknown> = {}): TUnsafe<string | null> =>
  Type.Unsafe<string | null>({ type: ['string', 'null'], ...options })

/** An integer the real API may send as `null` (for example `card_type` when the PG does not report it). */
export const NullableInteger = (options: Record<string, unknown> = {}): TUnsafe<number | null> =>
  Type.Unsafe<number | null>({ type: ['integer', 'null'], ...options })

/** 9999-12-31T23:59:59Z: the latest time a request may name (later ones have no printable date). */
export const MAX_UNIX_SECONDS = 253_402_300_799

/** UNIX time in seconds. The real API uses `0`, never `null`, for "has not happened". */
export const UnixSeconds = (options: Record<string, unknown> = {}) =>
  Type.Integer({ minimum: 0, description: 'UNIX timestamp in seconds; 0 when it has not happened', ...options })

/** An amount of money in the payment's currency (KRW has no minor unit, other currencies may). */
export const Amount = (options: Record<string, unknown> = {}) => Type.Number(options)

/** Makes every property of an object schema optional: request bodies are checked by the domain, not by shape alone. */
export type { TSchema }
