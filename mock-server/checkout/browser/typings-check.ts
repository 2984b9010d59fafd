/**
 * The SDK's public surface held against `iamport-typings` (the community's TypeScript types of
 * i'mport's browser SDK), at compile time only: `npm run typecheck` fails if the simulator's
 * `window.IMP` lacks a method the typings know, or if `request_pay`'s callback object lacks a
 * field of theirs or carries one that is neither theirs nor listed below with its source.
 * Nothing here is bundled or run.
 */
import type Iamport from 'iamport-typings'
import type { RequestPayParams, RequestPayResponse } from 'iamport-typings'
import type { RequestPayResult } from '../../../api/checkout/window.js'
import type { IamportMock } from './sdk.js'

type Assert<T extends true> = T
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** Every method the typings declare is on our IMP, taking what they take. */
export type MethodsCovered = Assert<Equal<Exclude<keyof Iamport, keyof IamportMock>, never>>
export type ParamsAccepted = Assert<RequestPayParams extends Parameters<IamportMock['request_pay']>[0] ? true : false>

/** Every response field the typings know is in our callback object… */
export type ResponseCovered = Assert<Equal<Exclude<keyof RequestPayResponse, keyof RequestPayResult>, never>>

/**
 * …and ours has only these beyond theirs, each in sdk-payrt.mdx or its sample response
 * (`pg_type`, `card_quota`, `bank_name` are in the sample; `customer_uid` is the billing-key
 * request's own parameter, echoed).
 */
export type ExtraFields = Assert<
  Equal<
    Exclude<keyof RequestPayResult, keyof RequestPayResponse>,
    | 'custom_data'
    | 'paid_at'
    | 'receipt_url'
    | 'card_name'
    | 'card_number'
    | 'card_quota'
    | 'currency'
    | 'pg_type'
    | 'bank_name'
    | 'buyer_postcode'
    | 'customer_uid'
  >
>
