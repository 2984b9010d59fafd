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

function schemasFor(payment: TSchema, customer: TSchema, schedule: TSchema): Record<AnswerKind, TSchema> {
  return {
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
        ? schemasFor(PaymentSchema, CustomerSchema, ScheduleResultSchema)
        : schemasFor(
            relaxedPaymentSchema() as unknown as TSchema,
            relaxedCustomerSchema() as unknown as TSchema,
            relaxedScheduleSchema() as unknown as TSchema
          )
    validate = ajv.compile(set[kind])
    compiled.set(key, validate)
  }
  return validate
}
