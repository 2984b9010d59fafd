/**
 * Conformance with the official definitions: an answer must carry every field its swagger
 * definition requires, each with the declared JSON type, and every other declared field it
 * carries must have the declared type too (`null` stands for "no value" on optional fields, as
 * every real capture shows). The swagger is the official document committed in
 * `api/v1/official/` (its README says where it comes from).
 *
 * Where the official document is known to be wrong (iamport-api.md §8) the exception is declared
 * in `SWAGGER_DEFECTS` with its evidence, and applied by name: nothing else is tolerated.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { outcomeOf, type RecordedExchange } from './exchanges.js'

export const SWAGGER_PATH = fileURLToPath(new URL('../../api/v1/official/iamport-swagger.json', import.meta.url))

interface SchemaObject {
  $ref?: string
  type?: string
  allOf?: SchemaObject[]
  properties?: Record<string, SchemaObject>
  required?: string[]
  items?: SchemaObject
}

interface OperationObject {
  operationId?: string
  responses?: Record<string, { schema?: SchemaObject; description?: string }>
}

export interface Swagger {
  paths: Record<string, Record<string, OperationObject>>
  definitions: Record<string, SchemaObject>
}

export interface SwaggerDefect {
  id: string
  /** What the document says that is wrong. */
  defect: string
  /** What the suite checks instead. */
  instead: string
  evidence: string
  /** Whether the suite exercises an operation the defect touches today. */
  exercised: boolean
}

/** Known defects of the official swagger (iamport-api.md §8), each with what is checked instead. */
export const SWAGGER_DEFECTS = {
  prepareRequired: {
    id: 'prepareRequired',
    defect: 'PaymentPrepareAnnotation.required lists total, previous, next, copied from the paged type',
    instead: 'those three are not required; the declared fields merchant_uid, amount, currency are type-checked when present',
    evidence: 'iamport-api.md §8; python tests/test_prepare.py reads merchant_uid and amount from the answer',
    exercised: true
  },
  customerResponseWrapper: {
    id: 'customerResponseWrapper',
    defect:
      'the 200 schema of POST/GET/DELETE /subscribe/customers/{customer_uid} is a `properties` wrapper of CustomerResponse and SuperBillingKeyResponse',
    instead: 'the body is checked as CustomerResponse (the simulator issues no super billing keys)',
    evidence: 'iamport-api.md §8 and the 2020 capture (fixtures/captured/billing-key-2020-nice.json)',
    exercised: true
  },
  optionalPathStatus: {
    id: 'optionalPathStatus',
    defect:
      '/payments/find/{merchant_uid} and /payments/findAll/{merchant_uid} are declared only with a trailing {payment_status} marked required: false',
    instead: 'calls without a status are checked against the same operation (found by operationId, not by path)',
    evidence: 'swagger parameters of getPaymentByMerchantUid / getAllPaymentsByMerchantUid',
    exercised: true
  },
  updateTypo: {
    id: 'updateTypo',
    defect: 'SucceededChannelAnnotation.required contains `update`, a typo for `updated`',
    instead: 'not exercised yet; to be applied when an operation answering it is in the suite',
    evidence: 'iamport-api.md §8',
    exercised: false
  },
  scheduleListPaged: {
    id: 'scheduleListPaged',
    defect: 'the GET schedule lists are documented as ScheduleResponse (an array) but answer a paged object',
    instead:
      'findSchedulesByRange / findSchedulesByCustomer are checked as ResponseAnnotation whose response is ' +
      '{ total, previous, next: integer, list: [ScheduleResultAnnotation] }, all four required',
    evidence: 'iamport-api.md §3.5 and §8 (official java, node and go clients parse a paged object)',
    exercised: true
  },
  depositReason: {
    id: 'depositReason',
    defect: 'VbankDepositAnnotation.required lists `reason`, which is not among its declared properties',
    instead: 'the declared fields pg_tid, amount, depositor_name, deposited_at are required and type-checked; reason is not',
    evidence: 'both swagger files (definitions VbankDepositAnnotation); docs/v1-families.md',
    exercised: true
  },
  unscheduleArray: {
    id: 'unscheduleArray',
    defect: 'POST /subscribe/payments/unschedule declares merchant_uid as type array with a string schema (malformed)',
    instead: 'not exercised yet',
    evidence: 'iamport-api.md §8',
    exercised: false
  }
} as const satisfies Record<string, SwaggerDefect>

/** Required fields the checker ignores, by definition, each through a declared defect. */
const IGNORED_REQUIRED: Record<string, { fields: string[]; defect: SwaggerDefect }> = {
  PaymentPrepareAnnotation: { fields: ['total', 'previous', 'next'], defect: SWAGGER_DEFECTS.prepareRequired },
  VbankDepositAnnotation: { fields: ['reason'], defect: SWAGGER_DEFECTS.depositReason }
}

/** The paged schedule list the official clients parse, built from the official definitions. */
const PAGED_SCHEDULES: SchemaObject = {
  allOf: [
    { $ref: '#/definitions/ResponseAnnotation' },
    {
      properties: {
        response: {
          type: 'object',
          required: ['total', 'previous', 'next', 'list'],
          properties: {
            total: { type: 'integer' },
            previous: { type: 'integer' },
            next: { type: 'integer' },
            list: { type: 'array', items: { $ref: '#/definitions/ScheduleResultAnnotation' } }
          }
        }
      }
    }
  ]
}

/** The success schema an operation is checked against instead of a malformed one: a definition, or one built from definitions. */
const SCHEMA_OVERRIDES: Record<string, { ref: string; defect: SwaggerDefect } | { schema: SchemaObject; defect: SwaggerDefect }> = {
  customer_save: { ref: 'CustomerResponse', defect: SWAGGER_DEFECTS.customerResponseWrapper },
  customer_view: { ref: 'CustomerResponse', defect: SWAGGER_DEFECTS.customerResponseWrapper },
  customer_delete: { ref: 'CustomerResponse', defect: SWAGGER_DEFECTS.customerResponseWrapper },
  findSchedulesByRange: { schema: PAGED_SCHEDULES, defect: SWAGGER_DEFECTS.scheduleListPaged },
  findSchedulesByCustomer: { schema: PAGED_SCHEDULES, defect: SWAGGER_DEFECTS.scheduleListPaged }
}

export function loadSwagger(path: string = SWAGGER_PATH): Swagger {
  return JSON.parse(readFileSync(path, 'utf8')) as Swagger
}

export function findOperation(swagger: Swagger, operationId: string): OperationObject | undefined {
  for (const item of Object.values(swagger.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation === 'object' && operation?.operationId === operationId) return operation
    }
  }
  return undefined
}

export interface Verdict {
  /** The definition the answer was checked against, e.g. `PaymentResponse` or `ResponseAnnotation`. */
  definition: string
  problems: string[]
  /** Declared defects that were applied. */
  defects: string[]
}

/**
 * Checks one answer. Successes (code 0) against the operation's declared schema for the status;
 * failures against `ResponseAnnotation` (the swagger declares no body for error statuses), with
 * `response: null` as every observed failure has it (iamport-api.md §0.2).
 */
export function checkExchange(swagger: Swagger, exchange: Pick<RecordedExchange, 'operationId' | 'status' | 'body'>): Verdict {
  const operation = findOperation(swagger, exchange.operationId)
  if (!operation) return { definition: '(none)', problems: [`operation ${exchange.operationId} is not in the swagger`], defects: [] }
  const checker = new Checker(swagger)
  if (outcomeOf(exchange.body) === 'error') {
    checker.check({ $ref: '#/definitions/ResponseAnnotation' }, exchange.body, '')
    const body = exchange.body as { response?: unknown } | null
    if (body === null || typeof body !== 'object') checker.problems.push('the body is not a JSON object')
    else if (body.response !== null) checker.problems.push('a failed call must answer response: null')
    return { definition: 'ResponseAnnotation', problems: checker.problems, defects: [...checker.defects] }
  }
  const override = SCHEMA_OVERRIDES[exchange.operationId]
  let schema = operation.responses?.[String(exchange.status)]?.schema
  if (override) {
    schema = 'ref' in override ? { $ref: `#/definitions/${override.ref}` } : override.schema
    checker.defects.add(override.defect.id)
  }
  if (!schema) {
    return { definition: '(none)', problems: [`${exchange.operationId} declares no body for HTTP ${exchange.status}`], defects: [] }
  }
  checker.check(schema, exchange.body, '')
  return { definition: schema.$ref?.split('/').at(-1) ?? '(inline)', problems: checker.problems, defects: [...checker.defects] }
}

class Checker {
  readonly problems: string[] = []
  readonly defects = new Set<string>()

  constructor(private readonly swagger: Swagger) {}

  check(schema: SchemaObject, value: unknown, path: string, definition?: string): void {
    if (schema.$ref) {
      const name = schema.$ref.split('/').at(-1)!
      const target = this.swagger.definitions[name]
      if (!target) {
        this.problems.push(`${path || '(root)'}: unknown definition ${name}`)
        return
      }
      this.check(target, value, path, name)
      return
    }
    for (const part of schema.allOf ?? []) this.check(part, value, path)
    if (schema.properties || schema.type === 'object') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        this.problems.push(`${path || '(root)'}: expected an object, got ${describe(value)}`)
        return
      }
      const record = value as Record<string, unknown>
      const ignored = definition === undefined ? undefined : IGNORED_REQUIRED[definition]
      for (const name of schema.required ?? []) {
        if (ignored?.fields.includes(name)) {
          this.defects.add(ignored.defect.id)
          continue
        }
        if (!(name in record)) this.problems.push(`${join(path, name)}: required by ${definition ?? 'the schema'}, missing`)
        else if (record[name] === null) this.problems.push(`${join(path, name)}: required by ${definition ?? 'the schema'}, null`)
      }
      for (const [name, child] of Object.entries(schema.properties ?? {})) {
        if (name in record && record[name] !== null) this.check(child, record[name], join(path, name))
      }
      return
    }
    if (schema.type === 'array') {
      if (!Array.isArray(value)) {
        this.problems.push(`${path}: expected an array, got ${describe(value)}`)
        return
      }
      value.forEach((item, i) => {
        if (schema.items) this.check(schema.items, item, `${path}[${i}]`)
      })
      return
    }
    if (schema.type !== undefined && !matchesType(schema.type, value)) {
      this.problems.push(`${path}: expected ${schema.type}, got ${describe(value)}`)
    }
  }
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'string':
    case 'boolean':
      return typeof value === type
    default:
      return true
  }
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`
}
