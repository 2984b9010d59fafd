import { describe, expect, it } from 'vitest'
import { PG_DETAIL } from '../../../fixtures/cards/catalogue.js'
import { checkCard, maskCardNumber } from './cards.js'

const T = Date.UTC(2026, 2, 15) / 1000 // 2026-03-15

describe('maskCardNumber', () => {
  it('masks the way each PG does', () => {
    expect(maskCardNumber('5272892712342305', 'nice')).toBe('52728927****2305')
    expect(maskCardNumber('5594100000000004', 'html5_inicis')).toBe('559410*********4')
    expect(maskCardNumber('4242424242424242', 'kcp')).toBe('424242******4242')
  })
})

describe('checkCard', () => {
  const card = { card_number: '4242-4242-4242-4242', expiry: '2026-03' }

  it('accepts a card through the last day of its expiry month, Korean time', () => {
    const lastSecondOfMarchKst = Date.UTC(2026, 3, 1) / 1000 - 9 * 3600 - 1

    expect(checkCard(card, lastSecondOfMarchKst, false)).toMatchObject({ ok: true })
    expect(checkCard(card, lastSecondOfMarchKst + 1, false)).toEqual({ ok: false, kind: 'reject', pg_detail: PG_DETAIL.expired })
  })

  it('refuses month 00 and 13', () => {
    expect(checkCard({ ...card, expiry: '2030-00' }, T, false)).toMatchObject({ ok: false })
    expect(checkCard({ ...card, expiry: '2030-13' }, T, false)).toMatchObject({ ok: false })
  })

  it('treats an empty birth or password as not given', () => {
    expect(checkCard({ ...card, birth: '', pwd_2digit: '' }, T, false)).toMatchObject({ ok: true })
  })

  it('checks the number before the expiry', () => {
    expect(checkCard({ card_number: '4242-4242-4242-4241', expiry: 'garbage' }, T, false)).toMatchObject({
      pg_detail: PG_DETAIL.invalidNumber
    })
  })
})
