/** `POST /users/getToken` (operationId `getToken`). */
import { Type, type Static } from 'typebox'
import { envelope } from './envelope.js'
import { UnixSeconds } from './common.js'

/** Request body. Both fields are required by the swagger; the simulator checks presence itself to answer with the real message. */
export const GetTokenBodySchema = Type.Object({
  imp_key: Type.Optional(Type.String()),
  imp_secret: Type.Optional(Type.String())
})
export type GetTokenBody = { imp_key: string; imp_secret: string }

/** `AuthAnnotation`: a 40-hex access token, the server's time and the token's expiry (UNIX seconds). */
export const AuthSchema = Type.Object(
  {
    access_token: Type.String({ pattern: '^[a-f0-9]{40}$' }),
    now: UnixSeconds(),
    expired_at: UnixSeconds()
  },
  { additionalProperties: false }
)
export type Auth = Static<typeof AuthSchema>
export const AuthResponseSchema = envelope(AuthSchema)
