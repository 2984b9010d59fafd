/**
 * The schemas answers are validated with (ajv), per target. On the simulator: the strict spec
 * schemas, every field present. On the real API: the same schemas with `required` cut down to the
 * official required fields, because the real API leaves out optional fields it has no value for
 * (every capture in fixtures/captured shows it); types, enums and unknown-field checks stay strict.
 */
import { Ajv, type ValidateFunction } from 'ajv'
import { Type, type TSchema } from 'typebox'
import { AuthSchema } from '../../api/v1/auth.js'
import { CustomerSchema } from '../../api/v1/customer.js'
import { ErrorEnvelopeSchema, envelope, paged } from '../../api/v1/envelope.js'
import { PaymentSchema } from '../../api/v1/payment.js'
import { PrepareSchema } from '../../api/v1/prepare.js'
import { ScheduleResultSchema } from '../../api/v1/schedule.js'
import { VbankHolderSchema } from '../../api/v1/vbank.js'
import { CertificationOtpSchema, CertificationSchema } from '../../api/v1/certification.js'
import { ExternalReceiptSchema, ReceiptSchema } from '../../api/v1/receipt.js'
import { EscrowLogisSchema } from '../../api/v1/escrow.js'
import { PaymentBalanceSchema, PgSettingSchema, StandardCodeSchema, TierSchema } from '../../api/v1/codes.js'
import { relaxedCustomerSchema, relaxedPaymentSchema, relaxedScheduleSchema } from '../../fixtures/captured/era.js'

export type AnswerKind =
  | 'auth'
  | 'customer'
  | 'customers'
  | 'payment'
  | 'payments'
  | 'paged-payments'
  | 'prepare'
  | 'schedule'
  | 'schedules'
  | 'paged-schedules'
  | 'error'
  | FamilyKind

/** Answer kinds of the issue-15 families. */
export type FamilyKind =
  | 'vbank-holder'
  | 'certification'
  | 'certification-otp'
  | 'receipt'
  | 'external-receipt'
  | 'escrow-logis'
  | 'standard-code'
  | 'standard-codes'
  | 'pg-settings'
  | 'tier'
  | 'balance'

/** The family schemas, and the official `required` of each (the real API may leave out the rest). */
const FAMILY_SCHEMAS: Record<FamilyKind, { schema: TSchema; list?: boolean; required: readonly string[] }> = {
  'vbank-holder': { schema: VbankHolderSchema, required: ['bank_holder'] },
  certification: { schema: CertificationSchema, required: ['imp_uid', 'pg_provider', 'foreigner'] },
  'certification-otp': { schema: CertificationOtpSchema, required: ['imp_uid'] },
  receipt: { schema: ReceiptSchema, required: ['imp_uid', 'apply_num', 'type', 'amount', 'vat', 'applied_at'] },
  'external-receipt': { schema: ExternalReceiptSchema, required: ['merchant_uid', 'apply_num', 'type', 'amount', 'vat', 'applied_at'] },
  'escrow-logis': { schema: EscrowLogisSchema, required: ['company', 'invoice', 'sent_at', 'applied_at'] },
  'standard-code': { schema: StandardCodeSchema, required: ['code', 'name'] },
  'standard-codes': { schema: StandardCodeSchema, list: true, required: ['code', 'name'] },
  'pg-settings': { schema: PgSettingSchema, list: true, required: ['pg_provider', 'pg_id', 'sandbox', 'type'] },
  tier: { schema: TierSchema, required: ['tier_code', 'tier_name'] },
  balance: { schema: PaymentBalanceSchema, required: ['amount', 'cash_receipt', 'primary', 'secondary', 'discount'] }
}

function familySchemas(target: 'mock' | 'real'): Record<FamilyKind, TSchema> {
  const out = {} as Record<FamilyKind, TSchema>
  for (const [kind, { schema, list, required }] of Object.entries(FAMILY_SCHEMAS) as Array<[FamilyKind, (typeof FAMILY_SCHEMAS)[FamilyKind]]>) {
    const item = target === 'mock' ? schema : ({ ...schema, required: [...required] } as TSchema)
    out[kind] = envelope(list ? Type.Array(item) : item)
  }
  return out
}

function schemasFor(payment: TSchema, customer: TSchema, schedule: TSchema, target: 'mock' | 'real'): Record<AnswerKind, TSchema> {
  return {
    ...familySchemas(target),
    auth: envelope(AuthSchema),
    customer: envelope(customer),
    customers: envelope(Type.Array(customer)),
    payment: envelope(payment),
    payments: envelope(Type.Array(payment)),
    'paged-payments': envelope(paged(payment)),
    prepare: envelope(PrepareSchema),
    schedule: envelope(schedule),
    schedules: envelope(Type.Array(schedule)),
    'paged-schedules': envelope(paged(schedule)),
    error: ErrorEnvelopeSchema
  }
}

const ajv = new Ajv({ strict: false, allErrors: true })
const compiled = new Map<string, ValidateFunction>()

/** A validator for an answer kind on a target. */
export function validatorFor(kind: AnswerKind, target: 'mock' | 'real'): ValidateFunction {
  const key = `${target}:${kind}`
  let validate = compiled.get(key)
  if (!validate) {
    const set =
      target === 'mock'
        ? schemasFor(PaymentSchema, CustomerSchema, ScheduleResultSchema, 'mock')
        : schemasFor(
            relaxedPaymentSchema() as unknown as TSchema,
            relaxedCustomerSchema() as unknown as TSchema,
            relaxedScheduleSchema() as unknown as TSchema,
            'real'
          )
    validate = ajv.compile(set[kind])
    compiled.set(key, validate)
  }
  return validate
}
