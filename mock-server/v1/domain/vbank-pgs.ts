/**
 * What `POST /vbanks` asks of each PG, from the swagger's per-PG notes (`x-portone-per-pg` of the
 * createVbank parameters, both swagger files): the body fields a PG requires beyond the common
 * ones, whether it wants `pg_api_key` in the query (KG이니시스), and the PGs that ignore
 * `vbank_holder` and show the merchant's name instead (토스페이먼츠 신모듈, KSNET, 웰컴페이먼츠).
 */

/** Body fields a PG requires on top of channel_key, merchant_uid, amount, vbank_code, vbank_due. */
export const VBANK_REQUIRED_BY_PG: Readonly<Record<string, readonly string[]>> = {
  html5_inicis: ['vbank_holder', 'buyer_name', 'buyer_email'],
  nice: ['vbank_holder'],
  settle: ['vbank_holder'],
  smartro_v2: ['vbank_holder', 'buyer_name', 'buyer_email', 'buyer_tel'],
  tosspayments: ['buyer_name'],
  ksnet: ['buyer_name', 'product_type'],
  welcome: ['buyer_name']
}

/** PGs that need the merchant's PG API key as the `pg_api_key` query parameter. */
export const VBANK_PG_API_KEY_PGS: readonly string[] = ['html5_inicis']

/** PGs that ignore `vbank_holder`: the merchant's name is the holder. */
export const VBANK_HOLDER_IS_MERCHANT: readonly string[] = ['tosspayments', 'ksnet', 'welcome']

/** The fields `body` lacks for `pgProvider` (empty when nothing is missing). */
export function missingVbankFields(
  pgProvider: string,
  body: Readonly<Record<string, unknown>>,
  query: { pg_api_key?: string | undefined }
): string[] {
  const missing = (VBANK_REQUIRED_BY_PG[pgProvider] ?? []).filter((name) => body[name] === undefined || body[name] === '')
  if (VBANK_PG_API_KEY_PGS.includes(pgProvider) && !query.pg_api_key) missing.push('pg_api_key')
  return missing
}
