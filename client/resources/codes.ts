/**
 * Tables and merchant facts: standard bank and card company codes (`/banks`, `/cards`), the
 * merchant's PG settings (`/users/pg`), a sub-merchant (`/tiers/{tier_code}`) and a payment's
 * amount detail (`/payments/{imp_uid}/balance`, PAYCO and KCP only).
 */
import type { PaymentBalance, PgSettingView, StandardCode, Tier } from '../../api/v1/codes.js'
import type { Caller } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class CodesResource<M extends Mode> {
  constructor(private readonly call: Caller<M>) {}

  private get<T>(operationId: string, path: string, pathParams: Record<string, string> | undefined, options?: RequestOptions) {
    return this.call<T>({ operationId, method: 'GET', path, ...(pathParams ? { pathParams } : {}), idempotent: true }, options)
  }

  /** Every bank (`GET /banks`, `allBankCodes`). */
  banks(options?: RequestOptions): Promise<Result<M, StandardCode[]>> {
    return this.get('allBankCodes', '/banks', undefined, options)
  }

  /** One bank (`GET /banks/{bank_standard_code}`, `bankCodes`). Unknown: `IamportNotFoundError`. */
  bank(code: string, options?: RequestOptions): Promise<Result<M, StandardCode>> {
    return this.get('bankCodes', '/banks/{bank_standard_code}', { bank_standard_code: code }, options)
  }

  /** Every card company (`GET /cards`, `allCardCodes`). */
  cards(options?: RequestOptions): Promise<Result<M, StandardCode[]>> {
    return this.get('allCardCodes', '/cards', undefined, options)
  }

  /** One card company (`GET /cards/{card_standard_code}`, `cardCodes`). */
  card(code: string, options?: RequestOptions): Promise<Result<M, StandardCode>> {
    return this.get('cardCodes', '/cards/{card_standard_code}', { card_standard_code: code }, options)
  }

  /** The merchant's PG channels with their `channel_key` (`GET /users/pg`, `getPgSettingList`). */
  pgSettings(options?: RequestOptions): Promise<Result<M, PgSettingView[]>> {
    return this.get('getPgSettingList', '/users/pg', undefined, options)
  }

  /** A sub-merchant (`GET /tiers/{tier_code}`, `GetTier`); its calls send `headers: { Tier: code }`. */
  tier(tierCode: string, options?: RequestOptions): Promise<Result<M, Tier>> {
    return this.get('GetTier', '/tiers/{tier_code}', { tier_code: tierCode }, options)
  }

  /** A payment's amount detail (`GET /payments/{imp_uid}/balance`, `balanceByImpUid`). */
  balance(impUid: string, options?: RequestOptions): Promise<Result<M, PaymentBalance>> {
    return this.get('balanceByImpUid', '/payments/{imp_uid}/balance', { imp_uid: impUid }, options)
  }
}
