/**
 * What a decision in the window leaves behind, one handler per pay method: `card` (a payment, and
 * a billing key with `customer_uid`) and `vbank` (a virtual account issued by the same rule as
 * `POST /vbanks`, waiting in `ready` for the control API's deposit). A pay method without a
 * handler is refused before its window opens, with a "not simulated yet" message. Decline and
 * close are the same for every method: a `failed` payment.
 */
import type { RequestPayResult, WindowDecisionBody } from '../../api/checkout/window.js'
import { CatalogueError } from '../../api/v1/catalogue.js'
import { PG_DETAIL } from '../../fixtures/cards/catalogue.js'
import type { FidelityOptions } from '../shared/config/config.js'
import type { FaultEngine } from '../shared/faults/engine.js'
import { PAYMENT_WINDOW } from '../shared/faults/route-kinds.js'
import { emitCharge, type EventBus } from '../shared/store/events.js'
import { openVbank } from '../v1/domain/vbanks.js'
import { isKeyIssueOnly, payInWindow, type WindowDecision } from '../v1/domain/window-payments.js'
import { REFUSED_CODE, USER_CANCEL_CODE, USER_CANCEL_MESSAGE, sdkMessages } from './messages.js'
import { refusal, resultOfPayment } from './result.js'
import { APPROVED_PRESET, TEST_CARD_EXPIRY, testCard } from './test-cards.js'
import { DEFAULT_VBANK_BANK, defaultDue, isWindowBank } from './vbank-window.js'
import type { PaymentWindow } from './windows.js'

export interface OutcomeContext {
  readonly fidelity: FidelityOptions
  readonly events: EventBus
  readonly faults: FaultEngine
}

export type OutcomeHandler = (window: PaymentWindow, body: WindowDecisionBody, context: OutcomeContext) => RequestPayResult

/** The fault rules' say on an approval, asked as the schedules engine asks for a due run. */
function faultFor(window: PaymentWindow, faults: FaultEngine): { decline: string | null; error: RequestPayResult | null } {
  const none = { decline: null, error: null }
  if (faults.size === 0) return none
  const { input } = window.request
  const decision = faults.decide({
    method: '',
    path: PAYMENT_WINDOW,
    routeUrl: PAYMENT_WINDOW,
    kind: isKeyIssueOnly(input) ? 'issue' : 'onetime',
    impKey: window.merchant.merchant.imp_key,
    customerUids: input.customer_uid === undefined ? [] : [input.customer_uid],
    merchantUids: [input.merchant_uid],
    amount: input.amount
  })
  switch (decision?.action.type) {
    case 'decline':
      return { decline: decision.action.fail_reason, error: null }
    case 'error':
      return { decline: null, error: refusal(input.merchant_uid, String(decision.action.code ?? -1), decision.action.message) }
    default:
      return none
  }
}

/** Records a decision in the window (a refusal of the V1 rules answers as one, with nothing written). */
function record(window: PaymentWindow, decision: WindowDecision, context: OutcomeContext, errorCode: string | null): RequestPayResult {
  const { input, custom_data } = window.request
  try {
    const { payment } = payInWindow(window.merchant, input, decision, context.fidelity, window.browser)
    emitCharge(context.events, window.merchant, payment)
    return resultOfPayment(payment, custom_data, errorCode)
  } catch (err) {
    // The merchant_uid was paid while the window was open, say: nothing was written.
    if (err instanceof CatalogueError) return refusal(input.merchant_uid, REFUSED_CODE, err.message)
    throw err
  }
}

/** Decline and close, the same for every pay method: a `failed` payment. */
function declined(window: PaymentWindow, body: WindowDecisionBody, context: OutcomeContext): RequestPayResult {
  if (body.decision === 'close') return record(window, { kind: 'decline', reason: USER_CANCEL_MESSAGE }, context, USER_CANCEL_CODE)
  return record(window, { kind: 'decline', reason: body.message ?? PG_DETAIL.declined }, context, null)
}

const card: OutcomeHandler = (window, body, context) => {
  if (body.decision !== 'approve') return declined(window, body, context)
  const { input } = window.request
  const picked = testCard(body.card ?? APPROVED_PRESET)
  if (!picked) return refusal(input.merchant_uid, REFUSED_CODE, `iamport-mock: 알 수 없는 테스트 카드입니다 (${body.card}).`)
  const fault = faultFor(window, context.faults)
  if (fault.error) return fault.error
  return record(
    window,
    { kind: 'approve', card: { card_number: picked.number, expiry: TEST_CARD_EXPIRY }, declineReason: fault.decline },
    context,
    null
  )
}

/** A virtual account: approving issues it (`ready`, the `ready` webhook); a card picked for it is ignored. */
const vbank: OutcomeHandler = (window, body, context) => {
  if (body.decision !== 'approve') return declined(window, body, context)
  const { input, custom_data, vbank_due } = window.request
  const bank = body.bank ?? DEFAULT_VBANK_BANK
  if (!isWindowBank(bank)) return refusal(input.merchant_uid, REFUSED_CODE, `iamport-mock: 결제창에서 고를 수 없는 은행입니다 (${bank.slice(0, 8)}).`)
  const fault = faultFor(window, context.faults)
  if (fault.error) return fault.error
  if (fault.decline !== null) return record(window, { kind: 'decline', reason: fault.decline }, context, null)
  try {
    const payment = openVbank(
      window.merchant,
      window.channel,
      {
        merchant_uid: input.merchant_uid,
        amount: input.amount,
        vbank_code: bank,
        vbank_due: vbank_due ?? defaultDue(window.merchant.now()),
        name: input.name,
        buyer_name: input.buyer_name,
        buyer_email: input.buyer_email,
        buyer_tel: input.buyer_tel,
        buyer_addr: input.buyer_addr,
        buyer_postcode: input.buyer_postcode,
        custom_data: input.custom_data,
        notice_url: input.notice_url,
        tax_free: input.tax_free
      },
      window.browser
    )
    context.events.emit('payment.ready', { merchant: window.merchant, payment })
    return resultOfPayment(payment, custom_data, null)
  } catch (err) {
    if (err instanceof CatalogueError) return refusal(input.merchant_uid, REFUSED_CODE, err.message)
    throw err
  }
}

const HANDLERS: Readonly<Record<string, OutcomeHandler>> = { card, vbank }

/** The handler of a pay method, or the message its request is refused with. */
export function outcomeHandler(payMethod: string): OutcomeHandler | { refused: string } {
  const handler = Object.hasOwn(HANDLERS, payMethod) ? HANDLERS[payMethod] : undefined
  if (handler) return handler
  return { refused: sdkMessages.notSimulated(`pay_method "${payMethod}" 결제창`) }
}
