/**
 * Reads the object a merchant's page passed to `IMP.request_pay` (sdk-payrq.mdx) into the V1
 * wing's window-payment input, or the message `request_pay` calls back with when it cannot be
 * used. Only what the simulator acts on is read; other documented parameters (display, escrow,
 * language, app_scheme…) are accepted and ignored.
 */
import type { WindowPaymentInput } from '../v1/domain/window-payments.js'
import { sdkMessages } from './messages.js'

export interface WindowRequest {
  readonly input: WindowPaymentInput
  /** Echoed back as given (an object stays an object); stored as its JSON text. */
  readonly custom_data: unknown
  readonly m_redirect_url: string | null
}

export type ParamsReading = { ok: true; request: WindowRequest } | { ok: false; message: string; merchant_uid: string | null }

const TEXT_FIELDS = ['name', 'buyer_name', 'buyer_email', 'buyer_tel', 'buyer_addr', 'buyer_postcode', 'currency', 'pg'] as const

export function readParams(params: Record<string, unknown>): ParamsReading {
  const merchantUid = typeof params.merchant_uid === 'string' && params.merchant_uid !== '' ? params.merchant_uid : null
  const refuse = (message: string): ParamsReading => ({ ok: false, message, merchant_uid: merchantUid })
  if (merchantUid === null) return refuse(sdkMessages.missing('merchant_uid'))
  if (params.amount === undefined || params.amount === null) return refuse(sdkMessages.missing('amount'))
  if (typeof params.amount !== 'number' || !Number.isFinite(params.amount)) return refuse(sdkMessages.notNumber('amount'))
  if (params.tax_free !== undefined && (typeof params.tax_free !== 'number' || !Number.isFinite(params.tax_free))) {
    return refuse(sdkMessages.notNumber('tax_free'))
  }

  const text: Partial<Record<(typeof TEXT_FIELDS)[number], string>> = {}
  for (const field of TEXT_FIELDS) {
    const value = params[field]
    if (value === undefined || value === null) continue
    // Phone numbers and postcodes are often written as numbers; the PG reads them as text.
    if (typeof value === 'number') text[field] = String(value)
    else if (typeof value === 'string') text[field] = value
    else return refuse(sdkMessages.notString(field))
  }
  const customerUid = params.customer_uid
  if (customerUid !== undefined && (typeof customerUid !== 'string' || customerUid === '')) {
    return refuse(sdkMessages.notString('customer_uid'))
  }
  const payMethod = params.pay_method ?? 'card'
  if (typeof payMethod !== 'string') return refuse(sdkMessages.notString('pay_method'))
  const redirect = params.m_redirect_url
  if (redirect !== undefined && redirect !== null && !isHttpUrl(redirect)) return refuse(sdkMessages.badUrl('m_redirect_url'))
  // notice_url may be one URL or a list of them; the webhook goes to the first.
  const notice = Array.isArray(params.notice_url) ? params.notice_url[0] : params.notice_url
  if (notice !== undefined && !isHttpUrl(notice)) return refuse(sdkMessages.badUrl('notice_url'))

  const custom = params.custom_data
  return {
    ok: true,
    request: {
      input: {
        merchant_uid: merchantUid,
        amount: params.amount,
        tax_free: params.tax_free as number | undefined,
        ...text,
        custom_data: custom === undefined || custom === null ? undefined : typeof custom === 'string' ? custom : JSON.stringify(custom),
        notice_url: notice as string | undefined,
        customer_uid: customerUid as string | undefined,
        pay_method: payMethod
      },
      custom_data: custom ?? null,
      m_redirect_url: (redirect as string | null | undefined) ?? null
    }
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}
