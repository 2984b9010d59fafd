/**
 * Wire shapes of the browser checkout: what the SDK (`window.IMP`) sends the simulator when
 * `request_pay` is called, what the test payment window sends when the buyer decides, and the
 * object `request_pay` calls back with (sdk-payrt.mdx). The server validates with the schemas; the
 * browser code imports the types only, so no schema code reaches the bundle.
 */
import { Type, type Static } from 'typebox'
import { CARRIERS, type Carrier } from '../v1/certification.js'

/** The three things a buyer can do in the window (and what the auto-decide control call names). */
export const WINDOW_DECISIONS = ['approve', 'decline', 'close'] as const
export type WindowDecisionName = (typeof WINDOW_DECISIONS)[number]

/** `iframe`: the PC overlay; `redirect`: the full-page window of a mobile browser. */
export const WINDOW_MODES = ['iframe', 'redirect'] as const
export type WindowMode = (typeof WINDOW_MODES)[number]

/** `POST /__checkout/sessions`: the SDK asks for a window. `params` is checked by the server, field by field. */
export const OpenWindowBodySchema = Type.Object(
  {
    imp_code: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    tier_code: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    params: Type.Record(Type.String(), Type.Unknown()),
    mode: Type.Unsafe<WindowMode>({ type: 'string', enum: [...WINDOW_MODES] }),
    /** The page `request_pay` was called on: where a mobile window returns without `m_redirect_url`. */
    return_url: Type.Optional(Type.String({ maxLength: 4096 }))
  },
  { additionalProperties: false }
)
export type OpenWindowBody = Static<typeof OpenWindowBodySchema>

/** Who an identity-verification window certifies: the fields the buyer fills in (checked as the OTP request checks them). */
export const CertificationPersonSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.String({ minLength: 1, maxLength: 20 }),
    birth: Type.String({ minLength: 1, maxLength: 10, description: 'YYMMDD' }),
    gender_digit: Type.String({ minLength: 1, maxLength: 1 }),
    /** As the certification record keeps it (the SDK's `KTF` is `KT` there). */
    carrier: Type.Unsafe<Carrier>({ type: 'string', enum: [...CARRIERS] })
  },
  { additionalProperties: false }
)
export type CertificationPerson = Static<typeof CertificationPersonSchema>

/** `POST /__checkout/sessions/:id/decision`: what the buyer did. `card` names a test card of the window's picker. */
export const WindowDecisionBodySchema = Type.Object(
  {
    decision: Type.Unsafe<WindowDecisionName>({ type: 'string', enum: [...WINDOW_DECISIONS] }),
    card: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'a test card preset, e.g. approved, card_declined' })),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'fail_reason of a decline' })),
    bank: Type.Optional(Type.String({ minLength: 1, maxLength: 8, description: "a virtual account's bank code, from the window's picker" })),
    person: Type.Optional(CertificationPersonSchema)
  },
  { additionalProperties: false }
)
export type WindowDecisionBody = Static<typeof WindowDecisionBodySchema>

/** The object `request_pay` calls back with (sdk-payrt.mdx); absent fields are left out, as the real SDK does. */
export interface RequestPayResult {
  success: boolean
  /** Deprecated twin of `success` that old code still reads. */
  imp_success: boolean
  error_code?: string
  error_msg?: string
  imp_uid: string | null
  merchant_uid: string | null
  pay_method?: string
  paid_amount?: number
  status?: 'ready' | 'paid' | 'failed'
  name?: string | null
  pg_provider?: string
  pg_type?: 'payment'
  pg_tid?: string | null
  buyer_name?: string | null
  buyer_email?: string | null
  buyer_tel?: string | null
  buyer_addr?: string | null
  buyer_postcode?: string | null
  custom_data?: unknown
  paid_at?: number
  receipt_url?: string | null
  apply_num?: string | null
  card_name?: string | null
  card_number?: string | null
  card_quota?: number
  currency?: string
  bank_name?: null
  customer_uid?: string
  /** Virtual-account fields (a `ready` vbank payment's only). */
  vbank_num?: string
  vbank_name?: string
  vbank_holder?: string | null
  vbank_date?: number
}

/** The object `IMP.certification` calls back with (sdk-cft-rt.mdx); `error_*` only on failure. */
export interface CertificationResult {
  success: boolean
  imp_uid: string | null
  merchant_uid: string | null
  error_code?: string
  error_msg?: string
}

/** The answer to `POST /__checkout/sessions` (or `/certifications`): a window to show, or the error the SDK calls back with at once. */
export type OpenWindowAnswer<R = RequestPayResult> =
  | { readonly window: { readonly id: string; readonly url: string; readonly mode: WindowMode } }
  | { readonly result: R }

/** The answer to a decision: the callback object, and where a redirect-mode window goes next. */
export interface DecisionAnswer {
  readonly result: RequestPayResult | CertificationResult
  readonly redirect_url: string | null
}

/** What the window page hands its script (a JSON island in the page, not globals). */
export interface WindowBoot {
  readonly id: string
  readonly mode: WindowMode
  /** The only origin the window posts its result to; null for a page without one (file://). */
  readonly page_origin: string | null
  readonly decision_url: string
  /** A decision queued through the control API, taken on opening as if clicked. */
  readonly auto: { readonly decision: WindowDecisionName; readonly card: string | null; readonly message: string | null } | null
  readonly decided: boolean
}

/** What the window posts to the merchant's page (`postMessage`), tagged so pages can tell it from others. */
export interface WindowMessage {
  readonly source: 'iamport-mock'
  readonly type: 'result'
  readonly window_id: string
  readonly result: RequestPayResult | CertificationResult
}
