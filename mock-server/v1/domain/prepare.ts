/**
 * Prepared amounts (`/payments/prepare`). They guard the browser SDK's payment window; the REST
 * charge endpoints do not check them (iamport-api.md §5.4), so neither does the simulator.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { PrepareRecord } from '../../shared/store/records.js'
import { assertChargeAmount } from './money.js'

export interface PrepareInput {
  merchant_uid: string
  amount: number
  currency?: string | undefined
}

export function registerPrepare(state: MerchantState, input: PrepareInput): PrepareRecord {
  assertChargeAmount('amount', input.amount, input.currency || 'KRW')
  if (state.prepares.has(input.merchant_uid)) throw errors.prepareDuplicate()
  const record: PrepareRecord = { merchant_uid: input.merchant_uid, amount: input.amount, currency: input.currency ?? null }
  state.savePrepare(record)
  return record
}

export function updatePrepare(state: MerchantState, input: PrepareInput): PrepareRecord {
  assertChargeAmount('amount', input.amount, input.currency || 'KRW')
  const existing = state.prepares.get(input.merchant_uid)
  if (!existing) throw errors.prepareNotFound()
  const record: PrepareRecord = { ...existing, amount: input.amount, currency: input.currency ?? existing.currency }
  state.savePrepare(record)
  return record
}

export function getPrepare(state: MerchantState, merchantUid: string): PrepareRecord {
  const record = state.prepares.get(merchantUid)
  if (!record) throw errors.prepareNotFound()
  return record
}
