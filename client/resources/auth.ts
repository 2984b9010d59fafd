/** `/users/getToken`: access tokens. */
import type { Auth } from '../../api/v1/auth.js'
import type { Caller, RequestCore } from '../request.js'
import type { Mode, RequestOptions, Result } from '../types.js'

export class AuthResource<M extends Mode> {
  constructor(
    private readonly call: Caller<M>,
    private readonly core: RequestCore
  ) {}

  /**
   * Issues an access token (`POST /users/getToken`, operationId `getToken`). A token lives 30
   * minutes; asking again before it expires returns the same token. `now` and `expired_at` are
   * UNIX seconds of the server's clock.
   *
   * Without `credentials` the client's own key pair is used and the answer also becomes the
   * client's cached token. Pass other credentials to test what the API says about them.
   * Other methods fetch tokens by themselves; calling this is never required.
   */
  getToken(credentials?: { imp_key: string; imp_secret: string }, options?: RequestOptions): Promise<Result<M, Auth>> {
    return this.call<Auth>(this.core.tokenOperation(credentials), options)
  }
}
