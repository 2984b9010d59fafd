/**
 * A stored payment as the wire `PaymentAnnotation`: every field present, `0` for times that have
 * not happened, `null` where the payment has nothing to say (vbank fields of a card payment, bank…).
 */
import type { Payment } from '../../../api/v1/payment.js'
import type { PaymentRecord } from '../../shared/store/records.js'
import { receiptUrl } from './receipts.js'

/**
 * API payments have no browser. The newest capture of one (a 2022 scheduled payment) has `null`;
 * older ones (2017–2020) show the literal `sorry_not_supported_anymore`. The newer one wins.
 */
export const API_USER_AGENT = null

export function renderPayment(p: PaymentRecord): Payment {
  const card = p.card
  const receipt = p.pg_tid === null ? null : receiptUrl(p.channel.pg_provider, p.pg_tid)
  const history = p.cancel_history ?? []
  // Records loaded from a data file written before virtual accounts have none of these fields.
  const vbank = p.vbank ?? null
  return {
    imp_uid: p.imp_uid,
    merchant_uid: p.merchant_uid,
    pay_method: p.pay_method ?? 'card',
    channel: p.browser?.channel ?? 'api',
    pg_provider: p.channel.pg_provider,
    emb_pg_provider: null,
    pg_tid: p.pg_tid,
    pg_id: p.channel.pg_id,
    sandbox: p.channel.sandbox,
    escrow: p.escrow ?? false,
    apply_num: p.apply_num,
    bank_code: null,
    bank_name: null,
    card_code: card?.card_code ?? null,
    card_name: card?.card_name ?? null,
    card_issuer_code: null,
    card_issuer_name: null,
    card_publisher_code: null,
    card_publisher_name: null,
    card_quota: p.card_quota,
    card_number: card?.card_number ?? null,
    card_type: card?.card_type ?? null,
    vbank_code: vbank?.vbank_code ?? null,
    vbank_name: vbank?.vbank_name ?? null,
    vbank_num: vbank?.vbank_num ?? null,
    vbank_holder: vbank?.vbank_holder ?? null,
    vbank_date: vbank?.vbank_date ?? 0,
    vbank_issued_at: vbank?.vbank_issued_at ?? 0,
    name: p.name,
    amount: p.amount,
    cancel_amount: p.cancel_amount,
    currency: p.currency,
    buyer_name: p.buyer_name,
    buyer_email: p.buyer_email,
    buyer_tel: p.buyer_tel,
    buyer_addr: p.buyer_addr,
    buyer_postcode: p.buyer_postcode,
    custom_data: p.custom_data,
    user_agent: p.browser ? p.browser.user_agent : API_USER_AGENT,
    status: p.status,
    started_at: p.started_at,
    paid_at: p.paid_at,
    failed_at: p.failed_at,
    cancelled_at: p.cancelled_at,
    fail_reason: p.fail_reason,
    cancel_reason: p.cancel_reason,
    receipt_url: receipt,
    cancel_history: history.map((h) => ({
      pg_tid: h.pg_tid,
      amount: h.amount,
      cancelled_at: h.cancelled_at,
      reason: h.reason,
      cancellation_id: h.cancellation_id,
      receipt_url: receipt
    })),
    cancel_receipt_urls: receipt === null ? [] : history.map(() => receipt),
    deposit_history: (p.deposit_history ?? []).map((d) => ({ ...d })),
    cash_receipt_issued: p.cash_receipt_issued ?? false,
    customer_uid: p.customer_uid,
    customer_uid_usage: p.customer_uid_usage,
    promotion: null
  }
}
