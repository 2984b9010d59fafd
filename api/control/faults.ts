/**
 * The shape of a fault rule, as `POST /__mock/faults` and the config file's `faults: [...]` take it.
 *
 * A rule says which requests it acts on (`match`), what happens to the first matching one
 * (`action`), what happens to the following ones (`then`), how many it acts on (`times`) and how
 * often it fires (`probability`, drawn from a seeded stream). These TypeBox schemas are both the
 * validation and the OpenAPI documentation of the control API.
 */
import { Type, type Static, type TSchema } from 'typebox'

/** Limits that keep one rule from holding a request (or the server's memory) for long. */
export const FAULT_LIMITS = {
  /** Longest `delay` / `drop.after_ms`: two minutes, longer than any sane client timeout. */
  max_ms: 120_000,
  /** Longest `then` sequence. */
  max_then: 100,
  /** Longest message, fail_reason or raw body text. */
  max_text: 2000
} as const

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const

export const MatchSchema = Type.Object(
  {
    method: Type.Optional(Type.Unsafe<(typeof HTTP_METHODS)[number]>({ type: 'string', enum: [...HTTP_METHODS], description: 'upper case' })),
    path: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        pattern: '^/[^?#\\s]*$',
        description: 'exact path, or a pattern with :params such as /subscribe/customers/:customer_uid (no query string)'
      })
    ),
    imp_key: Type.Optional(Type.String({ minLength: 1, description: 'only requests of this merchant' })),
    customer_uid: Type.Optional(Type.String({ minLength: 1, description: 'from the path, body or query' })),
    merchant_uid: Type.Optional(Type.String({ minLength: 1, description: 'from the path, body or query' })),
    amount: Type.Optional(Type.Number({ description: 'the request body amount' }))
  },
  { additionalProperties: false, description: "every given field must match; an empty match matches every i'mport request" }
)
export type FaultMatch = Static<typeof MatchSchema>

const text = (description: string) => Type.String({ minLength: 1, maxLength: FAULT_LIMITS.max_text, description })

const ErrorAction = Type.Object(
  {
    type: Type.Literal('error'),
    http_status: Type.Optional(Type.Integer({ minimum: 200, maximum: 599, description: "default 200, as most i'mport errors" })),
    code: Type.Optional(Type.Integer({ description: 'envelope code, default -1' })),
    message: text('envelope message')
  },
  { additionalProperties: false, description: "answer the i'mport envelope { code, message, response: null }; nothing is done" }
)

const DeclineAction = Type.Object(
  {
    type: Type.Literal('decline'),
    fail_reason: text("the payment's fail_reason")
  },
  {
    additionalProperties: false,
    description: 'charges only (again, onetime): the charge is recorded with status "failed" and this fail_reason, code 0'
  }
)

const DelayAction = Type.Object(
  { type: Type.Literal('delay'), ms: Type.Integer({ minimum: 0, maximum: FAULT_LIMITS.max_ms }) },
  { additionalProperties: false, description: 'wait, then handle the request normally' }
)

const HttpAction = Type.Object(
  {
    type: Type.Literal('http'),
    status: Type.Integer({ minimum: 400, maximum: 599, description: 'e.g. 429, 500, 502, 503, 504' }),
    body: Type.Optional(
      Type.Unsafe<string | Record<string, unknown>>({
        anyOf: [{ type: 'string', maxLength: FAULT_LIMITS.max_text }, { type: 'object' }],
        description: 'raw text (HTML when it starts with "<") or a JSON object; default a gateway error page'
      })
    )
  },
  { additionalProperties: false, description: "a raw gateway answer, not an i'mport envelope; nothing is done" }
)

const DropAction = Type.Object(
  {
    type: Type.Literal('drop'),
    after_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: FAULT_LIMITS.max_ms, description: 'hold the connection this long first (a hang)' }))
  },
  { additionalProperties: false, description: 'destroy the connection without an answer; nothing is done' }
)

const CommitThenDropAction = Type.Object(
  { type: Type.Literal('commit_then_drop') },
  {
    additionalProperties: false,
    description: 'handle the request fully (payment made, key issued, cancel applied), then reset the connection before any byte of the answer'
  }
)

const PassAction = Type.Object(
  { type: Type.Literal('pass') },
  { additionalProperties: false, description: 'handle the request normally (an "approve" step in a then sequence)' }
)

const ACTION_SCHEMAS = [ErrorAction, DeclineAction, DelayAction, HttpAction, DropAction, CommitThenDropAction, PassAction]

export type FaultAction =
  | Static<typeof ErrorAction>
  | Static<typeof DeclineAction>
  | Static<typeof DelayAction>
  | Static<typeof HttpAction>
  | Static<typeof DropAction>
  | Static<typeof CommitThenDropAction>
  | Static<typeof PassAction>

export type FaultActionType = FaultAction['type']
export const ACTION_TYPES: readonly FaultActionType[] = ['error', 'decline', 'delay', 'http', 'drop', 'commit_then_drop', 'pass']

/** One of the actions, told apart by `type` (ajv's `discriminator`, so errors name the right branch). */
export const ActionSchema = Type.Unsafe<FaultAction>({
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: ACTION_SCHEMAS as TSchema[]
})

export const FaultRuleSchema = Type.Object(
  {
    match: Type.Optional(MatchSchema),
    action: ActionSchema,
    then: Type.Optional(
      Type.Array(ActionSchema, {
        maxItems: FAULT_LIMITS.max_then,
        description: 'actions for the following matching calls, in order (the last one repeats while times lasts)'
      })
    ),
    times: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'how many matching calls the rule acts on; default 1 (or the sequence length), null = until deleted'
      })
    ),
    probability: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'chance that a matching call is acted on (seeded, reproducible); default 1' })
    ),
    seed: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'own random stream; default derived from the server seed and the rule' })
    ),
    description: Type.Optional(Type.String({ maxLength: 500, description: 'free text, shown in listings' }))
  },
  { additionalProperties: false }
)
export type FaultRuleInput = Static<typeof FaultRuleSchema>

export type RuleOrigin = 'api' | 'config'

/** A rule as `GET /__mock/faults` shows it. */
export interface FaultRuleView {
  id: string
  origin: RuleOrigin
  match: FaultMatch
  action: FaultAction
  then: FaultAction[]
  /** As given (null = until deleted). */
  times: number | null
  /** Matching calls it will still act on (null = until deleted). */
  remaining: number | null
  probability: number
  /** Calls it has acted on so far. */
  hits: number
  description: string | null
}

/** The request header that forces one preset outcome on one i'mport call (`X-Iamport-Mock-Fault: decline`). */
export const FAULT_PRESET_HEADER = 'X-Iamport-Mock-Fault'
