/** A PortOne V2 merchant in `GET /__mock/state`: credentials, stores (with webhook secrets) and data in V2 wire shapes. */
import type { V2MerchantSnapshot } from '../../api/control/schemas.js'
import type { V2MerchantState } from '../shared/store/v2-merchant-state.js'
import { renderBillingKey, renderPayment, renderSchedule } from '../v2/render/wire.js'

export function v2Snapshot(state: V2MerchantState): V2MerchantSnapshot {
  const { merchant } = state
  return {
    merchant_id: merchant.merchant_id,
    name: merchant.name,
    api_secret: merchant.api_secret,
    open: state.open,
    stores: merchant.stores.map((s) => ({
      store_id: s.store_id,
      webhook_secret: s.webhook_secret,
      webhook_url: s.webhook_url,
      channel_keys: s.channels.map((c) => c.key)
    })),
    billing_keys: [...state.billingKeys.values()].map((k) => renderBillingKey(state, k)),
    payments: [...state.payments.values()].map((p) => renderPayment(state, p)),
    schedules: [...state.schedules.values()].map((s) => renderSchedule(state, s))
  }
}
