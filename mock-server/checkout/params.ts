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
  /** `vbank_due` as UNIX seconds (read as Korean time); null when not given (the account gets the default due time). */
  readonly vbank_due: number | null
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

  const vbankDue = params.vbank_due === undefined || params.vbank_due === null ? null : dueSeconds(params.vbank_due)
  if (vbankDue === undefined) return refuse(sdkMessages.badFormat('vbank_due'))

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
      m_redirect_url: (redirect as string | null | undefined) ?? null,
      vbank_due: vbankDue
    }
  }
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Korea's offset from UTC: the SDK's `vbank_due` is a Korean wall-clock time. */
const KST_OFFSET_SECONDS = 9 * 3600

/**
 * `vbank_due` in one of the SDK's four formats (sdk-payrq.mdx: `YYYY-MM-DD`, `YYYYMMDD`,
 * `YYYY-MM-DD HH:mm:ss`, `YYYYMMDDHHmmss`) as UNIX seconds, read as Korean time; a date alone
 * means the end of that day (23:59:59). `undefined` when it is none of them.
 */
export function dueSeconds(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return undefined
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T]?(\d{2}):?(\d{2}):?(\d{2}))?$/.exec(text.trim())
  if (!match) return undefined
  const [y, mo, d, h, mi, se] = [match[1], match[2], match[3], match[4] ?? '23', match[5] ?? '59', match[6] ?? '59'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const ms = Date.UTC(y, mo - 1, d, h, mi, se)
  const date = new Date(ms)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || se > 59) return undefined
  return ms / 1000 - KST_OFFSET_SECONDS
}
