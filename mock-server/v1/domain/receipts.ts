/**
 * Cash receipts (현금영수증): for a payment (`/receipts/{imp_uid}`) and for a sale made outside
 * i'mport (`/receipts/external/{merchant_uid}`). Choices (docs/v1-families.md):
 *   - only a paid payment made without a card (vbank here) can carry one: a card slip is the
 *     card payment's receipt, so a card payment is refused as a method that cannot carry one;
 *   - one receipt in force per payment or merchant_uid; after a cancel a new one may be issued;
 *   - `vat` is `vat` (or `vat_amount`) when given, else 1/11 of the taxable part, rounded down;
 *   - `type` is the given one, else `company` for a business identifier and `person` otherwise;
 *   - the identifier (phone, business or card number) is not kept: the answer has no field for it;
 *   - the receipt URL (render/families.ts) is the PG's receipt page with the receipt's own tid.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { ExternalReceiptIssueBody, ReceiptIssueBody } from '../../../api/v1/receipt.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { CashReceiptRecord } from '../../shared/store/family-records.js'
import { channelByKey } from './pg-settings.js'

type IssueInput = Pick<ReceiptIssueBody, 'identifier_type' | 'type' | 'tax_free' | 'vat_amount'> & { vat?: number | undefined }

function newReceipt(state: MerchantState, id: string, pgProvider: string, pgId: string, amount: number, input: IssueInput): CashReceiptRecord {
  const now = state.now()
  const taxable = Math.max(0, amount - (input.tax_free ?? 0))
  const receiptTid = state.ids.pgTid(pgId, now)
  return {
    id,
    receipt_tid: receiptTid,
    apply_num: state.ids.digits(9),
    type: input.type ?? (input.identifier_type === 'business' ? 'company' : 'person'),
    amount,
    vat: Math.floor(input.vat ?? input.vat_amount ?? taxable / 11),
    pg_provider: pgProvider,
    applied_at: now,
    cancelled_at: 0
  }
}

export function issueReceipt(state: MerchantState, impUid: string, body: ReceiptIssueBody): CashReceiptRecord {
  const payment = state.payments.get(impUid)
  if (!payment) throw errors.paymentNotFound()
  if (payment.pay_method === 'card') throw errors.receiptNotApplicable(payment.pay_method)
  if (payment.status !== 'paid') throw errors.receiptPaymentNotPaid(payment.status)
  const existing = state.families.receipt.get(impUid)
  if (existing && existing.cancelled_at === 0) throw errors.receiptAlreadyIssued()
  if (body.tax_free !== undefined && body.tax_free > payment.amount) throw errors.invalidParamBadRequest('tax_free')
  const record = newReceipt(state, impUid, payment.channel.pg_provider, payment.channel.pg_id, payment.amount, body)
  state.saveFamilyRecord('receipt', impUid, record)
  payment.cash_receipt_issued = true
  state.savePayment(payment)
  return record
}

export function findReceipt(state: MerchantState, impUid: string): CashReceiptRecord {
  if (!state.payments.has(impUid)) throw errors.paymentNotFound()
  const record = state.families.receipt.get(impUid)
  if (!record) throw errors.receiptNotFound()
  return record
}

export function cancelReceipt(state: MerchantState, impUid: string): CashReceiptRecord {
  const payment = state.payments.get(impUid)
  const record = state.families.receipt.get(impUid)
  if (!payment || !record || record.cancelled_at !== 0) throw errors.receiptNeverIssued()
  record.cancelled_at = state.now()
  state.saveFamilyRecord('receipt', impUid, record)
  payment.cash_receipt_issued = false
  state.savePayment(payment)
  return record
}

export function issueExternalReceipt(state: MerchantState, merchantUid: string, body: ExternalReceiptIssueBody): CashReceiptRecord {
  const setting = channelByKey(state.merchant, body.channel_key, ['api_payment', 'payment'], 400)
  const existing = state.families.external_receipt.get(merchantUid)
  if (existing && existing.cancelled_at === 0) throw errors.receiptAlreadyIssued()
  if (body.tax_free !== undefined && body.tax_free > body.amount) throw errors.invalidParamBadRequest('tax_free')
  const record = newReceipt(state, merchantUid, setting.pg_provider, setting.pg_id, body.amount, body)
  state.saveFamilyRecord('external_receipt', merchantUid, record)
  return record
}

export function findExternalReceipt(state: MerchantState, merchantUid: string): CashReceiptRecord {
  const record = state.families.external_receipt.get(merchantUid)
  if (!record) throw errors.receiptNotFound()
  return record
}

export function cancelExternalReceipt(state: MerchantState, merchantUid: string): CashReceiptRecord {
  const record = state.families.external_receipt.get(merchantUid)
  if (record?.cancelled_at !== 0) throw errors.receiptNotFound()
  record.cancelled_at = state.now()
  state.saveFamilyRecord('external_receipt', merchantUid, record)
  return record
}
