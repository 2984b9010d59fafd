import { describe, expect, it } from 'vitest'
import { CAPTURED_RESPONSES } from '../../fixtures/captured/index.js'
import { checkExchange, loadSwagger } from './conformance.js'

const swagger = loadSwagger()

const paid2024 = CAPTURED_RESPONSES.find((c) => c.name === 'payment-2024-html5-inicis-paid.json')!
/** The 2024 capture as today's API would send it (with the 2026 `sandbox` flag). */
const payment = { ...paid2024.body, response: { ...paid2024.body.response, sandbox: true } }

describe('checkExchange', () => {
  it('accepts a real payment answer with every required field', () => {
    const verdict = checkExchange(swagger, { operationId: 'getPaymentByImpUid', status: 200, body: payment })

    expect(verdict).toEqual({ definition: 'PaymentResponse', problems: [], defects: [] })
  })

  it('reports a required field that is missing', () => {
    const verdict = checkExchange(swagger, { operationId: 'getPaymentByImpUid', status: 200, body: paid2024.body })

    expect(verdict.problems).toEqual(['response.sandbox: required by PaymentAnnotation, missing'])
  })

  it('reports a declared field with the wrong JSON type, optional ones included', () => {
    const body = { ...payment, response: { ...payment.response, amount: '1', card_quota: 1.5 } }

    const verdict = checkExchange(swagger, { operationId: 'getPaymentByImpUid', status: 200, body })

    expect(verdict.problems.sort()).toEqual([
      'response.amount: expected number, got string "1"',
      'response.card_quota: expected integer, got number 1.5'
    ])
  })

  it('reports a required field sent as null', () => {
    const body = { ...payment, response: { ...payment.response, currency: null } }

    expect(checkExchange(swagger, { operationId: 'getPaymentByImpUid', status: 200, body }).problems).toEqual([
      'response.currency: required by PaymentAnnotation, null'
    ])
  })

  it('checks cancel history entries against their own definition', () => {
    const cancelled = CAPTURED_RESPONSES.find((c) => c.name === 'payment-2020-html5-inicis-cancelled.json')!
    const body = { ...cancelled.body, response: { ...cancelled.body.response, sandbox: false } }

    expect(checkExchange(swagger, { operationId: 'cancelPayment', status: 200, body }).problems).toEqual([
      'response.cancel_history[0].cancellation_id: required by PaymentCancelAnnotation, missing'
    ])
  })

  it('checks billing keys as CustomerResponse through the declared wrapper defect', () => {
    const key = CAPTURED_RESPONSES.find((c) => c.kind === 'customer')!
    const body = { ...key.body, response: { ...key.body.response, sandbox: false } }

    expect(checkExchange(swagger, { operationId: 'customer_view', status: 200, body })).toEqual({
      definition: 'CustomerResponse',
      problems: [],
      defects: ['customerResponseWrapper']
    })
  })

  it('does not require the paging fields the prepare definition lists by mistake, and says so', () => {
    const body = { code: 0, message: null, response: { merchant_uid: 'm', amount: 1000, currency: null } }

    expect(checkExchange(swagger, { operationId: 'preparePayment', status: 200, body })).toEqual({
      definition: 'PaymentPrepareResponse',
      problems: [],
      defects: ['prepareRequired']
    })
  })

  it('checks the schedule lists as the paged object the official clients parse, through the declared defect', () => {
    const schedule = {
      customer_uid: 'c',
      merchant_uid: 'm',
      imp_uid: null,
      schedule_at: 1795000000,
      amount: 9900,
      schedule_status: 'scheduled',
      payment_status: null
    }
    const paged = { code: 0, message: null, response: { total: 1, previous: 0, next: 0, list: [schedule] } }
    const wrongItem = { ...paged, response: { ...paged.response, list: [{ ...schedule, amount: '9900' }] } }
    const missingTotal = { ...paged, response: { previous: 0, next: 0, list: [] } }

    for (const operationId of ['findSchedulesByRange', 'findSchedulesByCustomer']) {
      expect(checkExchange(swagger, { operationId, status: 200, body: paged })).toEqual({
        definition: '(inline)',
        problems: [],
        defects: ['scheduleListPaged']
      })
    }
    expect(checkExchange(swagger, { operationId: 'findSchedulesByRange', status: 200, body: wrongItem }).problems).toEqual([
      'response.list[0].amount: expected number, got string "9900"'
    ])
    expect(checkExchange(swagger, { operationId: 'findSchedulesByCustomer', status: 200, body: missingTotal }).problems).toEqual([
      'response.total: required by the schema, missing'
    ])
  })

  it('checks failures against ResponseAnnotation and wants response null', () => {
    const good = checkExchange(swagger, {
      operationId: 'again',
      status: 200,
      body: { code: 1, message: '등록되지 않은 구매자입니다.', response: null }
    })
    const bad = checkExchange(swagger, { operationId: 'again', status: 200, body: { code: '1', message: 'x', response: {} } })

    expect(good).toEqual({ definition: 'ResponseAnnotation', problems: [], defects: [] })
    expect(bad.problems).toEqual(['code: expected integer, got string "1"', 'a failed call must answer response: null'])
  })

  it('reports an operation the swagger does not have', () => {
    expect(checkExchange(swagger, { operationId: 'nope', status: 200, body: payment }).problems).toEqual(['operation nope is not in the swagger'])
  })
})
