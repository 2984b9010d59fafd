/**
 * Simulator-only behaviour that needs the control API (clock moves, fault rules). That API is
 * being built (issue 4: `client/mock-control.ts`, `createMockControl`); until it lands these are
 * declared here as todos rather than faked.
 */
import { describe, it } from 'vitest'

describe('simulator clock (needs the control API clock, issue 4)', () => {
  // TODO(issue 4): move the simulator clock 30 minutes forward with createMockControl, then expect
  // 401 Unauthorized for the old token and a new token from getToken.
  it.todo('stops accepting a token 30 minutes after it was issued [mock only: clock]')
  // TODO(issue 4): move the clock to 30 s before expiry, ask again, expect expired_at + 300.
  it.todo('extends a token asked for within its last minute by five minutes [mock only: clock]')
})

describe('injected failures (needs the control API fault rules, issue 4)', () => {
  // TODO(issue 4): add a fault rule for `again` that declines with 잔액부족, charge an approved key,
  // expect code 0 with status failed; then remove the rule and expect paid.
  it.todo('records an injected decline on an approved card as a failed payment [mock only: fault rule]')
  // TODO(issue 4): add a fault rule answering 503 on GET /payments/{imp_uid} once, expect the
  // client to retry and succeed, and expect no retry for the same fault on POST /payments/cancel.
  it.todo('answers an injected server error, which the client retries only for reads [mock only: fault rule]')
})
