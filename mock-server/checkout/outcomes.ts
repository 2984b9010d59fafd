/**
 * What a decision in the window leaves behind, one handler per pay method. Only `card` is
 * simulated; a pay method without a handler is refused before its window opens, with a "not
 * simulated yet" message. Virtual accounts (`vbank`) plug in here once their records exist: a
 * handler that issues the account and answers a `ready` result.
 */
import type { RequestPayResult, WindowDecisionBody } from '../../api/checkout/window.js'
import { CatalogueError } from '../../api/v1/catalogue.js'
import { PG_DETAIL } from '../../fixtures/cards/catalogue.js'
import type { FidelityOptions } from '../shared/config/config.js'
import type { FaultEngine } from '../shared/faults/engine.js'
import { PAYMENT_WINDOW } from '../shared/faults/route-kinds.js'
import { emitCharge, type EventBus } from '../shared/store/events.js'
import { isKeyIssueOnly, payInWindow, type WindowDecision } from '../v1/domain/window-payments.js'
import { REFUSED_CODE, USER_CANCEL_CODE, USER_CANCEL_MESSAGE, sdkMessages } from './messages.js'
import { refusal, resultOfPayment } from './result.js'
import { APPROVED_PRESET, TEST_CARD_EXPIRY, testCard } from './test-cards.js'
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

const card: OutcomeHandler = (window, body, context) => {
  const { input, custom_data } = window.request
  let decision: WindowDecision
  let errorCode: string | null = null
  if (body.decision === 'close') {
    decision = { kind: 'decline', reason: USER_CANCEL_MESSAGE }
    errorCode = USER_CANCEL_CODE
  } else if (body.decision === 'decline') {
    decision = { kind: 'decline', reason: body.message ?? PG_DETAIL.declined }
  } else {
    const picked = testCard(body.card ?? APPROVED_PRESET)
    if (!picked) return refusal(input.merchant_uid, REFUSED_CODE, `iamport-mock: 알 수 없는 테스트 카드입니다 (${body.card}).`)
    const fault = faultFor(window, context.faults)
    if (fault.error) return fault.error
    decision = { kind: 'approve', card: { card_number: picked.number, expiry: TEST_CARD_EXPIRY }, declineReason: fault.decline }
  }
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

const HANDLERS: Readonly<Record<string, OutcomeHandler>> = { card }

/** The handler of a pay method, or the message its request is refused with. */
export function outcomeHandler(payMethod: string): OutcomeHandler | { refused: string } {
  const handler = Object.hasOwn(HANDLERS, payMethod) ? HANDLERS[payMethod] : undefined
  if (handler) return handler
  if (payMethod === 'vbank') return { refused: sdkMessages.notSimulated('가상계좌(vbank) 결제창') }
  return { refused: sdkMessages.notSimulated(`pay_method "${payMethod}" 결제창`) }
}
