/**
 * The shop's billing rules: register a card, charge it, believe a webhook only after asking
 * i'mport. HTTP is the routes' business (src/app.ts); this module talks to i'mport and the store.
 */
import type { FastifyBaseLogger } from 'fastify'
import { NoAnswerError, type CardDetails, type ChargeRequest, type IamportApi, type Payment } from './iamport.js'
import type { MemoryStore, Order, OrderStatus } from './store.js'

export interface IssueResult {
  status: 'success' | 'failed'
  message: string
}

export interface ChargeResult {
  status: Exclude<OrderStatus, 'pending'>
  merchant_uid: string
  imp_uid: string | null
  amount: number
  message: string
}

/** The merchant_uid names an order of another customer or amount: charging it would mix two orders. */
export class OrderConflictError extends Error {
  override readonly name = 'OrderConflictError'
}

const ISSUED_MESSAGE = 'Billing has successfully issued'
const PAID_MESSAGE = 'Payment completed'
const UNKNOWN_MESSAGE =
  "i'mport did not answer and the payment could not be looked up; it will be settled by the webhook or by asking again with the same merchant_uid"

/** A lookup that could not be made: i'mport did not answer that either. */
const UNREACHABLE = Symbol('unreachable')
type Lookup = Payment | null | typeof UNREACHABLE

/** The first month's charge when a customer subscribes through the payment window. */
export const FIRST_MONTH = { amount: 9900, name: '월간 이용권' } as const

export interface WindowSubscribeResult {
  status: 'success' | 'failed'
  message: string
  /** The first month's charge, once the billing key is verified. */
  charge: ChargeResult | null
}

export interface Billing {
  issueBilling(customerUid: string, card: CardDetails): Promise<IssueResult>
  /**
   * After `IMP.request_pay` with `customer_uid` (the payment window): believes the browser only
   * once i'mport's own record of `impUid` says the key was issued for this customer, then charges
   * the first month with `again`.
   */
  completeWindowSubscription(impUid: string, customerUid: string): Promise<WindowSubscribeResult>
  charge(request: ChargeRequest): Promise<ChargeResult>
  /** `updated` when i'mport confirmed a payment of one of our orders, `ignored` otherwise. */
  handleWebhook(notice: { imp_uid: string }): Promise<'updated' | 'ignored'>
}

export function createBilling(deps: { api: IamportApi; store: MemoryStore; log: FastifyBaseLogger }): Billing {
  const { api, store, log } = deps

  /** The payment i'mport has for `merchantUid`, if it is not `staleImpUid` (an earlier, already settled attempt). */
  async function lookUp(merchantUid: string, staleImpUid: string | null): Promise<Lookup> {
    // A read: safe to ask twice when the first ask gets no answer.
    for (let ask = 1; ask <= 2; ask++) {
      try {
        const answer = await api.findPayment(merchantUid)
        if (answer.code === 0 && answer.response) return answer.response.imp_uid === staleImpUid ? null : answer.response
        if (answer.httpStatus === 404) return null
        log.warn({ merchant_uid: merchantUid, code: answer.code, http_status: answer.httpStatus }, 'payment lookup refused')
        return UNREACHABLE
      } catch (err) {
        if (!(err instanceof NoAnswerError)) throw err
        log.warn({ merchant_uid: merchantUid, reason: err.reason }, 'payment lookup got no answer')
      }
    }
    return UNREACHABLE
  }

  function settle(order: Order, payment: Payment): ChargeResult {
    const status = payment.status === 'ready' ? 'unknown' : payment.status
    const failReason = payment.status === 'failed' ? (payment.fail_reason ?? 'declined') : null
    store.saveOrder({ ...order, status, imp_uid: payment.imp_uid, fail_reason: failReason })
    log.info({ merchant_uid: order.merchant_uid, imp_uid: payment.imp_uid, status }, 'order settled')
    return {
      status,
      merchant_uid: order.merchant_uid,
      imp_uid: payment.imp_uid,
      amount: payment.amount,
      message: failReason ?? (status === 'paid' ? PAID_MESSAGE : `Payment ${status}`)
    }
  }

  function refuse(order: Order, message: string): ChargeResult {
    store.saveOrder({ ...order, status: 'failed', fail_reason: message })
    log.warn({ merchant_uid: order.merchant_uid, message }, 'charge refused')
    return { status: 'failed', merchant_uid: order.merchant_uid, imp_uid: order.imp_uid, amount: order.amount, message }
  }

  function leaveUnknown(order: Order): ChargeResult {
    store.saveOrder({ ...order, status: 'unknown' })
    log.warn({ merchant_uid: order.merchant_uid }, 'charge outcome unknown')
    return { status: 'unknown', merchant_uid: order.merchant_uid, imp_uid: order.imp_uid, amount: order.amount, message: UNKNOWN_MESSAGE }
  }

  return {
    async issueBilling(customerUid, card) {
      // The card goes to i'mport and nowhere else: not into the store, not into a log line.
      const answer = await api.issueBillingKey(customerUid, card)
      if (answer.code !== 0 || !answer.response) {
        log.warn({ customer_uid: customerUid, code: answer.code }, 'billing key refused')
        return { status: 'failed', message: answer.message ?? 'Billing key issue failed' }
      }
      const { card_name, card_number } = answer.response
      // Issuing again under the same customer_uid replaces the card: the shop follows.
      store.saveSubscriber({ customer_uid: customerUid, card_name, card_last4: card_number?.slice(-4) ?? null })
      log.info({ customer_uid: customerUid, card_name }, 'billing key issued')
      return { status: 'success', message: ISSUED_MESSAGE }
    },

    async completeWindowSubscription(impUid, customerUid) {
      const answer = await api.getPayment(impUid)
      const payment = answer.code === 0 ? answer.response : null
      if (!payment || payment.customer_uid !== customerUid || payment.customer_uid_usage !== 'issue') {
        log.warn({ imp_uid: impUid, customer_uid: customerUid }, "payment window result not confirmed by i'mport")
        return { status: 'failed', message: '결제창 결과를 확인하지 못했습니다.', charge: null }
      }
      if (payment.status !== 'paid') return { status: 'failed', message: payment.fail_reason ?? '카드 등록에 실패했습니다.', charge: null }
      store.saveSubscriber({ customer_uid: customerUid, card_name: payment.card_name, card_last4: payment.card_number?.slice(-4) ?? null })
      log.info({ customer_uid: customerUid, imp_uid: impUid }, 'billing key issued through the payment window')
      // One first-month order per customer: asking again (a reload of the return page) charges nothing twice.
      const charge = await this.charge({ customer_uid: customerUid, merchant_uid: `${customerUid}_first_month`, ...FIRST_MONTH })
      return { status: charge.status === 'paid' ? 'success' : 'failed', message: charge.message, charge }
    },

    async charge(request) {
      const previous = store.order(request.merchant_uid)
      if (previous && (previous.customer_uid !== request.customer_uid || previous.amount !== request.amount)) {
        throw new OrderConflictError(`merchant_uid ${request.merchant_uid} belongs to another order`)
      }
      // Asked again for an order already paid: report it, charge nothing.
      if (previous?.status === 'paid') {
        const { merchant_uid, imp_uid, amount } = previous
        return { status: 'paid', merchant_uid, imp_uid, amount, message: PAID_MESSAGE }
      }
      // An earlier attempt got no answer and no lookup: it may have gone through. Ask first.
      if (previous?.status === 'unknown') {
        const found = await lookUp(request.merchant_uid, null)
        if (found === UNREACHABLE) return leaveUnknown(previous)
        if (found) return settle(previous, found)
      }
      // A failed payment of an earlier attempt keeps its imp_uid; a lookup finding it is not news.
      const staleImpUid = previous?.status === 'failed' ? previous.imp_uid : null
      const order: Order = { ...request, status: 'pending', imp_uid: null, fail_reason: null }
      store.saveOrder(order)

      // Charges are never retried blindly: i'mport has no idempotency key. After no answer we ask
      // i'mport for the payment by merchant_uid, and charge again only when it has none.
      let lostAnAnswer = false
      for (let attempt = 1; attempt <= 2; attempt++) {
        let answer
        try {
          answer = await api.again(request)
        } catch (err) {
          if (!(err instanceof NoAnswerError)) throw err
          log.warn({ merchant_uid: request.merchant_uid, reason: err.reason, attempt }, 'charge got no answer; looking the payment up')
          lostAnAnswer = true
          const found = await lookUp(request.merchant_uid, staleImpUid)
          if (found === UNREACHABLE) return leaveUnknown(order)
          if (found) return settle(order, found)
          continue // i'mport has no payment for it: nothing was charged, one more try is safe
        }
        if (answer.code === 0 && answer.response) return settle(order, answer.response)
        if (lostAnAnswer) {
          // The lost attempt may have landed after our lookup, and i'mport refuses to pay a
          // merchant_uid twice: look once more before calling this a refusal.
          const found = await lookUp(request.merchant_uid, staleImpUid)
          if (found !== UNREACHABLE && found) return settle(order, found)
        }
        // code ≠ 0: refused before the card company (unknown customer_uid, PG error…); nothing charged.
        return refuse(order, answer.message ?? `i'mport refused the charge (code ${answer.code})`)
      }
      // Two attempts, no answer, no payment found: never a third blind one.
      return leaveUnknown(order)
    },

    async handleWebhook(notice) {
      // The webhook is not signed: anyone can post one. Only i'mport's own record counts.
      const answer = await api.getPayment(notice.imp_uid)
      if (answer.code !== 0 || !answer.response) {
        log.warn({ imp_uid: notice.imp_uid, http_status: answer.httpStatus }, "webhook for a payment i'mport does not know: ignored")
        return 'ignored'
      }
      const payment = answer.response
      const order = store.order(payment.merchant_uid)
      if (!order || order.customer_uid !== payment.customer_uid || order.amount !== payment.amount) {
        log.warn({ imp_uid: payment.imp_uid, merchant_uid: payment.merchant_uid }, 'webhook for a payment that is not one of our orders: ignored')
        return 'ignored'
      }
      settle(order, payment)
      return 'updated'
    }
  }
}
