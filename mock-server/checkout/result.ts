/**
 * What `request_pay` gets back (sdk-payrt.mdx): the callback object built from the payment the
 * window left, or from a refusal; and, for a redirect-mode window, the URL it returns to with
 * `imp_uid`, `merchant_uid`, `imp_success` (and `error_code`, `error_msg` on failure) appended
 * (integration-v1-auth.mdx, "URL 쿼리 문자열로 처리하기").
 */
import type { RequestPayResult } from '../../api/checkout/window.js'
import type { PaymentRecord } from '../shared/store/records.js'
import { renderPayment } from '../v1/render/payment.js'

/**
 * The callback object for a payment the window recorded: paid, failed, or a virtual account issued
 * (`ready`: a success, sdk-payrt.mdx "결제승인 혹은 가상계좌 발급이 성공한 경우"; its `paid_amount`
 * is the amount to deposit, and it carries the account's `vbank_*` fields).
 */
export function resultOfPayment(payment: PaymentRecord, customData: unknown, errorCode: string | null): RequestPayResult {
  const wire = renderPayment(payment)
  const paid = payment.status === 'paid'
  const ready = payment.status === 'ready' && payment.vbank !== undefined && payment.vbank !== null
  const success = paid || ready
  const result: RequestPayResult = {
    success,
    imp_success: success,
    imp_uid: wire.imp_uid,
    merchant_uid: wire.merchant_uid,
    pay_method: wire.pay_method ?? 'card',
    paid_amount: success ? wire.amount : 0,
    status: paid ? 'paid' : ready ? 'ready' : 'failed',
    name: wire.name,
    pg_provider: wire.pg_provider ?? '',
    pg_type: 'payment',
    pg_tid: wire.pg_tid,
    buyer_name: wire.buyer_name,
    buyer_email: wire.buyer_email,
    buyer_tel: wire.buyer_tel,
    buyer_addr: wire.buyer_addr,
    buyer_postcode: wire.buyer_postcode,
    custom_data: customData,
    paid_at: wire.paid_at,
    receipt_url: wire.receipt_url,
    apply_num: wire.apply_num,
    card_name: wire.card_name,
    card_number: wire.card_number,
    card_quota: wire.card_quota,
    currency: wire.currency,
    bank_name: null
  }
  if (payment.customer_uid !== null) result.customer_uid = payment.customer_uid
  if (ready) {
    result.vbank_num = payment.vbank!.vbank_num
    result.vbank_name = payment.vbank!.vbank_name
    result.vbank_holder = payment.vbank!.vbank_holder
    result.vbank_date = payment.vbank!.vbank_date
  }
  if (!success) {
    result.error_code = errorCode ?? pgCodeOf(payment.fail_reason)
    result.error_msg = payment.fail_reason ?? ''
  }
  return result
}

/** The callback object for a request refused with nothing recorded. */
export function refusal(merchantUid: string | null, errorCode: string, message: string): RequestPayResult {
  return { success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_code: errorCode, error_msg: message }
}

/** A PG detail's own code (`[F113]거래거절…` → `F113`); `F500` when it names none (inferred). */
function pgCodeOf(reason: string | null): string {
  return /^\[([A-Za-z0-9]+)\]/.exec(reason ?? '')?.[1] ?? 'F500'
}

/** `base` with the result appended to its query string (keys already there are replaced). */
export function redirectUrlFor(base: string, result: RequestPayResult): string {
  const url = new URL(base)
  if (result.imp_uid !== null) url.searchParams.set('imp_uid', result.imp_uid)
  if (result.merchant_uid !== null) url.searchParams.set('merchant_uid', result.merchant_uid)
  url.searchParams.set('imp_success', String(result.success))
  if (!result.success) {
    url.searchParams.set('error_code', result.error_code ?? '')
    url.searchParams.set('error_msg', result.error_msg ?? '')
  }
  return url.toString()
}
