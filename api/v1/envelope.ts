/**
 * The i'mport response envelope: `{ code, message, response }` (swagger `ResponseAnnotation`).
 *
 * Success is `code: 0, message: null` with `response` filled. A failure has `code` other than 0
 * (only 1 and -1 are seen in the wild) and `response: null`.
 */
import { Type, type Static, type TSchema } from 'typebox'
import { NullableString } from './common.js'

/** Envelope of a successful call whose `response` has the given schema. */
export const envelope = <T extends TSchema>(response: T) =>
  Type.Object(
    {
      code: Type.Integer(),
      message: NullableString(),
      response
    },
    { additionalProperties: false }
  )

/** Envelope of a failed call: `response` is always `null`. */
export const ErrorEnvelopeSchema = Type.Object(
  {
    code: Type.Integer(),
    message: NullableString(),
    response: Type.Null()
  },
  { additionalProperties: false }
)
export type ErrorEnvelope = Static<typeof ErrorEnvelopeSchema>

/** What every i'mport answer looks like before you know whether it succeeded. */
export interface Envelope<T> {
  code: number
  message: string | null
  response: T | null
}

/** Paged list as `PagedPaymentAnnotation` and the schedule lists use it: `previous`/`next` are page numbers, 0 when none. */
export const paged = <T extends TSchema>(item: T) =>
  Type.Object(
    {
      total: Type.Integer({ minimum: 0 }),
      previous: Type.Integer({ minimum: 0 }),
      next: Type.Integer({ minimum: 0 }),
      list: Type.Array(item)
    },
    { additionalProperties: false }
  )

export interface Paged<T> {
  total: number
  previous: number
  next: number
  list: T[]
}
