/**
 * Scheduled payments: registration, lookups, update and revocation run on both targets (a
 * schedule weeks ahead costs nothing and is revoked after the test). Runs need the clock and
 * magic cards, so they are simulator-only (schedule-runs.contract.test.ts).
 *
 * Times are counted from the server's own `now` (getToken's), not the local clock: the simulator's
 * clock may have been moved forward by earlier tests, and the real server's may differ from ours.
 */
import { describe, expect } from 'vitest'
import { errors } from '../../api/v1/catalogue.js'
import type { Paged } from '../../api/v1/envelope.js'
import type { ScheduleResult } from '../../api/v1/schedule.js'
import { catalogued, expectFailure, expectNoFullCardNumber, expectOk, expectUnixSeconds, itOnBoth, serverNow } from '../lib/harness.js'

const DAY = 24 * 3600

describe('POST /subscribe/payments/schedule', () => {
  itOnBoth('registers schedules on a stored key and answers each, not yet run', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const items = [fx.scheduleItem(now + 30 * DAY), fx.scheduleItem(now + 60 * DAY, { custom_data: '{"cycle":2}' })]

    const res = await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: items })

    const list = expectOk<ScheduleResult[]>(res, 'schedules')
    expect(list).toHaveLength(2)
    list.forEach((schedule, i) => {
      const item = items[i]!
      expect(schedule).toMatchObject({
        customer_uid: customerUid,
        merchant_uid: item.merchant_uid,
        schedule_at: item.schedule_at,
        amount: item.amount,
        name: item.name,
        buyer_name: item.buyer_name,
        buyer_email: item.buyer_email,
        schedule_status: 'scheduled'
      })
      expect(schedule.imp_uid ?? null).toBeNull()
      expect(schedule.payment_status ?? null).toBeNull()
      expect(schedule.executed_at ?? 0).toBe(0)
      expect(schedule.revoked_at ?? 0).toBe(0)
    })
    expect(list[1]!.custom_data).toBe('{"cycle":2}')
  })

  itOnBoth('issues a key first when card fields come with a customer that has none, echoing no card data', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    const item = fx.scheduleItem(now + 30 * DAY)

    const res = await api.client.raw.schedules.schedule({ customer_uid: customerUid, ...api.card, schedules: [item] })

    expect(expectOk<ScheduleResult[]>(res, 'schedules')[0]).toMatchObject({ customer_uid: customerUid, schedule_status: 'scheduled' })
    expectNoFullCardNumber(res.body, api.card.card_number)
    expect(expectOk(await api.client.raw.billingKeys.get(customerUid), 'customer')).toMatchObject({ customer_uid: customerUid })
  })

  itOnBoth('refuses an unknown customer without card data with code 1 등록된 고객정보가 없습니다.', async ({ api, fx }) => {
    const now = await serverNow(api)
    const res = await api.client.raw.schedules.schedule({
      customer_uid: fx.ids.customerUid('never-issued'),
      schedules: [fx.scheduleItem(now + 30 * DAY)]
    })

    expectFailure(res, catalogued(errors.scheduleCustomerUnknown()))
  })

  itOnBoth('refuses a merchant_uid that is already scheduled, with a code ≠ 0', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const item = fx.scheduleItem(now + 30 * DAY)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')

    const res = await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [{ ...item, schedule_at: item.schedule_at + DAY }] })

    expectFailure(res, catalogued(errors.scheduleDuplicate(item.merchant_uid)))
    const kept = expectOk<ScheduleResult>(await api.client.raw.schedules.get(item.merchant_uid), 'schedule')
    expect(kept.schedule_at).toBe(item.schedule_at)
  })
})

describe('schedule lookups', () => {
  itOnBoth('finds a schedule by merchant_uid, by customer on both paths, and by time range', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const first = fx.scheduleItem(now + 20 * DAY)
    const second = fx.scheduleItem(now + 40 * DAY)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [first, second] }), 'schedules')
    const window = { from: now, to: now + 80 * DAY }

    const one = expectOk<ScheduleResult>(await api.client.raw.schedules.get(first.merchant_uid), 'schedule')
    const byCustomer = expectOk<Paged<ScheduleResult>>(await api.client.raw.schedules.findByCustomer(customerUid, window), 'paged-schedules')
    const viaKey = expectOk<Paged<ScheduleResult>>(await api.client.raw.billingKeys.schedules(customerUid, window), 'paged-schedules')
    const byRange = expectOk<Paged<ScheduleResult>>(
      await api.client.raw.schedules.findByRange({ schedule_from: window.from, schedule_to: window.to, limit: 1000, sorting: 'scheduled' }),
      'paged-schedules'
    )

    expect(one).toMatchObject({ merchant_uid: first.merchant_uid, customer_uid: customerUid, schedule_at: first.schedule_at })
    for (const page of [byCustomer, viaKey]) {
      // Newest first: the later schedule comes before the earlier one.
      expect(page.list.map((s) => s.merchant_uid)).toEqual([second.merchant_uid, first.merchant_uid])
      expect(page).toMatchObject({ total: 2, previous: 0 })
    }
    const ours = byRange.list.filter((s) => s.customer_uid === customerUid).map((s) => s.merchant_uid)
    expect(ours).toEqual([first.merchant_uid, second.merchant_uid])
  })

  itOnBoth('answers an empty page for a customer without schedules', async ({ api, fx }) => {
    const now = await serverNow(api)
    const page = expectOk<Paged<ScheduleResult>>(
      await api.client.raw.schedules.findByCustomer(fx.ids.customerUid('no-schedules'), { from: now, to: now + DAY }),
      'paged-schedules'
    )

    expect(page).toMatchObject({ total: 0, list: [] })
  })

  itOnBoth('answers 404 for a merchant_uid that was never scheduled', async ({ api, fx }) => {
    const res = await api.client.raw.schedules.get(fx.ids.merchantUid('never-scheduled'))

    expectFailure(res, catalogued(errors.scheduleNotFound()))
  })

  itOnBoth('answers 400 for a search longer than three months', async ({ api }) => {
    const now = await serverNow(api)
    const res = await api.client.raw.schedules.findByRange({ schedule_from: now, schedule_to: now + 120 * DAY })

    expectFailure(res, catalogued(errors.scheduleSearchInvalid('조회기간은 최대 3개월입니다')))
  })
})

describe('PUT /subscribe/payments/schedule/{merchant_uid}', () => {
  itOnBoth('moves a waiting schedule to a new time', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const item = fx.scheduleItem(now + 30 * DAY)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')

    const res = await api.client.raw.schedules.update(item.merchant_uid, { schedule_at: item.schedule_at + DAY })

    const moved = expectOk<ScheduleResult>(res, 'schedule')

    expect(moved).toMatchObject({ merchant_uid: item.merchant_uid, schedule_at: item.schedule_at + DAY, schedule_status: 'scheduled' })
  })

  itOnBoth('answers 400 for a time in the past', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const item = fx.scheduleItem(now + 30 * DAY)
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [item] }), 'schedules')

    const res = await api.client.raw.schedules.update(item.merchant_uid, { schedule_at: now - DAY })

    expectFailure(res, catalogued(errors.scheduleAtInPast()))
  })
})

describe('POST /subscribe/payments/unschedule', () => {
  itOnBoth('revokes the listed merchant_uids only', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const [keep, revoke] = [fx.scheduleItem(now + 30 * DAY), fx.scheduleItem(now + 60 * DAY)]
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: [keep, revoke] }), 'schedules')

    const res = await api.client.raw.schedules.unschedule({ customer_uid: customerUid, merchant_uid: [revoke.merchant_uid] })

    const revoked = expectOk<ScheduleResult[]>(res, 'schedules')
    expect(revoked.map((s) => [s.merchant_uid, s.schedule_status])).toEqual([[revoke.merchant_uid, 'revoked']])
    expectUnixSeconds(revoked[0]!.revoked_at)
    const stored = expectOk<ScheduleResult>(await api.client.raw.schedules.get(revoke.merchant_uid), 'schedule')
    expect(stored.schedule_status).toBe('revoked')
    expect(expectOk<ScheduleResult>(await api.client.raw.schedules.get(keep.merchant_uid), 'schedule').schedule_status).toBe('scheduled')
  })

  itOnBoth('revokes every waiting schedule of a customer when no merchant_uid is given', async ({ api, fx }) => {
    const now = await serverNow(api)
    const customerUid = fx.ids.customerUid()
    expectOk(await api.client.raw.billingKeys.issue(customerUid, api.card), 'customer')
    const items = [fx.scheduleItem(now + 30 * DAY), fx.scheduleItem(now + 60 * DAY)]
    expectOk(await api.client.raw.schedules.schedule({ customer_uid: customerUid, schedules: items }), 'schedules')

    const revoked = expectOk<ScheduleResult[]>(await api.client.raw.schedules.unschedule({ customer_uid: customerUid }), 'schedules')

    expect(revoked.map((s) => s.merchant_uid).sort()).toEqual(items.map((i) => i.merchant_uid).sort())
    expect(revoked.every((s) => s.schedule_status === 'revoked')).toBe(true)
  })

  itOnBoth('answers code 1 취소할 예약결제 기록이 존재하지 않습니다. when nothing is left to revoke', async ({ api, fx }) => {
    const res = await api.client.raw.schedules.unschedule({ customer_uid: fx.ids.customerUid('nothing-scheduled') })

    expectFailure(res, catalogued(errors.nothingToUnschedule()))
  })
})
