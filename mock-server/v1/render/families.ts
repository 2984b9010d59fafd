/**
 * Records of the issue-15 families as their wire shapes: `CertificationAnnotation`,
 * `ReceiptAnnotation` / `ExternalReceiptAnnotation` and `EscrowLogisAnnotation`.
 */
import type { Certification } from '../../../api/v1/certification.js'
import type { EscrowLogis } from '../../../api/v1/escrow.js'
import type { ExternalReceipt, Receipt } from '../../../api/v1/receipt.js'
import type { CashReceiptRecord, CertificationRecord, EscrowLogisRecord } from '../../shared/store/family-records.js'
import { receiptUrl } from './receipts.js'

/** The default danal contract: no foreigner detection (`foreigner` false, `foreigner_v2` null), no web page (`origin` null). */
export function renderCertification(r: CertificationRecord): Certification {
  return {
    imp_uid: r.imp_uid,
    merchant_uid: r.merchant_uid,
    pg_tid: r.pg_tid,
    pg_provider: r.pg_provider,
    name: r.name,
    gender: r.gender,
    birthday: r.birthday,
    foreigner: r.foreigner,
    foreigner_v2: null,
    phone: r.phone,
    carrier: r.carrier,
    certified: r.certified,
    certified_at: r.certified_at,
    unique_key: r.unique_key,
    unique_in_site: r.unique_in_site,
    origin: null
  }
}

const receiptFields = (r: CashReceiptRecord) => ({
  receipt_tid: r.receipt_tid,
  apply_num: r.apply_num,
  type: r.type,
  amount: r.amount,
  vat: r.vat,
  receipt_url: receiptUrl(r.pg_provider, r.receipt_tid),
  applied_at: r.applied_at,
  cancelled_at: r.cancelled_at
})

export const renderReceipt = (r: CashReceiptRecord): Receipt => ({ imp_uid: r.id, ...receiptFields(r) })
export const renderExternalReceipt = (r: CashReceiptRecord): ExternalReceipt => ({ merchant_uid: r.id, ...receiptFields(r) })

export const renderEscrowLogis = (r: EscrowLogisRecord): EscrowLogis => ({
  company: r.company,
  invoice: r.invoice,
  sent_at: r.sent_at,
  applied_at: r.applied_at
})
