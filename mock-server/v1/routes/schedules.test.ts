import { describe, expect } from 'vitest'
import { PagedSchedulesResponseSchema, ScheduleListResponseSchema, SingleScheduleResponseSchema } from '../../../api/v1/schedule.js'
import { CustomerResponseSchema } from '../../../api/v1/customer.js'
import { PaymentResponseSchema } from '../../../api/v1/payment.js'
import { APPROVED_CARD, FAIL_REASON, MAGIC_CARDS, PG_DETAIL } from '../../../fixtures/cards/catalogue.js'
import { errors } from '../../../api/v1/catalogue.js'
import { expectEnvelope, expectError, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

const DAY = 24 * 3600
const DECLINING_CARD = MAGIC_CARDS.find((c) => c.preset === 'insufficient_balance')!.number
const REFUSED_CARD = MAGIC_CARDS.find((c) => c.preset === 'card_declined')!.number

const item = (merchantUid: string, scheduleAt: number, overrides: Record<string, unknown> = {}) => ({
  merchant_uid: merchantUid,
  schedule_at: scheduleAt,
  amount: 9900,
  name: '월간 이용권',
  ...overrides
})

const cardFields = (cardNumber = APPROVED_CARD) => ({
  card_number: cardNumber,
  expiry: '2030-12',
  birth: '900101',
  pwd_2digit: '12'
})

async function schedule(t: TestApp, body: Record<string, unknown>) {
  return t.post('/subscribe/payments/schedule', body)
}

/** A customer with a key and three monthly schedules (T0 + 1, 31 and 61 days). */
async function threeMonths(t: TestApp, customerUid = 'cust_1') {
  await t.issueKey(customerUid, { customer_name: '홍길동', customer_email: 'hong@example.com' })
  const res = await schedule(t, {
    customer_uid: customerUid,
    schedules: [item('sub-1', T0 + DAY), item('sub-2', T0 + 31 * DAY), item('sub-3', T0 + 61 * DAY)]
  })
  return expectEnvelope(res, 200, ScheduleListResponseSchema).response
}

async function getSchedule(t: TestApp, merchantUid: string) {
  return t.get(`/subscribe/payments/schedule/${encodeURIComponent(merchantUid)}`)
}

/** Moves every clock and runs what became due, as a clock move through the control API does; then takes a fresh token. */
async function advance(t: TestApp, seconds: number) {
  t.clock.advance(seconds)
  const result = await t.app.schedules.runDue()
  await t.renewToken()
  return result
}

describe('POST /subscribe/payments/schedule', () => {
  it('registers every schedule of a customer with a key and answers them all, not yet run', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { customer_name: '홍길동', customer_email: 'hong@example.com', customer_id: 'user-7' })

    const res = await schedule(t, {
      customer_uid: 'cust_1',
      schedules: [
        item('sub-1', T0 + DAY, { custom_data: '{"plan":"pro"}', buyer_name: '김철수' }),
        item('sub-2', T0 + 31 * DAY, { currency: 'KRW', amount: 12000 })
      ]
    })

    const list = expectEnvelope(res, 200, ScheduleListResponseSchema).response
    expect(list).toEqual([
      {
        customer_uid: 'cust_1',
        merchant_uid: 'sub-1',
        imp_uid: null,
        pg_provider: 'nice',
        pg_id: 'nictest04m',
        customer_id: 'user-7',
        schedule_at: T0 + DAY,
        executed_at: 0,
        revoked_at: 0,
        amount: 9900,
        currency: 'KRW',
        name: '월간 이용권',
        // Given buyer fields win; the others default to the key's customer fields.
        buyer_name: '김철수',
        buyer_email: 'hong@example.com',
        buyer_tel: null,
        buyer_addr: null,
        buyer_postcode: null,
        custom_data: '{"plan":"pro"}',
        schedule_status: 'scheduled',
        payment_status: null,
        fail_reason: null,
        promotion_id: null
      },
      expect.objectContaining({ merchant_uid: 'sub-2', amount: 12000, buyer_name: '홍길동', schedule_at: T0 + 31 * DAY })
    ])
  })

  it('issues a key first from the card fields when the customer has none, and echoes no card data', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, { customer_uid: 'new_cust', customer_id: 'user-9', ...cardFields(), schedules: [item('sub-1', T0 + DAY)] })

    expect(expectEnvelope(res, 200, ScheduleListResponseSchema).response[0]).toMatchObject({
      customer_uid: 'new_cust',
      customer_id: 'user-9',
      schedule_status: 'scheduled'
    })
    expect(res.body).not.toContain('4242-4242')
    expect(res.body).not.toContain('900101')
    const key = expectEnvelope(await t.get('/subscribe/customers/new_cust'), 200, CustomerResponseSchema).response
    expect(key).toMatchObject({ customer_uid: 'new_cust', card_number: '42424242****4242', customer_id: 'user-9', inserted: T0 })
  })

  it('keeps the existing key when card fields come with a customer that has one', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    const res = await schedule(t, { customer_uid: 'cust_1', ...cardFields(REFUSED_CARD), schedules: [item('sub-1', T0 + DAY)] })

    expectEnvelope(res, 200, ScheduleListResponseSchema)
    const key = (await t.get('/subscribe/customers/cust_1')).json().response
    expect(key.card_number).toBe('42424242****4242')
  })

  it('refuses an unknown customer without card data: code 1 등록된 고객정보가 없습니다.', async ({ testApp }) => {
    const t = await testApp()

    expectError(await schedule(t, { customer_uid: 'nobody', schedules: [item('sub-1', T0 + DAY)] }), errors.scheduleCustomerUnknown())
    expectError(await getSchedule(t, 'sub-1'), errors.scheduleNotFound())
  })

  it('refuses a card the PG rejects with 카드정보 확인에 실패하였습니다. and stores neither key nor schedule', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, { customer_uid: 'new_cust', ...cardFields(REFUSED_CARD), schedules: [item('sub-1', T0 + DAY)] })

    expectError(res, errors.scheduleCardFailed(PG_DETAIL.declined))
    expect(res.json().code).toBe(1)
    expectError(await t.get('/subscribe/customers/new_cust'), errors.customerNotFound('new_cust', 200))
    expectError(await getSchedule(t, 'sub-1'), errors.scheduleNotFound())
  })

  it('asks for the expiry when a card number comes without one', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, { customer_uid: 'new_cust', card_number: APPROVED_CARD, schedules: [item('sub-1', T0 + DAY)] })

    expectError(res, errors.requiredParams(['expiry']))
  })

  it('runs the checking_amount test charge: a card that declines charges refuses the whole request', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, {
      customer_uid: 'new_cust',
      checking_amount: 1000,
      ...cardFields(DECLINING_CARD),
      schedules: [item('sub-1', T0 + DAY)]
    })

    expectError(res, errors.scheduleCardFailed(FAIL_REASON.insufficientBalance))
    expectError(await t.get('/subscribe/customers/new_cust'), errors.customerNotFound('new_cust', 200))
    expectError(await getSchedule(t, 'sub-1'), errors.scheduleNotFound())
  })

  it('passes the checking_amount test charge with a good card and leaves no payment behind (it is cancelled at once)', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, { customer_uid: 'cust_1', checking_amount: 1000, ...cardFields(), schedules: [item('sub-1', T0 + DAY)] })

    expectEnvelope(res, 200, ScheduleListResponseSchema)
    expect(t.app.mock.store.merchantByKey('imp_apikey')!.payments.size).toBe(0)
  })

  it('schedules a card that declines charges when no test charge is asked for', async ({ testApp }) => {
    const t = await testApp()

    const res = await schedule(t, { customer_uid: 'cust_1', ...cardFields(DECLINING_CARD), schedules: [item('sub-1', T0 + DAY)] })

    expectEnvelope(res, 200, ScheduleListResponseSchema)
  })

  it('refuses a merchant_uid that is already scheduled, with code 1, and stores nothing of the request', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)

    const res = await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-4', T0 + 91 * DAY), item('sub-2', T0 + DAY)] })

    expectError(res, errors.scheduleDuplicate('sub-2'))
    expect(res.json().code).toBe(1)
    expectError(await getSchedule(t, 'sub-4'), errors.scheduleNotFound())
  })

  it('refuses the same merchant_uid twice in one request', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    const res = await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-1', T0 + DAY), item('sub-1', T0 + 2 * DAY)] })

    expectError(res, errors.scheduleDuplicate('sub-1'))
  })

  it('refuses a merchant_uid that was already paid through again', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await t.again('cust_1', 'order-1')

    expectError(await schedule(t, { customer_uid: 'cust_1', schedules: [item('order-1', T0 + DAY)] }), errors.scheduleDuplicate('order-1'))
  })

  it('accepts the merchant_uid of a revoked schedule again', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1', merchant_uid: ['sub-3'] })

    const res = await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-3', T0 + 70 * DAY)] })

    expectEnvelope(res, 200, ScheduleListResponseSchema)
    const found = expectEnvelope(await getSchedule(t, 'sub-3'), 200, SingleScheduleResponseSchema).response
    expect(found).toMatchObject({ schedule_status: 'scheduled', schedule_at: T0 + 70 * DAY, revoked_at: 0 })
  })

  it('refuses a schedule_at in the past by default, and takes it with fidelity schedule_in_past "accept"', async ({ testApp }) => {
    let t = await testApp()
    await t.issueKey('cust_1')
    expectError(await schedule(t, { customer_uid: 'cust_1', schedules: [item('late', T0 - 1)] }), errors.scheduleInPast('late'))
    await t.app.close()

    t = await testApp({ config: { fidelity: { schedule_in_past: 'accept' } } })
    await t.issueKey('cust_1')
    expectEnvelope(await schedule(t, { customer_uid: 'cust_1', schedules: [item('late', T0 - 1)] }), 200, ScheduleListResponseSchema)
    const { payments } = await t.app.schedules.runDue()
    expect(payments.map((p) => p.merchant_uid)).toEqual(['late'])
  })

  it('checks amounts as a charge does', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    expectError(await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-1', T0 + DAY, { amount: 0 })] }), errors.invalidAmount('amount'))
    expectError(
      await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-1', T0 + DAY, { amount: 10000, card_quota: 3 })] }),
      errors.installmentsNotAllowed()
    )
  })

  it('names the missing fields of the body and of its schedules', async ({ testApp }) => {
    const t = await testApp()

    expectError(await schedule(t, {}), errors.requiredParams(['customer_uid', 'schedules']))
    expectError(
      await schedule(t, { customer_uid: 'cust_1', schedules: [{ amount: 100 }] }),
      errors.requiredParams(['merchant_uid', 'schedule_at', 'name'])
    )
    expectError(await schedule(t, { customer_uid: 'cust_1', schedules: [] }), errors.invalidParam('schedules'))
  })

  it('reads a form-encoded body with schedules[0][field] items', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')

    const res = await t.app.inject({
      method: 'POST',
      url: '/subscribe/payments/schedule',
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `customer_uid=cust_1&schedules[0][merchant_uid]=sub-1&schedules[0][schedule_at]=${T0 + DAY}&schedules[0][amount]=9900&schedules[0][name]=plan`
    })

    expect(expectEnvelope(res, 200, ScheduleListResponseSchema).response[0]).toMatchObject({
      merchant_uid: 'sub-1',
      schedule_at: T0 + DAY,
      amount: 9900
    })
  })
})

describe('POST /subscribe/payments/unschedule', () => {
  it('revokes every waiting schedule of a customer when no merchant_uid is given', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await advance(t, DAY) // sub-1 runs

    t.clock.advance(60)
    const res = await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1' })

    const revoked = expectEnvelope(res, 200, ScheduleListResponseSchema).response
    expect(revoked.map((r: any) => [r.merchant_uid, r.schedule_status, r.revoked_at])).toEqual([
      ['sub-2', 'revoked', T0 + DAY + 60],
      ['sub-3', 'revoked', T0 + DAY + 60]
    ])
    expect((await getSchedule(t, 'sub-1')).json().response.schedule_status).toBe('executed')
  })

  it('revokes only the listed merchant_uids, given as a JSON array, one string, or merchant_uid[] form fields', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)

    const array = await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1', merchant_uid: ['sub-1'] })
    expect(expectEnvelope(array, 200, ScheduleListResponseSchema).response.map((r: any) => r.merchant_uid)).toEqual(['sub-1'])

    const single = await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1', merchant_uid: 'sub-2' })
    expect(expectEnvelope(single, 200, ScheduleListResponseSchema).response.map((r: any) => r.merchant_uid)).toEqual(['sub-2'])

    const form = await t.app.inject({
      method: 'POST',
      url: '/subscribe/payments/unschedule',
      headers: { ...t.auth, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'merchant_uid[]=sub-3'
    })
    expect(expectEnvelope(form, 200, ScheduleListResponseSchema).response.map((r: any) => r.merchant_uid)).toEqual(['sub-3'])
  })

  it('answers 취소할 예약결제 기록이 존재하지 않습니다. with code 1 when nothing can be revoked', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1' })

    expectError(await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_1' }), errors.nothingToUnschedule())
    expectError(await t.post('/subscribe/payments/unschedule', { customer_uid: 'nobody' }), errors.nothingToUnschedule())
    expectError(await t.post('/subscribe/payments/unschedule', { merchant_uid: ['unknown'] }), errors.nothingToUnschedule())
    expectError(await t.post('/subscribe/payments/unschedule', {}), errors.nothingToUnschedule())
  })

  it('does not revoke a listed merchant_uid that belongs to another customer', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t, 'cust_1')
    await t.issueKey('cust_2')

    const res = await t.post('/subscribe/payments/unschedule', { customer_uid: 'cust_2', merchant_uid: ['sub-1'] })

    expectError(res, errors.nothingToUnschedule())
    expect((await getSchedule(t, 'sub-1')).json().response.schedule_status).toBe('scheduled')
  })

  it('keeps a revoked schedule from running', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await t.post('/subscribe/payments/unschedule', { merchant_uid: ['sub-1'] })

    const { payments } = await advance(t, DAY)

    expect(payments).toEqual([])
    expect((await getSchedule(t, 'sub-1')).json().response).toMatchObject({ schedule_status: 'revoked', imp_uid: null, executed_at: 0 })
  })
})

describe('GET /subscribe/payments/schedule/{merchant_uid}', () => {
  it('answers one schedule', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)

    const found = expectEnvelope(await getSchedule(t, 'sub-2'), 200, SingleScheduleResponseSchema).response
    expect(found).toMatchObject({ merchant_uid: 'sub-2', customer_uid: 'cust_1', schedule_at: T0 + 31 * DAY })
  })

  it('answers 404 for a merchant_uid that was never scheduled', async ({ testApp }) => {
    const t = await testApp()

    expectError(await getSchedule(t, 'nothing'), errors.scheduleNotFound())
  })
})

describe('GET /subscribe/payments/schedule (by time range)', () => {
  const range = (t: TestApp, query: string) => t.get(`/subscribe/payments/schedule?${query}`)

  it('lists the schedules with from <= schedule_at < to, newest first, paged', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)

    const res = await range(t, `schedule_from=${T0 + DAY}&schedule_to=${T0 + 61 * DAY}`)

    const page = expectEnvelope(res, 200, PagedSchedulesResponseSchema).response
    expect(page).toMatchObject({ total: 2, previous: 0, next: 0 })
    expect(page.list.map((r: any) => r.merchant_uid)).toEqual(['sub-2', 'sub-1'])
  })

  it('sorts oldest first with sorting=scheduled, pages with limit, and filters by schedule_status', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await t.post('/subscribe/payments/unschedule', { merchant_uid: ['sub-2'] })
    const window = `schedule_from=${T0}&schedule_to=${T0 + 90 * DAY}`

    const first = expectEnvelope(await range(t, `${window}&sorting=scheduled&limit=2`), 200, PagedSchedulesResponseSchema).response
    expect(first).toMatchObject({ total: 3, previous: 0, next: 2 })
    expect(first.list.map((r: any) => r.merchant_uid)).toEqual(['sub-1', 'sub-2'])
    const second = expectEnvelope(await range(t, `${window}&sorting=scheduled&limit=2&page=2`), 200, PagedSchedulesResponseSchema).response
    expect(second).toMatchObject({ total: 3, previous: 1, next: 0 })
    expect(second.list.map((r: any) => r.merchant_uid)).toEqual(['sub-3'])

    const revoked = expectEnvelope(await range(t, `${window}&schedule_status=revoked`), 200, PagedSchedulesResponseSchema).response
    expect(revoked.list.map((r: any) => r.merchant_uid)).toEqual(['sub-2'])
  })

  it('answers 400 for missing or invalid search parameters', async ({ testApp }) => {
    const t = await testApp()
    const window = `schedule_from=${T0}&schedule_to=${T0 + DAY}`

    expectError(await range(t, ''), errors.requiredParamsBadRequest(['schedule_from', 'schedule_to']))
    expectError(await range(t, `${window}&schedule_status=done`), errors.unsupportedStatus())
    expectError(await range(t, `schedule_from=${T0}&schedule_to=${T0 + 93 * DAY}`), errors.scheduleSearchInvalid('조회기간은 최대 3개월입니다'))
    expectError(await range(t, `schedule_from=${T0}&schedule_to=${T0}`), errors.scheduleSearchInvalid('조회 종료시각은 시작시각보다 커야 합니다'))
    expectError(await range(t, `${window}&limit=1001`), errors.invalidPaging('limit'))
  })
})

describe('GET /subscribe/customers/{customer_uid}/schedules and /subscribe/payments/schedule/customers/{customer_uid}', () => {
  const urls = (uid: string) => [`/subscribe/customers/${uid}/schedules`, `/subscribe/payments/schedule/customers/${uid}`]

  it("lists the customer's schedules newest first, paged as the official clients parse it, on both paths", async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t, 'cust_1')
    await t.issueKey('cust_2')
    await schedule(t, { customer_uid: 'cust_2', schedules: [item('other-1', T0 + DAY)] })

    for (const url of urls('cust_1')) {
      const page = expectEnvelope(await t.get(`${url}?from=${T0}&to=${T0 + 90 * DAY}`), 200, PagedSchedulesResponseSchema).response
      expect(page).toMatchObject({ total: 3, previous: 0, next: 0 })
      expect(page.list.map((r: any) => r.merchant_uid)).toEqual(['sub-3', 'sub-2', 'sub-1'])
    }
  })

  it('reads schedule_from/schedule_to (the java client) and schedule-status with a hyphen', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await advance(t, DAY)

    const [url] = urls('cust_1')
    const executed = await t.get(`${url}?schedule_from=${T0}&schedule_to=${T0 + 90 * DAY}&schedule-status=executed`)

    const page = expectEnvelope(executed, 200, PagedSchedulesResponseSchema).response
    expect(page.list.map((r: any) => [r.merchant_uid, r.schedule_status, r.payment_status])).toEqual([['sub-1', 'executed', 'paid']])
  })

  it('answers an empty page for an unknown customer_uid', async ({ testApp }) => {
    const t = await testApp()

    const res = await t.get(`${urls('nobody')[0]}?from=${T0}&to=${T0 + DAY}`)

    expect(expectEnvelope(res, 200, PagedSchedulesResponseSchema).response).toEqual({ total: 0, previous: 0, next: 0, list: [] })
  })

  it('answers 400 when from or to is missing, or the status is unknown', async ({ testApp }) => {
    const t = await testApp()
    const [url] = urls('cust_1')

    expectError(await t.get(`${url}?from=${T0}`), errors.requiredParamsBadRequest(['to']))
    expectError(await t.get(url!), errors.requiredParamsBadRequest(['from', 'to']))
    expectError(await t.get(`${url}?from=${T0}&to=${T0 + DAY}&schedule-status=paid`), errors.unsupportedStatus())
  })
})

describe('PUT /subscribe/payments/schedule/{merchant_uid}', () => {
  const move = (t: TestApp, uid: string, scheduleAt: unknown) => t.put(`/subscribe/payments/schedule/${uid}`, { schedule_at: scheduleAt })

  it('moves a waiting schedule, which then runs at its new time and not at the old one', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)

    const res = await move(t, 'sub-1', T0 + 2 * DAY)

    expect(expectEnvelope(res, 200, SingleScheduleResponseSchema).response).toMatchObject({ schedule_at: T0 + 2 * DAY })
    expect((await advance(t, DAY)).payments).toEqual([])
    expect((await advance(t, DAY)).payments.map((p) => p.merchant_uid)).toEqual(['sub-1'])
  })

  it('answers 400 for a schedule that already ran or was revoked, or a time in the past; 404 when unknown', async ({ testApp }) => {
    const t = await testApp()
    await threeMonths(t)
    await advance(t, DAY)
    await t.post('/subscribe/payments/unschedule', { merchant_uid: ['sub-2'] })

    expectError(await move(t, 'sub-1', T0 + 5 * DAY), errors.scheduleNotModifiable('executed'))
    expectError(await move(t, 'sub-2', T0 + 5 * DAY), errors.scheduleNotModifiable('revoked'))
    expectError(await move(t, 'sub-3', T0), errors.scheduleAtInPast())
    expectError(await move(t, 'nothing', T0 + 5 * DAY), errors.scheduleNotFound())
    // swagger: a missing parameter is a 400 here, unlike other writes
    expectError(await t.put('/subscribe/payments/schedule/sub-3', {}), errors.requiredParamsBadRequest(['schedule_at']))
  })
})

describe('POST /subscribe/payments/schedule/{merchant_uid}/reschedule and /retry', () => {
  /** cust_1 whose card declines every charge, with sub-1 run (failed) and sub-2 still waiting. */
  async function failedRun(t: TestApp) {
    await t.issueKey('cust_1', { card_number: DECLINING_CARD })
    await schedule(t, { customer_uid: 'cust_1', schedules: [item('sub-1', T0 + DAY), item('sub-2', T0 + 31 * DAY)] })
    const { payments } = await advance(t, DAY)
    expect(payments.map((p) => p.status)).toEqual(['failed'])
  }

  it('reschedules a failed run: it waits again, shows as not run, and runs again at the new time', async ({ testApp }) => {
    const t = await testApp()
    await failedRun(t)
    await t.issueKey('cust_1') // the customer registers a working card under the same uid

    const res = await t.post('/subscribe/payments/schedule/sub-1/reschedule', { schedule_at: T0 + 3 * DAY })

    expect(expectEnvelope(res, 200, SingleScheduleResponseSchema).response).toMatchObject({
      schedule_status: 'scheduled',
      schedule_at: T0 + 3 * DAY,
      imp_uid: null,
      executed_at: 0,
      payment_status: null
    })
    const { payments } = await advance(t, 2 * DAY)
    expect(payments.map((p) => [p.merchant_uid, p.status])).toEqual([['sub-1', 'paid']])
    expect(expectEnvelope(await getSchedule(t, 'sub-1'), 200, SingleScheduleResponseSchema).response).toMatchObject({
      schedule_status: 'executed',
      executed_at: T0 + 3 * DAY,
      payment_status: 'paid',
      imp_uid: payments[0]!.imp_uid
    })
  })

  it('retries a failed run now and answers the new payment', async ({ testApp }) => {
    const t = await testApp()
    await failedRun(t)
    await t.issueKey('cust_1')
    t.clock.advance(3600)
    await t.renewToken()

    const res = await t.post('/subscribe/payments/schedule/sub-1/retry')

    const payment = expectEnvelope(res, 200, PaymentResponseSchema).response
    expect(payment).toMatchObject({
      merchant_uid: 'sub-1',
      status: 'paid',
      customer_uid_usage: 'payment.scheduled',
      channel: 'api',
      paid_at: T0 + DAY + 3600
    })
    expect(payment.imp_uid).toMatch(/^imps_\d{12}$/)
    expect((await getSchedule(t, 'sub-1')).json().response).toMatchObject({
      imp_uid: payment.imp_uid,
      payment_status: 'paid',
      executed_at: T0 + DAY + 3600
    })
  })

  it('answers a retry that fails again with code 0 and a failed payment, like again', async ({ testApp }) => {
    const t = await testApp()
    await failedRun(t)

    const payment = expectEnvelope(await t.post('/subscribe/payments/schedule/sub-1/retry'), 200, PaymentResponseSchema).response

    expect(payment).toMatchObject({ status: 'failed', fail_reason: FAIL_REASON.insufficientBalance })
  })

  it('answers 400 for a schedule that has not run, was paid or was revoked, 400 for a past time, 404 when unknown', async ({ testApp }) => {
    const t = await testApp()
    await failedRun(t)
    await t.issueKey('cust_2')
    await schedule(t, { customer_uid: 'cust_2', schedules: [item('paid-1', T0 + 2 * DAY)] })
    await advance(t, DAY) // paid-1 runs and is paid
    await t.post('/subscribe/payments/unschedule', { merchant_uid: ['sub-2'] })

    for (const action of ['reschedule', 'retry']) {
      const send = (uid: string) => t.post(`/subscribe/payments/schedule/${uid}/${action}`, { schedule_at: T0 + 10 * DAY })
      expectError(await send('sub-2'), errors.scheduleNotRetryable('schedule_status: revoked'))
      expectError(await send('paid-1'), errors.scheduleNotRetryable('payment_status: paid'))
      expectError(await send('nothing'), errors.scheduleNotFound())
    }
    await schedule(t, { customer_uid: 'cust_2', schedules: [item('later', T0 + 20 * DAY)] })
    expectError(await t.post('/subscribe/payments/schedule/later/retry'), errors.scheduleNotRetryable('schedule_status: scheduled'))
    expectError(await t.post('/subscribe/payments/schedule/sub-1/reschedule', { schedule_at: T0 }), errors.scheduleAtInPast())
  })

  it('answers 404 for a retry whose billing key was deleted', async ({ testApp }) => {
    const t = await testApp()
    await failedRun(t)
    await t.del('/subscribe/customers/cust_1')

    expectError(await t.post('/subscribe/payments/schedule/sub-1/retry'), errors.scheduleKeyNotFound('cust_1'))
  })
})
