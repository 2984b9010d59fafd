/**
 * PortOne V2 webhooks (webhook-readme-v2.mdx, version 2024-04-25): `{ type, timestamp, data }`
 * POSTed as JSON to the request's `noticeUrls`, else the store's configured URL, signed as
 * Standard Webhooks with the store's webhook secret:
 *   webhook-id: the message id (the same on every attempt of one webhook)
 *   webhook-timestamp: the wall-clock second of the attempt (the receiver checks it against its clock)
 *   webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">
 * The body's `timestamp` is the event's time on the virtual clock. Deliveries go through the
 * shared outbox (listing, redelivery, webhook faults).
 */
import { createHmac } from 'node:crypto'
import type { V2WebhookType } from '../../../api/control/webhooks.js'
import type { WebhookBody } from '../../../api/v2/responses.js'
import type { V2StoreConfig } from '../../shared/config/v2-merchants.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type { WebhookService } from '../../shared/webhooks/service.js'
import { rfc3339 } from '../render/send.js'

/** The raw key of a Standard Webhooks secret: base64 after an optional `whsec_` prefix. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64')
}

/** The three Standard Webhooks headers for one attempt. */
export function signatureHeaders(secret: string, id: string, sentAtSeconds: number, payload: string): Record<string, string> {
  const timestamp = String(sentAtSeconds)
  const signature = createHmac('sha256', secretKey(secret)).update(`${id}.${timestamp}.${payload}`).digest('base64')
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` }
}

export type V2WebhookData = Omit<WebhookBody['data'], 'storeId'>

export class V2Webhooks {
  constructor(private readonly service: WebhookService) {}

  /** Sends one webhook to each URL (none: nothing is sent, as for a store without a webhook URL). */
  emit(merchant: V2MerchantState, store: V2StoreConfig, type: V2WebhookType, data: V2WebhookData, noticeUrls: readonly string[] | null): void {
    const urls = noticeUrls && noticeUrls.length > 0 ? noticeUrls : store.webhook_url ? [store.webhook_url] : []
    if (urls.length === 0) return
    const body: WebhookBody = { type, timestamp: rfc3339(merchant.nowMs()), data: { storeId: store.store_id, ...data } }
    const payload = JSON.stringify(body)
    const summary: Record<string, string> = { type: body.type, timestamp: body.timestamp }
    for (const [key, value] of Object.entries(body.data)) if (typeof value === 'string') summary[key] = value
    for (const url of urls) {
      const id = `msg_${merchant.ids.hex(26)}`
      this.service.notifySigned({
        owner: merchant,
        ownerKey: merchant.merchant.merchant_id,
        trigger: type,
        url,
        summary,
        payload,
        sign: (text, sentAt) => signatureHeaders(store.webhook_secret, id, sentAt, text),
        facts: { merchant_uid: data.paymentId ?? data.billingKey ?? null, imp_uid: data.transactionId ?? null, status: type }
      })
    }
  }
}
