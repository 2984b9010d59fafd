/**
 * Control API shapes of the browser checkout (`/__mock/checkout/auto`): make the next N payment
 * windows decide by themselves, for suites that do not care about the window itself.
 */
import { Type, type Static } from 'typebox'
import { WINDOW_DECISIONS, type WindowDecisionName } from '../checkout/window.js'

export const AutoDecisionBodySchema = Type.Object(
  {
    decision: Type.Unsafe<WindowDecisionName>({ type: 'string', enum: [...WINDOW_DECISIONS] }),
    card: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'test card preset the window picks before approving (default approved)' })
    ),
    message: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'fail_reason of a decline' })),
    times: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'how many windows decide so (default 1)' })),
    imp_key: Type.Optional(Type.String({ minLength: 1, description: "only this merchant's windows" }))
  },
  { additionalProperties: false }
)
export type AutoDecisionInput = Static<typeof AutoDecisionBodySchema>

export const AutoDecisionViewSchema = Type.Object(
  {
    decision: Type.Unsafe<WindowDecisionName>({ type: 'string', enum: [...WINDOW_DECISIONS] }),
    card: Type.Union([Type.String(), Type.Null()]),
    message: Type.Union([Type.String(), Type.Null()]),
    remaining: Type.Integer(),
    imp_key: Type.Union([Type.String(), Type.Null()])
  },
  { additionalProperties: false }
)
export type AutoDecisionView = Static<typeof AutoDecisionViewSchema>

export const AutoDecisionListSchema = Type.Object({ pending: Type.Array(AutoDecisionViewSchema) }, { additionalProperties: false })
export type AutoDecisionList = Static<typeof AutoDecisionListSchema>
