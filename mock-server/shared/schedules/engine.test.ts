import { describe, expect } from 'vitest'
import { MAGIC_CARDS } from '../../../fixtures/cards/catalogue.js'
import { errors } from '../../../api/v1/catalogue.js'
import type { PaymentRecord } from '../store/records.js'
import { getToken, T0, type TestApp } from '../../../test/support/helpers.js'
import { it } from '../../../test/support/fixtures.js'

const DAY = 24 * 3600
const DECLINING_CARD = MAGIC_CARDS.find((c) => c.preset === 'insufficient_balance')!.number

const item = (merchantUid: string, scheduleAt: number, amount = 9900) => ({
  merchant_uid: merchantUid,
  schedule_at: scheduleAt,
  amount,
  name: '월간 이용권'
})

async function scheduleFor(t: TestApp, customerUid: string, items: object[]) {
  const res = await t.post('/subscribe/payments/schedule', { customer_uid: customerUid, schedules: items })
  expect(res.json().code, res.body).toBe(0)
}

const merchant = (t: TestApp) => t.app.mock.store.merchantByKey('imp_apikey')!
const scheduleOf = (t: TestApp, uid: string) => t.app.schedules.book(merchant(t)).get(uid)!

describe('the schedules engine', () => {
  it('runs exactly the schedules the clock has reached, once each, in schedule_at order', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    // Registered out of order: the run order is schedule_at's.
    await scheduleFor(t, 'cust_1', [item('sub-2', T0 + 2 * DAY, 2000), item('sub-1', T0 + DAY, 1000), item('sub-3', T0 + 3 * DAY, 3000)])

    t.clock.advance(2 * DAY)
    const first = await t.app.schedules.runDue()
    const again = await t.app.schedules.runDue()

    expect(first.payments.map((p) => [p.merchant_uid, p.amount, p.status])).toEqual([
      ['sub-1', 1000, 'paid'],
      ['sub-2', 2000, 'paid']
    ])
    expect(again.payments).toEqual([])
    expect(merchant(t).payments.size).toBe(2)
    expect(scheduleOf(t, 'sub-3')).toMatchObject({ schedule_status: 'scheduled', imp_uid: null, executed_at: 0 })
  })

  it("charges the key as i'mport does for a schedule: imps_ id, payment.scheduled, at schedule_at's tick", async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { customer_name: '홍길동' })
    await scheduleFor(t, 'cust_1', [{ ...item('sub-1', T0 + DAY), custom_data: '{"n":1}', notice_url: 'http://127.0.0.1:9/hook' }])

    t.clock.advance(DAY)
    const [payment] = (await t.app.schedules.runDue()).payments as [PaymentRecord]

    expect(payment.imp_uid).toMatch(/^imps_\d{12}$/)
    expect(payment).toMatchObject({
      merchant_uid: 'sub-1',
      status: 'paid',
      customer_uid: 'cust_1',
      customer_uid_usage: 'payment.scheduled',
      paid_at: T0 + DAY,
      buyer_name: '홍길동',
      custom_data: '{"n":1}',
      notice_url: 'http://127.0.0.1:9/hook'
    })
    expect(scheduleOf(t, 'sub-1')).toMatchObject({ schedule_status: 'executed', executed_at: T0 + DAY, imp_uid: payment.imp_uid })
    await t.renewToken()
    const wire = (await t.get(`/payments/${payment.imp_uid}`)).json().response
    expect(wire).toMatchObject({ channel: 'api', customer_uid_usage: 'payment.scheduled', status: 'paid' })
  })

  it("records a declining card's run as a failed payment and a failed schedule, with the PG's reason", async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1', { card_number: DECLINING_CARD })
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])

    t.clock.advance(DAY)
    const [payment] = (await t.app.schedules.runDue()).payments as [PaymentRecord]

    expect(payment).toMatchObject({ status: 'failed', fail_reason: '잔액부족', failed_at: T0 + DAY })
    await t.renewToken()
    expect((await t.get('/subscribe/payments/schedule/sub-1')).json().response).toMatchObject({
      schedule_status: 'executed',
      payment_status: 'failed',
      fail_reason: '잔액부족',
      imp_uid: payment.imp_uid
    })
  })

  it('fails the run of a schedule whose key was deleted with 등록되지 않은 구매자입니다., leaving a failed payment', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])
    await t.del('/subscribe/customers/cust_1')

    t.clock.advance(DAY)
    const [payment] = (await t.app.schedules.runDue()).payments as [PaymentRecord]

    expect(payment).toMatchObject({
      status: 'failed',
      fail_reason: errors.unknownBuyer().message,
      card: null,
      customer_uid_usage: 'payment.scheduled',
      channel: { pg_provider: 'nice', pg_id: 'nictest04m' }
    })
    expect(payment.imp_uid).toMatch(/^imps_/)
    expect(scheduleOf(t, 'sub-1').schedule_status).toBe('executed')
  })

  it('fails the run of a schedule whose merchant_uid was paid meanwhile, without charging twice', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])
    await t.again('cust_1', 'sub-1')

    t.clock.advance(DAY)
    const [payment] = (await t.app.schedules.runDue()).payments as [PaymentRecord]

    expect(payment).toMatchObject({ status: 'failed', fail_reason: errors.alreadyPaid('sub-1').message })
    expect(
      merchant(t)
        .paymentsByMerchantUid.get('sub-1')
        .filter((p) => p.status === 'paid')
    ).toHaveLength(1)
  })

  it('shows payment_status cancelled once the scheduled payment is refunded', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])
    t.clock.advance(DAY)
    await t.app.schedules.runDue()
    await t.renewToken()

    await t.post('/payments/cancel', { merchant_uid: 'sub-1' })

    expect((await t.get('/subscribe/payments/schedule/sub-1')).json().response).toMatchObject({
      schedule_status: 'executed',
      payment_status: 'cancelled'
    })
  })

  it("runs on a merchant's own clock: moving one merchant runs its schedules and no other's", async ({ testApp }) => {
    const t = await testApp({ config: { merchants: [{ imp_key: 'shop_b', imp_secret: 'secret_b' }] } })
    const b = t.app.mock.store.merchantByKey('shop_b')!
    const asB = { authorization: await getToken(t.app, 'shop_b', 'secret_b') }
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('a-1', T0 + DAY)])
    const asBPost = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: asB, payload })
    await asBPost('/subscribe/customers/cust_b', { card_number: '4242-4242-4242-4242', expiry: '2030-12' })
    const res = await asBPost('/subscribe/payments/schedule', { customer_uid: 'cust_b', schedules: [item('b-1', T0 + DAY)] })
    expect(res.json().code, res.body).toBe(0)

    b.clock.advance(DAY)
    await t.app.mock.events.emitAndWait('clock.moved', { merchant: b })

    expect(t.app.schedules.book(b).get('b-1')!.schedule_status).toBe('executed')
    expect(scheduleOf(t, 'a-1').schedule_status).toBe('scheduled')
  })

  it('runs what a server-wide clock move made due when clock.moved is emitted and waited for', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])

    t.app.mock.store.clock.advance(DAY)
    await t.app.mock.events.emitAndWait('clock.moved', { merchant: null })

    expect(scheduleOf(t, 'sub-1').schedule_status).toBe('executed')
  })

  it('tells the event bus about every run: payment.paid and payment.failed', async ({ testApp }) => {
    const t = await testApp()
    const seen: string[] = []
    t.app.mock.events.on('payment.paid', ({ payment }) => void seen.push(`paid ${payment.merchant_uid}`))
    t.app.mock.events.on('payment.failed', ({ payment }) => void seen.push(`failed ${payment.merchant_uid}`))
    await t.issueKey('good')
    await t.issueKey('bad', { card_number: DECLINING_CARD })
    await scheduleFor(t, 'good', [item('g-1', T0 + DAY)])
    await scheduleFor(t, 'bad', [item('b-1', T0 + DAY + 1)])

    t.clock.advance(DAY + 1)
    await t.app.schedules.runDue()

    expect(seen).toEqual(['paid g-1', 'failed b-1'])
  })

  it('forgets the schedules of a merchant that is reset', async ({ testApp }) => {
    const t = await testApp()
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])

    t.app.mock.store.reset('imp_apikey')
    t.clock.advance(DAY)

    expect((await t.app.schedules.runDue()).payments).toEqual([])
    expect(t.app.schedules.book(merchant(t)).all()).toEqual([])
  })

  it('runs due schedules on wall time when polling, without being asked', async ({ testApp }) => {
    const t = await testApp({ schedulePollMs: 5 })
    await t.issueKey('cust_1')
    await scheduleFor(t, 'cust_1', [item('sub-1', T0 + DAY)])
    const ran = new Promise<string>((resolve) => t.app.mock.events.on('payment.paid', ({ payment }) => resolve(payment.merchant_uid)))

    t.clock.advance(DAY)

    expect(await ran).toBe('sub-1')
  })
})
