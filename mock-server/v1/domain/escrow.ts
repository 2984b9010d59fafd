/**
 * Escrow shipping (`GET/POST/PUT /escrows/logis/{imp_uid}`): the logistics company and invoice
 * number of a paid escrow payment, registered once and changed after. The only escrow payments
 * the simulator makes are virtual accounts issued with `escrow_password` (the Hecto fixed-account
 * escrow parameter). Sender, receiver and products are checked for shape and not kept: the answer
 * (`EscrowLogisAnnotation`) has only company, invoice, sent_at and applied_at.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { EscrowLogisBody } from '../../../api/v1/escrow.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { EscrowLogisRecord } from '../../shared/store/family-records.js'

function escrowPayment(state: MerchantState, impUid: string) {
  const payment = state.payments.get(impUid)
  if (!payment) throw errors.paymentNotFound()
  if (!payment.escrow) throw errors.notEscrow()
  return payment
}

export function findEscrowLogis(state: MerchantState, impUid: string): EscrowLogisRecord {
  escrowPayment(state, impUid)
  const record = state.families.escrow_logis.get(impUid)
  if (!record) throw errors.escrowLogisNotFound()
  return record
}

export function saveEscrowLogis(state: MerchantState, impUid: string, body: EscrowLogisBody, mode: 'create' | 'update'): EscrowLogisRecord {
  const payment = escrowPayment(state, impUid)
  if (payment.status !== 'paid') throw errors.escrowLogisNotAllowed(payment.status)
  const existing = state.families.escrow_logis.get(impUid)
  if (mode === 'create' && existing) throw errors.escrowLogisExists()
  if (mode === 'update' && !existing) throw errors.escrowLogisNotFound()
  const record: EscrowLogisRecord = {
    imp_uid: impUid,
    company: body.logis.company,
    invoice: body.logis.invoice,
    sent_at: body.logis.sent_at,
    applied_at: state.now()
  }
  state.saveFamilyRecord('escrow_logis', impUid, record)
  return record
}
