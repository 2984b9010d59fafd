/** Standard Webhooks signing as the SDK verifies it, and what reaches the outbox. */
import { describe, expect, it } from 'vitest'
import { Webhook } from '@portone/server-sdk'
import { secretKey, signatureHeaders } from './notify/webhooks.js'

const SECRET = 'whsec_aWFtcG9ydC1tb2NrLXdlYmhvb2stc2VjcmV0'

describe('V2 webhook signing', () => {
  it('reads the secret as base64 with or without the whsec_ prefix', () => {
    expect(secretKey(SECRET).toString()).toBe('iamport-mock-webhook-secret')
    expect(secretKey('aWFtcG9ydC1tb2NrLXdlYmhvb2stc2VjcmV0').toString()).toBe('iamport-mock-webhook-secret')
  })

  it('produces headers the SDK accepts, and a changed body or another secret it refuses', async () => {
    const payload = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2030-01-15T03:00:00.000Z', data: { storeId: 's', paymentId: 'p' } })
    const headers = signatureHeaders(SECRET, 'msg_1', Math.floor(Date.now() / 1000), payload)
    expect(await Webhook.verify(SECRET, payload, headers)).toMatchObject({ type: 'Transaction.Paid' })
    await expect(Webhook.verify(SECRET, payload.replace('"p"', '"q"'), headers)).rejects.toThrow(Webhook.WebhookVerificationError)
    await expect(Webhook.verify('whsec_b3RoZXI=', payload, headers)).rejects.toThrow(Webhook.WebhookVerificationError)
  })

  it("is refused by the SDK when signed with a time more than five minutes from the receiver's clock", async () => {
    const payload = '{}'
    const old = signatureHeaders(SECRET, 'msg_2', Math.floor(Date.now() / 1000) - 600, payload)
    await expect(Webhook.verify(SECRET, payload, old)).rejects.toThrow(Webhook.WebhookVerificationError)
  })
})
