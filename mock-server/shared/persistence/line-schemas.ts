/**
 * The schema of every line of a `--data` file, by its `t`. The loader checks each line against
 * its type's schema before anything reaches the store: a damaged record (a `null` line, a record
 * without `r`, an amount that is a string, a flipped byte in a type) refuses the start with the
 * file, the line number and what is wrong, instead of crashing with a stack or loading a record
 * that answers 500 later. A new record kind adds its line type here and in `DataLine`.
 *
 * Records allow fields beyond those listed (a newer simulator may add some); the fields the
 * simulator reads must be present with the right type.
 */
import { Type, type TSchema } from 'typebox'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { PAYMENT_STATUSES, CUSTOMER_UID_USAGES } from '../../../api/v1/payment.js'
import { SCHEDULE_STATUSES } from '../../../api/v1/schedule.js'
import { MerchantSchema } from '../../../api/control/merchants.js'
import { FAMILY_NAMES } from '../store/family-records.js'

const Str = Type.String()
const NullableStr = Type.Union([Type.String(), Type.Null()])
/** Seconds or amounts: finite, never negative (JSON has no Infinity; 1e400 parses as one). */
const Count = Type.Number({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })
const Key = Type.String({ minLength: 1 })
const oneOf = (values: readonly string[]) => Type.Unsafe<string>({ type: 'string', enum: [...values] })
const Open = <T extends Record<string, TSchema>>(properties: T) => Type.Object(properties, { additionalProperties: true })

const Channel = Open({ pg_provider: Str, pg_id: Str, sandbox: Type.Boolean() })
const Card = Open({
  card_number: Str,
  card_code: Str,
  card_name: Str,
  card_type: Type.Union([Type.Literal(0), Type.Literal(1), Type.Null()]),
  charge_fail_reason: NullableStr
})
const Customer = {
  customer_id: NullableStr,
  customer_name: NullableStr,
  customer_tel: NullableStr,
  customer_email: NullableStr,
  customer_addr: NullableStr,
  customer_postcode: NullableStr
}
const Buyer = {
  name: NullableStr,
  buyer_name: NullableStr,
  buyer_email: NullableStr,
  buyer_tel: NullableStr,
  buyer_addr: NullableStr,
  buyer_postcode: NullableStr,
  custom_data: NullableStr
}

const BillingKey = Open({ customer_uid: Key, channel: Channel, card: Card, inserted: Count, updated: Count, ...Customer })
const Cancel = Open({ pg_tid: Str, amount: Count, cancelled_at: Count, reason: Str, cancellation_id: Str })
const Payment = Open({
  imp_uid: Key,
  merchant_uid: Key,
  amount: Count,
  currency: Str,
  channel: Channel,
  card: Type.Union([Card, Type.Null()]),
  customer_uid: NullableStr,
  customer_uid_usage: Type.Union([oneOf(CUSTOMER_UID_USAGES), Type.Null()]),
  card_quota: Count,
  started_at: Count,
  status: oneOf(PAYMENT_STATUSES),
  cancel_amount: Count,
  cancelled_at: Count,
  cancel_reason: NullableStr,
  cancel_history: Type.Union([Type.Array(Cancel), Type.Null()]),
  updated_at: Count,
  pg_tid: NullableStr,
  apply_num: NullableStr,
  paid_at: Count,
  failed_at: Count,
  fail_reason: NullableStr,
  notice_url: NullableStr,
  ...Buyer
})
const Prepare = Open({ merchant_uid: Key, amount: Count, currency: NullableStr })
const Token = Open({ access_token: Key, expired_at: Count })
const Schedule = Open({
  seq: Type.Integer({ minimum: 0 }),
  merchant_uid: Key,
  customer_uid: Key,
  customer_id: NullableStr,
  channel: Channel,
  schedule_at: Count,
  schedule_status: oneOf(SCHEDULE_STATUSES),
  executed_at: Count,
  revoked_at: Count,
  imp_uid: NullableStr,
  attempts: Type.Array(Str),
  charge: Open({
    amount: Count,
    currency: Str,
    tax_free: Type.Optional(Count),
    card_quota: Count,
    notice_url: NullableStr,
    promotion_id: NullableStr,
    ...Buyer
  })
})

const line = (t: string, fields: Record<string, TSchema>) => Type.Object({ t: Type.Literal(t), ...fields }, { additionalProperties: false })

/** Every line type the file may hold. */
export const LINE_SCHEMAS: Readonly<Record<string, TSchema>> = {
  header: line('header', { format: Str, version: Type.Integer() }),
  merchant: line('merchant', { k: Key, secret: Key }),
  merchant_removed: line('merchant_removed', { k: Key }),
  reset: line('reset', { k: Key }),
  token: line('token', { k: Key, r: Token }),
  key: line('key', { k: Key, r: BillingKey }),
  key_deleted: line('key_deleted', { k: Key, u: Key }),
  payment: line('payment', { k: Key, r: Payment }),
  prepare: line('prepare', { k: Key, r: Prepare }),
  schedule: line('schedule', { k: Key, r: Schedule }),
  // A merchant made or changed through the control API: the config file's own merchant schema.
  merchant_settings: line('merchant_settings', { k: Key, m: MerchantSchema }),
  // The other V1 families (certifications, receipts, escrow shipping); null: deleted.
  family: line('family', { k: Key, f: oneOf(FAMILY_NAMES), id: Key, r: Type.Union([Open({}), Type.Null()]) }),
  // PortOne V2 (v2-lines.ts): records filed under the merchant id `m`.
  v2_merchant: line('v2_merchant', { m: Key, secret: Key }),
  v2_reset: line('v2_reset', { m: Key }),
  v2_key: line('v2_key', { m: Key, r: Open({ billingKey: Key }) }),
  v2_payment: line('v2_payment', { m: Key, r: Open({ id: Key }) }),
  v2_schedule: line('v2_schedule', { m: Key, r: Open({ id: Key }) })
}

let validators: Map<string, ValidateFunction> | null = null

function validatorFor(t: string): ValidateFunction | undefined {
  if (validators === null) {
    const ajv = new Ajv({ strict: false, allErrors: false })
    validators = new Map(Object.entries(LINE_SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)]))
  }
  return validators.get(t)
}

/** What is wrong with a parsed line, in words; null when it is a valid line. */
export function lineProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `not a record (${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value})`
  }
  const t = (value as { t?: unknown }).t
  if (typeof t !== 'string') return 'a record without a type ("t")'
  const validate = validatorFor(t)
  if (!validate) return `unknown record type "${t.slice(0, 40)}" (written by a newer simulator, or damaged)`
  if (validate(value)) return null
  const error = validate.errors![0] as ErrorObject
  const where = error.instancePath === '' ? 'the record' : error.instancePath.slice(1).replaceAll('/', '.')
  const extra = (error.params as { additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[] }) ?? {}
  const detail = extra.additionalProperty ? ` ("${extra.additionalProperty}")` : extra.allowedValues ? ` (${extra.allowedValues.join(', ')})` : ''
  return `${t} record: ${where} ${error.message ?? 'is invalid'}${detail}`
}
