/**
 * Rules every V2 route shares: which store a request is for, which channel, the customer fields
 * kept, amounts, and paging.
 */
import type { CustomerInput } from '../../../api/v2/requests.js'
import { v2errors } from '../../../api/v2/errors.js'
import type { V2ChannelConfig, V2StoreConfig } from '../../shared/config/v2-merchants.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { V2Customer } from '../../shared/store/v2-records.js'

/** The store a request names (body or query `storeId`), or the merchant's first; FORBIDDEN for another's. */
export function storeOf(merchant: V2MerchantState, storeId: string | undefined): V2StoreConfig {
  const store = merchant.store(storeId)
  if (!store) throw v2errors.forbiddenStore(storeId ?? '')
  return store
}

/** The channel a request names, or the store's first; CHANNEL_NOT_FOUND for an unknown key. */
export function channelOf(store: V2StoreConfig, channelKey: string | undefined): V2ChannelConfig {
  if (channelKey === undefined) return store.channels[0]!
  const channel = store.channels.find((c) => c.key === channelKey)
  if (!channel) throw v2errors.channelNotFound(channelKey)
  return channel
}

/** The customer fields kept: never birth fields or a business number (personal data the simulator does not need). */
export function customerOf(input: CustomerInput | undefined): V2Customer {
  if (!input) return {}
  const customer: V2Customer = {}
  if (input.id !== undefined) customer.id = input.id
  const name = input.name?.full ?? (input.name?.separated ? `${input.name.separated.last}${input.name.separated.first}` : undefined)
  if (name !== undefined) customer.name = name
  if (input.email !== undefined) customer.email = input.email
  if (input.phoneNumber !== undefined) customer.phoneNumber = input.phoneNumber
  if (input.zipcode !== undefined) customer.zipcode = input.zipcode
  if (input.gender !== undefined) customer.gender = input.gender
  return customer
}

/** Largest amount accepted: beyond it sums stop being exact integers. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER

/** `amount.total` positive; `taxFree` and `vat` not negative, and not more than the total together. */
export function checkAmount(amount: { total: number; taxFree?: number | undefined; vat?: number | undefined }): void {
  if (amount.total <= 0 || amount.total > MAX_AMOUNT) throw v2errors.invalidRequest('amount.total 값은 0보다 커야 합니다.')
  if ((amount.taxFree ?? 0) < 0 || (amount.vat ?? 0) < 0) throw v2errors.invalidRequest('amount 하위 항목은 0 이상이어야 합니다.')
  if ((amount.taxFree ?? 0) + (amount.vat ?? 0) > amount.total) throw v2errors.sumOfPartsExceedsTotal()
}

export interface Page<T> {
  items: T[]
  page: { number: number; size: number; totalCount: number }
}

/** Page `number` (0-based, default 0) of `size` (default 10) items. */
export function paginate<T>(all: readonly T[], page: { number?: number | undefined; size?: number | undefined } | undefined): Page<T> {
  const number = page?.number ?? 0
  const size = page?.size ?? 10
  return { items: all.slice(number * size, number * size + size), page: { number, size, totalCount: all.length } }
}

/** An RFC 3339 filter bound as milliseconds. */
export function msOf(text: string | undefined): number | null {
  return text === undefined ? null : Date.parse(text)
}
