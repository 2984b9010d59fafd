/**
 * Virtual accounts (`POST/PUT/DELETE /vbanks`, `GET /vbanks/holder`) and the deposits the control
 * API makes into them. A virtual account is a payment with `pay_method: vbank` that waits in
 * `ready` until deposits cover its amount, then is `paid` (webhook guide: a vbank fires `ready`
 * when issued and `paid` when deposited). Choices nothing public settles are in docs/v1-families.md:
 *   - a merchant_uid that already has a paid payment cannot get an account (swagger: "이미 결제가
 *     이뤄진 적이 있는 merchant_uid로는 추가적인 가상계좌 생성이 불가능");
 *   - the fields each PG requires (vbank-pgs.ts, from the swagger's per-PG notes) are checked;
 *   - the account number is 14 seeded digits unless `vbank_num` (a fixed account) is given; the
 *     holder is `vbank_holder`, else (and always for tosspayments/ksnet/welcome) the merchant's name;
 *   - revoking (DELETE) makes the payment `cancelled` with nothing refunded;
 *   - an account whose due time passes stays `ready` (nothing fires); a deposit after it is refused;
 *   - short deposits add up in `deposit_history`; the account is paid once they reach the amount;
 *     a deposit beyond what is still due is refused.
 */
import { errors } from '../../../api/v1/catalogue.js'
import type { VbankCreateBody, VbankUpdateBody } from '../../../api/v1/vbank.js'
import { bankByCode } from '../../../fixtures/institutions.js'
import type { MerchantState } from '../../shared/store/merchant-state.js'
import type { PgChannel } from '../../shared/config/config.js'
import { PaymentRecord, type BrowserFacts } from '../../shared/store/records.js'
import { channelByKey } from './pg-settings.js'
import { missingVbankFields, VBANK_HOLDER_IS_MERCHANT } from './vbank-pgs.js'
import { assertChargeAmount, fromMinor, isExactAmount, sumMinor, toMinor } from './money.js'

/** The account holder the holder check answers for an account the merchant did not issue. */
export const SIMULATED_HOLDER = '홍길동'

export function issueVbank(state: MerchantState, body: VbankCreateBody, query: { pg_api_key?: string | undefined } = {}): PaymentRecord {
  const setting = channelByKey(state.merchant, body.channel_key, ['api_payment', 'payment'], 200)
  const missing = missingVbankFields(setting.pg_provider, body, query)
  if (missing.length > 0) throw errors.requiredParams(missing)
  return openVbank(state, setting, body)
}

/** What opening an account needs beyond its channel: `POST /vbanks`'s body, or the payment window's request. */
export type VbankOpening = Omit<VbankCreateBody, 'channel_key'>

/**
 * Opens a virtual account on a channel already chosen: the rules `POST /vbanks` and the browser
 * SDK's payment window (`pay_method: "vbank"`) share. The REST route also checks the fields its PG
 * requires of an API caller (vbank-pgs.ts); in the window the PG collects those itself. `browser`
 * is where a window payment came from (REST payments have none).
 */
export function openVbank(state: MerchantState, setting: PgChannel, body: VbankOpening, browser: BrowserFacts | null = null): PaymentRecord {
  const bank = bankByCode(body.vbank_code)
  if (!bank) throw errors.unknownBankCode(body.vbank_code)
  assertChargeAmount('amount', body.amount, 'KRW')
  const now = state.now()
  if (body.vbank_due <= now) throw errors.vbankDueInPast()
  if (state.paidPaymentFor(body.merchant_uid)) throw errors.alreadyPaid(body.merchant_uid)
  const channel = { pg_provider: setting.pg_provider, pg_id: setting.pg_id, sandbox: setting.sandbox }
  const noticeUrl = Array.isArray(body.notice_url) ? (body.notice_url[0] ?? null) : (body.notice_url ?? null)
  const payment = new PaymentRecord({
    imp_uid: state.newImpUid('imp_'),
    merchant_uid: body.merchant_uid,
    amount: body.amount,
    currency: 'KRW',
    channel,
    card: null,
    customer_uid: null,
    customer_uid_usage: null,
    card_quota: 0,
    started_at: now,
    outcome: { status: 'ready', pg_tid: state.ids.pgTid(channel.pg_id, now) },
    pay_method: 'vbank',
    escrow: body.escrow_password !== undefined,
    vbank: {
      vbank_code: bank.code,
      vbank_name: bank.name,
      vbank_num: body.vbank_num ?? state.ids.digits(14),
      vbank_holder: VBANK_HOLDER_IS_MERCHANT.includes(setting.pg_provider) ? state.merchant.name : (body.vbank_holder ?? state.merchant.name),
      vbank_date: body.vbank_due,
      vbank_issued_at: now
    },
    name: body.name ?? null,
    buyer_name: body.buyer_name ?? null,
    buyer_email: body.buyer_email ?? null,
    buyer_tel: body.buyer_tel ?? null,
    buyer_addr: body.buyer_addr ?? null,
    buyer_postcode: body.buyer_postcode ?? null,
    custom_data: body.custom_data ?? null,
    notice_url: noticeUrl,
    browser
  })
  state.insertPayment(payment)
  return payment
}

/** The virtual account `impUid` names, waiting for its deposit; the swagger's 404 and 400 otherwise. */
function readyVbank(state: MerchantState, impUid: string): PaymentRecord {
  const payment = state.payments.get(impUid)
  if (!payment) throw errors.paymentNotFound()
  if (payment.pay_method !== 'vbank' || !payment.vbank) throw errors.notVbank()
  if (payment.status !== 'ready') throw errors.vbankNotReady(payment.status)
  return payment
}

export function updateVbank(state: MerchantState, impUid: string, body: VbankUpdateBody): PaymentRecord {
  const payment = readyVbank(state, impUid)
  if (body.amount !== undefined) {
    assertChargeAmount('amount', body.amount, 'KRW')
    if (body.amount < depositedSum(payment)) throw errors.invalidParam('amount')
  }
  if (body.vbank_due !== undefined && body.vbank_due <= state.now()) throw errors.vbankDueInPast()
  if (body.amount !== undefined) payment.amount = body.amount
  if (body.vbank_due !== undefined) payment.vbank!.vbank_date = body.vbank_due
  payment.updated_at = state.now()
  state.savePayment(payment)
  return payment
}

export function revokeVbank(state: MerchantState, impUid: string): PaymentRecord {
  const payment = readyVbank(state, impUid)
  const now = state.now()
  payment.status = 'cancelled'
  payment.cancelled_at = now
  payment.updated_at = now
  state.savePayment(payment)
  return payment
}

/** Why the control API refuses a deposit (its own error codes, not the i'mport catalogue). */
export class DepositRefused extends Error {
  override readonly name = 'DepositRefused'
  constructor(
    readonly reason: 'not_found' | 'not_vbank' | 'not_ready' | 'past_due' | 'bad_amount',
    message: string
  ) {
    super(message)
  }
}

/**
 * A deposit into a virtual account, as the bank would report it. Returns the payment and whether
 * this deposit completed it (then it is `paid` and the caller sends the webhook).
 */
export function deposit(
  state: MerchantState,
  impUid: string,
  input: { amount?: number | undefined; depositor_name?: string | undefined }
): { payment: PaymentRecord; paid: boolean } {
  const payment = state.payments.get(impUid)
  if (!payment) throw new DepositRefused('not_found', `merchant ${state.merchant.imp_key} has no payment ${impUid.slice(0, 100)}`)
  if (payment.pay_method !== 'vbank' || !payment.vbank) throw new DepositRefused('not_vbank', `${impUid} is not a virtual account`)
  if (payment.status !== 'ready') throw new DepositRefused('not_ready', `${impUid} is ${payment.status}, not waiting for a deposit`)
  const now = state.now()
  if (now > payment.vbank.vbank_date) {
    throw new DepositRefused('past_due', `${impUid} was due at ${payment.vbank.vbank_date}; the bank refuses deposits after it`)
  }
  const { currency } = payment
  const due = fromMinor(toMinor(payment.amount, currency) - toMinor(depositedSum(payment), currency), currency)
  const amount = input.amount ?? due
  if (!Number.isFinite(amount) || amount <= 0 || !isExactAmount(amount, currency) || amount > due) {
    throw new DepositRefused('bad_amount', `the deposit must be more than 0 and at most the ${due} still due`)
  }
  payment.deposit_history ??= []
  payment.deposit_history.push({
    pg_tid: payment.pg_tid ?? '',
    amount,
    depositor_name: input.depositor_name ?? payment.buyer_name ?? payment.vbank.vbank_holder,
    deposited_at: now
  })
  const paid = amount === due
  if (paid) {
    payment.status = 'paid'
    payment.paid_at = now
  }
  payment.updated_at = now
  state.savePayment(payment)
  return { payment, paid }
}

/** The holder check: an account this merchant issued answers its holder; any other well-formed one the simulated name. */
export function holderOf(state: MerchantState, bankCode: string, bankNum: string): string {
  const digits = bankNum.replace(/\D/g, '')
  if (!bankByCode(bankCode) || digits.length < 10 || digits.length > 16) throw errors.holderNotFound()
  for (const payment of state.payments.values()) {
    if (payment.vbank?.vbank_code === bankCode && payment.vbank.vbank_num.replace(/\D/g, '') === digits) return payment.vbank.vbank_holder
  }
  return SIMULATED_HOLDER
}

function depositedSum(payment: PaymentRecord): number {
  return fromMinor(
    sumMinor(
      (payment.deposit_history ?? []).map((d) => d.amount),
      payment.currency
    ),
    payment.currency
  )
}
