/**
 * The window's test card picker: the always-approved card and every magic card of the fixtures'
 * catalogue (fixtures/cards), with Korean labels. The window and the auto-decide call name a card
 * by its preset; the number itself never travels between the window and the server.
 */
import { APPROVED_CARD, MAGIC_CARDS } from '../../fixtures/cards/catalogue.js'

export interface TestCard {
  readonly preset: string
  readonly number: string
  readonly label: string
  /** What the picker shows of the number: first and last four digits. */
  readonly shown: string
}

export const APPROVED_PRESET = 'approved'

const LABELS: Record<string, string> = {
  [APPROVED_PRESET]: '승인 카드 (항상 승인)',
  card_declined: '거래거절 카드',
  card_expired: '유효기간 만료 카드',
  wrong_password: '비밀번호 오류 카드',
  pg_error: 'PG사 통신 오류 카드',
  insufficient_balance: '잔액부족 카드 (빌링키 발급은 승인)',
  limit_exceeded: '한도초과 카드 (빌링키 발급은 승인)'
}

function shown(number: string): string {
  const digits = number.replaceAll('-', '')
  return `${digits.slice(0, 4)} •••• •••• ${digits.slice(-4)}`
}

export const TEST_CARDS: readonly TestCard[] = [
  { preset: APPROVED_PRESET, number: APPROVED_CARD, label: LABELS[APPROVED_PRESET]!, shown: shown(APPROVED_CARD) },
  ...MAGIC_CARDS.map((card) => ({
    preset: card.preset,
    number: card.number,
    label: LABELS[card.preset] ?? card.description,
    shown: shown(card.number)
  }))
]

export function testCard(preset: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.preset === preset)
}

/** Card fields the window presents for a test card: a far expiry, no birth date or password. */
export const TEST_CARD_EXPIRY = '2099-12'
