/**
 * Records → V2 wire shapes (api/v2/responses.ts). Fields the simulator never sets are left out,
 * as the document marks them optional; required ones are always present.
 */
import type { BillingKeyInfo, Card, Customer, Payment, PaymentCancellation, PaymentSchedule, SelectedChannel } from '../../../api/v2/responses.js'
import type { V2ChannelConfig } from '../../shared/config/v2-merchants.js'
import type { V2MerchantState } from '../../shared/store/v2-merchant-state.js'
import type {
  V2BillingKeyRecord,
  V2CancellationRecord,
  V2CardSnapshot,
  V2Customer,
  V2PaymentRecord,
  V2ScheduleRecord
} from '../../shared/store/v2-records.js'
import { rfc3339 } from './send.js'

export function renderChannel(channel: V2ChannelConfig): SelectedChannel {
  return {
    type: channel.live ? 'LIVE' : 'TEST',
    id: channel.key,
    key: channel.key,
    name: channel.name,
    pgProvider: channel.pg_provider,
    pgMerchantId: channel.pg_merchant_id
  }
}

function renderCard(card: V2CardSnapshot): Card {
  return {
    publisher: card.publisher,
    issuer: card.issuer,
    brand: card.brand,
    type: card.type,
    ownerType: card.ownerType,
    bin: card.bin,
    name: card.name,
    number: card.number
  }
}

function renderCustomer(customer: V2Customer): Customer {
  return { ...customer }
}

export function renderBillingKey(merchant: V2MerchantState, record: V2BillingKeyRecord): BillingKeyInfo {
  const info: BillingKeyInfo = {
    status: record.status,
    billingKey: record.billingKey,
    merchantId: merchant.merchant.merchant_id,
    storeId: record.storeId,
    methods: [{ type: 'BillingKeyPaymentMethodCard', card: renderCard(record.card) }],
    channels: [renderChannel(record.channel)],
    customer: renderCustomer(record.customer),
    requestedAt: rfc3339(record.requestedAt),
    issuedAt: rfc3339(record.issuedAt)
  }
  if (record.customData !== null) info.customData = record.customData
  if (record.deletedAt !== null) info.deletedAt = rfc3339(record.deletedAt)
  return info
}

export function renderCancellation(record: V2CancellationRecord): PaymentCancellation {
  return {
    status: 'SUCCEEDED',
    id: record.id,
    pgCancellationId: record.pgCancellationId,
    totalAmount: record.totalAmount,
    taxFreeAmount: record.taxFreeAmount,
    vatAmount: record.vatAmount,
    reason: record.reason,
    cancelledAt: rfc3339(record.cancelledAt),
    requestedAt: rfc3339(record.requestedAt),
    trigger: 'API'
  }
}

export function renderPayment(merchant: V2MerchantState, p: V2PaymentRecord): Payment {
  const { charge } = p
  const paid = p.status === 'FAILED' ? 0 : charge.total
  const out: Payment = {
    status: p.status,
    id: p.id,
    transactionId: p.transactionId,
    merchantId: merchant.merchant.merchant_id,
    storeId: p.storeId,
    channel: renderChannel(p.channel),
    version: 'V2',
    requestedAt: rfc3339(p.requestedAt),
    updatedAt: rfc3339(p.updatedAt),
    statusChangedAt: rfc3339(p.statusChangedAt),
    orderName: charge.orderName,
    amount: {
      total: charge.total,
      taxFree: charge.taxFree,
      ...(charge.vat === null ? {} : { vat: charge.vat }),
      discount: 0,
      paid,
      cancelled: p.cancelledAmount,
      cancelledTaxFree: p.cancelledTaxFree
    },
    currency: charge.currency,
    customer: renderCustomer(charge.customer),
    origin: { platformType: 'API', ipAddress: '127.0.0.1' }
  }
  if (p.card !== null) {
    out.method = {
      type: 'PaymentMethodCard',
      card: renderCard(p.card),
      ...(p.approvalNumber === null ? {} : { approvalNumber: p.approvalNumber }),
      installment: { month: charge.installmentMonth ?? 0, isInterestFree: false }
    }
  }
  if (p.scheduleId !== null) out.scheduleId = p.scheduleId
  if (p.billingKey !== null) out.billingKey = p.billingKey
  if (charge.customData !== null) out.customData = charge.customData
  if (p.status === 'FAILED') {
    out.failedAt = rfc3339(p.failedAt ?? p.requestedAt)
    out.failure = { ...p.failure! }
    return out
  }
  out.paidAt = rfc3339(p.paidAt!)
  if (p.pgTxId !== null) out.pgTxId = p.pgTxId
  out.receiptUrl = `https://mock.portone.io/receipts/${encodeURIComponent(p.transactionId)}`
  out.disputes = []
  out.cancellations = p.cancellations.map(renderCancellation)
  if (p.cancelledAt !== null) out.cancelledAt = rfc3339(p.cancelledAt)
  return out
}

export function renderSchedule(merchant: V2MerchantState, s: V2ScheduleRecord): PaymentSchedule {
  const { charge } = s
  const out: PaymentSchedule = {
    status: s.status,
    id: s.id,
    merchantId: merchant.merchant.merchant_id,
    storeId: s.storeId,
    paymentId: s.paymentId,
    billingKey: s.billingKey,
    orderName: charge.orderName,
    isCulturalExpense: false,
    isEscrow: false,
    customer: renderCustomer(charge.customer),
    // Required by the document even when the request gave none: an empty string then (inferred).
    customData: charge.customData ?? '',
    totalAmount: charge.total,
    taxFreeAmount: charge.taxFree,
    currency: charge.currency,
    createdAt: rfc3339(s.createdAt),
    timeToPay: rfc3339(s.timeToPay)
  }
  if (charge.vat !== null) out.vatAmount = charge.vat
  if (charge.installmentMonth !== null) out.installmentMonth = charge.installmentMonth
  if (charge.noticeUrls !== null) out.noticeUrls = [...charge.noticeUrls]
  if (s.startedAt !== null) out.startedAt = rfc3339(s.startedAt)
  if (s.completedAt !== null) out.completedAt = rfc3339(s.completedAt)
  if (s.revokedAt !== null) out.revokedAt = rfc3339(s.revokedAt)
  return out
}
