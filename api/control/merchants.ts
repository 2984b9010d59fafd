/**
 * A merchant's settings as one schema, used in both places a merchant is described: an entry of
 * the config file's `merchants` array, and the control API's `/__mock/merchants` routes (create,
 * change, list). Keeping it here, with the other wire schemas, means a merchant made at runtime is
 * checked by exactly the rules a configured one is.
 */
import { Type, type Static } from 'typebox'

export const PG_SETTING_TYPES = ['api_payment', 'payment', 'certification'] as const
export type PgSettingType = (typeof PG_SETTING_TYPES)[number]

/** The console fields of a channel (`GET /users/pg`): its tab, key and name. */
export const ChannelSettingFields = {
  type: Type.Optional(
    Type.Unsafe<PgSettingType>({
      type: 'string',
      enum: [...PG_SETTING_TYPES],
      description: 'console tab: api_payment (default; used by the charge routes), payment, certification'
    })
  ),
  channel_key: Type.Optional(Type.String({ minLength: 1, description: 'the console channel key; derived when omitted' })),
  channel_name: Type.Optional(Type.String({ description: 'the console channel name' }))
}

export const TierSchema = Type.Object(
  {
    tier_code: Type.String({ pattern: '^[A-Z0-9]{3}$', description: 'three capital letters or digits' }),
    tier_name: Type.String({ minLength: 1 })
  },
  { additionalProperties: false }
)

export const ChannelSchema = Type.Object(
  {
    pg_provider: Type.String({ minLength: 1, description: 'PG code, e.g. nice, html5_inicis, kakaopay' }),
    pg_id: Type.String({ minLength: 1, description: 'the merchant id (MID) at the PG, e.g. nictest04m, INIBillTst' }),
    default: Type.Optional(Type.Boolean({ description: 'used when a request names no pg; the first channel otherwise' })),
    sandbox: Type.Optional(Type.Boolean({ description: 'a test channel; defaults to the merchant test_channel' })),
    ...ChannelSettingFields
  },
  { additionalProperties: false }
)
export type ChannelConfig = Static<typeof ChannelSchema>

export const WebhookContentTypeSchema = Type.Unsafe<'application/json' | 'application/x-www-form-urlencoded'>({
  type: 'string',
  enum: ['application/json', 'application/x-www-form-urlencoded']
})

/** Every setting of a merchant but its key pair. */
const settingsFields = {
  name: Type.Optional(Type.String()),
  merchant_code: Type.Optional(
    Type.String({
      pattern: '^imp[0-9]{8}$',
      description: 'the merchant code (가맹점 식별코드, `imp` + 8 digits) IMP.init takes; derived from imp_key when absent'
    })
  ),
  test_channel: Type.Optional(Type.Boolean({ description: 'payments and keys of this merchant carry sandbox: true (2026 include_sandbox rule)' })),
  channels: Type.Optional(Type.Array(ChannelSchema)),
  tiers: Type.Optional(Type.Array(TierSchema, { description: 'sub-merchants, named by the Tier header (GET /tiers/{tier_code})' })),
  webhook_url: Type.Optional(Type.String({ description: 'the console Notification URL; notice_url on a request wins' })),
  webhook_content_type: Type.Optional(WebhookContentTypeSchema),
  webhook_retry: Type.Optional(
    Type.Boolean({
      description: 'the console retry switch: up to 5 resends one minute apart on a network error or 5xx (default off)'
    })
  )
}

/** One entry of the config file's `merchants`, and the settings a created merchant is kept with. */
export const MerchantSchema = Type.Object(
  {
    imp_key: Type.String({ minLength: 1, maxLength: 200 }),
    imp_secret: Type.String({ minLength: 1, maxLength: 200 }),
    ...settingsFields
  },
  { additionalProperties: false }
)
export type MerchantConfigInput = Static<typeof MerchantSchema>

/** `POST /__mock/merchants`: every field optional; a missing key pair or merchant code is made fresh. */
export const MerchantCreateSchema = Type.Object(
  {
    imp_key: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'default: 16 fresh digits' })),
    imp_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'default: 80 fresh characters' })),
    ...settingsFields
  },
  { additionalProperties: false }
)
export type MerchantCreate = Static<typeof MerchantCreateSchema>

/** `PATCH /__mock/merchants/{imp_key}`: the fields to change; `webhook_url: null` removes the URL. */
export const MerchantPatchSchema = Type.Object(
  {
    imp_secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ...settingsFields,
    webhook_url: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'the console Notification URL; null removes it' }))
  },
  { additionalProperties: false }
)
export type MerchantPatch = Static<typeof MerchantPatchSchema>

export const MerchantParamsSchema = Type.Object({ imp_key: Type.String({ minLength: 1 }) }, { additionalProperties: false })

/** A merchant as the control API shows it: its settings with every default filled in. */
export const MerchantViewSchema = Type.Object(
  {
    imp_key: Type.String(),
    imp_secret: Type.String({ description: 'a test credential of this simulator only' }),
    merchant_code: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    origin: Type.Unsafe<'config' | 'control' | 'open'>({
      type: 'string',
      enum: ['config', 'control', 'open'],
      description: 'config: the config file (or the docs merchant); control: POST /__mock/merchants; open: --accept-any-key'
    }),
    test_channel: Type.Boolean(),
    channels: Type.Array(
      Type.Object({ pg_provider: Type.String(), pg_id: Type.String(), sandbox: Type.Boolean() }, { additionalProperties: false }),
      { description: 'the first is the default' }
    ),
    webhook_url: Type.Union([Type.String(), Type.Null()]),
    webhook_content_type: WebhookContentTypeSchema,
    webhook_retry: Type.Boolean()
  },
  { additionalProperties: false }
)
export type MerchantView = Static<typeof MerchantViewSchema>

export const MerchantListSchema = Type.Object({ merchants: Type.Array(MerchantViewSchema) }, { additionalProperties: false })
export type MerchantList = Static<typeof MerchantListSchema>

export const MerchantDeletedSchema = Type.Object({ deleted: Type.String({ description: 'the imp_key' }) }, { additionalProperties: false })
