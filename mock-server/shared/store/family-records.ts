/**
 * Records of the V1 families beyond payments and billing keys (issue 15): identity verifications,
 * cash receipts (for a payment or an outside sale) and escrow shipping. Each lives in a map on
 * MerchantState keyed by its id, and every change is told to the observer as one `family_record`
 * change (the record, or null once deleted), so `--data` keeps them with one line type.
 *
 * What is kept is what the caller sent and the answer needs: a certification keeps the name,
 * phone, carrier and birthday the merchant gave (the real answer returns them), the CI/DI derived
 * from them, and the pending OTP until it is confirmed or expires; nothing else.
 */

export interface CertificationRecord {
  readonly imp_uid: string
  readonly merchant_uid: string | null
  readonly pg_provider: string
  readonly pg_tid: string
  readonly name: string
  readonly gender: 'male' | 'female'
  /** YYYY-MM-DD, as the answer gives it. */
  readonly birthday: string
  readonly foreigner: boolean
  readonly phone: string
  readonly carrier: string
  readonly unique_key: string
  readonly unique_in_site: string
  /** The six digits a test reads through the control API; null once confirmed. */
  otp: string | null
  /** When the OTP stops being accepted (UNIX seconds). */
  readonly otp_expires_at: number
  readonly requested_at: number
  certified: boolean
  certified_at: number
}

/** A cash receipt, for a payment (`imp_uid`) or an outside sale (`merchant_uid`). */
export interface CashReceiptRecord {
  /** imp_uid for a payment's receipt, merchant_uid for an outside one. */
  readonly id: string
  readonly receipt_tid: string
  readonly apply_num: string
  readonly type: 'person' | 'company'
  readonly amount: number
  readonly vat: number
  /** The PG whose receipt page the answer links (render/families.ts). */
  readonly pg_provider: string
  readonly applied_at: number
  cancelled_at: number
}

export interface EscrowLogisRecord {
  readonly imp_uid: string
  company: string
  invoice: string
  sent_at: number
  applied_at: number
}

/** The family maps, by name; the name is also the `family` of a `family_record` change. */
export interface FamilyMaps {
  certification: Map<string, CertificationRecord>
  receipt: Map<string, CashReceiptRecord>
  external_receipt: Map<string, CashReceiptRecord>
  escrow_logis: Map<string, EscrowLogisRecord>
}

export type FamilyName = keyof FamilyMaps
export const FAMILY_NAMES: readonly FamilyName[] = ['certification', 'receipt', 'external_receipt', 'escrow_logis']

export function emptyFamilies(): FamilyMaps {
  return { certification: new Map(), receipt: new Map(), external_receipt: new Map(), escrow_logis: new Map() }
}
