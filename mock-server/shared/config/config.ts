/**
 * Simulator configuration: merchants and their PG channels, the id seed, and the fidelity
 * switches for behaviour the public sources disagree on. A JSON config file has this shape; it is
 * validated once, at start-up, with a message naming the offending path.
 */
import { readFileSync } from 'node:fs'
import { Type, type Static } from 'typebox'
import { Ajv } from 'ajv'
import { FaultRuleError, parseFaultRule } from '../faults/validate.js'
import type { FaultRuleInput } from '../../../api/control/faults.js'
import { DEFAULT_MERCHANT } from '../../../api/v1/docs-merchant.js'
import { MerchantSchema, type ChannelConfig, type MerchantConfigInput } from '../../../api/control/merchants.js'
import { DEFAULT_JOURNAL_SIZE } from '../journal/journal.js'
import { DEFAULT_CERTIFICATION_CHANNEL, resolvePgSetting, type PgSetting, type TierConfig } from './pg-settings.js'
import { V2MerchantSchema, resolveV2Merchants, type V2MerchantConfig } from './v2-merchants.js'

/** The public key pair from i'mport's own documentation and client READMEs; not a secret. */

/** How long a request may take to arrive, headers and body, before it is refused with 408. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000

/** The seed `buildApp` uses when none is given, so tests get the same ids on every run. */
export const DEFAULT_SEED = 'iamport-mock'

export type { ChannelConfig, MerchantConfigInput }

const FidelitySchema = Type.Object(
  {
    unknown_customer_http_status: Type.Optional(
      Type.Unsafe<200 | 404>({
        type: 'integer',
        enum: [200, 404],
        description: 'GET/DELETE of an unknown customer_uid: 200 + code 1 (observed, default) or 404 (swagger)'
      })
    ),
    get_token_missing_params_status: Type.Optional(
      Type.Unsafe<200 | 400>({
        type: 'integer',
        enum: [200, 400],
        description: 'getToken without imp_key/imp_secret: 400 (default) or 200'
      })
    ),
    billing_imp_uid_prefix: Type.Optional(
      Type.Unsafe<'imps_' | 'imp_'>({
        type: 'string',
        enum: ['imps_', 'imp_'],
        description: 'prefix of imp_uid for onetime/again payments (scheduled ones are always imps_)'
      })
    ),
    lenient_expiry: Type.Optional(Type.Boolean({ description: 'also accept expiry as YYYYMM (only YYYY-MM is documented)' })),
    schedule_in_past: Type.Optional(
      Type.Unsafe<'refuse' | 'accept'>({
        type: 'string',
        enum: ['refuse', 'accept'],
        description: 'POST schedule with a schedule_at before now: refuse (default) or accept and run it at once'
      })
    )
  },
  { additionalProperties: false }
)

const WebhooksSchema = Type.Object(
  {
    connect_timeout_ms: Type.Optional(Type.Integer({ minimum: 1, description: 'first send: connect timeout (default 10000)' })),
    read_timeout_ms: Type.Optional(Type.Integer({ minimum: 1, description: 'first send: answer timeout after connecting (default 30000)' })),
    resend_timeout_ms: Type.Optional(Type.Integer({ minimum: 1, description: 'retries and redeliveries: whole-attempt timeout (default 15000)' })),
    settle_timeout_ms: Type.Optional(
      Type.Integer({ minimum: 0, description: 'how long a clock move waits for the webhooks it caused (default 10000)' })
    ),
    outbox_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'deliveries the outbox keeps (default 1000)' }))
  },
  { additionalProperties: false }
)

const SchedulesSchema = Type.Object(
  {
    poll_ms: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'how often wall time is checked for due schedules and webhook retries (default 1000; 0 = only on clock moves)'
      })
    )
  },
  { additionalProperties: false }
)

export const ConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    seed: Type.Optional(Type.String({ minLength: 1 })),
    default_merchant: Type.Optional(Type.Boolean({ description: 'serve the docs key pair imp_apikey as well (default true)' })),
    merchants: Type.Optional(Type.Array(MerchantSchema)),
    default_v2_merchant: Type.Optional(Type.Boolean({ description: 'serve the documented PortOne V2 test secret and store as well (default true)' })),
    v2_merchants: Type.Optional(Type.Array(V2MerchantSchema, { description: 'PortOne V2 API secrets and their stores' })),
    fidelity: Type.Optional(FidelitySchema),
    body_limit: Type.Optional(Type.Integer({ minimum: 1024, description: 'largest accepted request body in bytes, whatever its content type' })),
    request_timeout_ms: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: `a request whose headers and body have not all arrived in this time is answered 408 and closed (default ${DEFAULT_REQUEST_TIMEOUT_MS}; 0 = no limit)`
      })
    ),
    connection_timeout_ms: Type.Optional(
      Type.Integer({ minimum: 0, description: 'a connection idle this long is closed (default 0 = kept until keep-alive ends it)' })
    ),
    accept_any_key: Type.Optional(
      Type.Boolean({ description: 'any imp_key/imp_secret pair becomes its own merchant at its first getToken (default false)' })
    ),
    control: Type.Optional(
      Type.Object(
        {
          enabled: Type.Optional(Type.Boolean({ description: 'serve the control API under /__mock (default true; health is always served)' })),
          token: Type.Optional(
            Type.String({ minLength: 1, description: 'require X-Mock-Control-Token (or Authorization: Bearer) on the control API' })
          ),
          allowed_origins: Type.Optional(
            Type.Array(Type.String({ minLength: 1 }), {
              description: 'web origins (e.g. http://localhost:3000) whose pages may call the control API; its own origin always may'
            })
          ),
          allowed_hosts: Type.Optional(
            Type.Array(Type.String({ minLength: 1 }), {
              description: 'Host names the control API answers to besides loopback names, IP addresses and the bound --host'
            })
          )
        },
        { additionalProperties: false }
      )
    ),
    journal_size: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: `requests the journal keeps (default ${DEFAULT_JOURNAL_SIZE}; 0 = off)` })
    ),
    faults: Type.Optional(Type.Array(Type.Unknown(), { description: 'fault rules in force from start-up (and again after a full reset)' })),
    webhooks: Type.Optional(WebhooksSchema),
    schedules: Type.Optional(SchedulesSchema),
    hints: Type.Optional(
      Type.Boolean({
        description: 'explain refusals caused by common mistakes in an X-Iamport-Mock-Hint header, the journal and the log (default true)'
      })
    )
  },
  { additionalProperties: false }
)
export type ConfigInput = Static<typeof ConfigSchema>

export interface PgChannel {
  readonly pg_provider: string
  readonly pg_id: string
  readonly sandbox: boolean
}

export interface MerchantConfig {
  readonly imp_key: string
  readonly imp_secret: string
  readonly name: string
  /**
   * The merchant code (가맹점 식별코드, `imp` + 8 digits) the browser SDK's `IMP.init` names this
   * merchant by; derived from imp_key when the config gives none (`merchantCodeFor`).
   */
  readonly merchant_code: string
  readonly test_channel: boolean
  /** The charge (api_payment) channels; never empty for configured merchants; the first is the default. */
  readonly channels: readonly PgChannel[]
  /** Every configured channel with its type and channel_key, as `GET /users/pg` lists them. */
  readonly pg_settings: readonly PgSetting[]
  /** Sub-merchants a `Tier` header may name. */
  readonly tiers: readonly TierConfig[]
  readonly webhook_url: string | null
  readonly webhook_content_type: 'application/json' | 'application/x-www-form-urlencoded'
  /** Resend up to 5 times, a minute apart (simulator clock), after a network error or 5xx. */
  readonly webhook_retry: boolean
}

export interface ControlOptions {
  readonly enabled: boolean
  readonly token: string | null
  /** Origins (scheme://host[:port], lower case) allowed besides the simulator's own. */
  readonly allowed_origins: readonly string[]
  /** Host names (lower case, no port) answered besides loopback names, IP literals and the bound host. */
  readonly allowed_hosts: readonly string[]
}

export interface FidelityOptions {
  readonly unknown_customer_http_status: 200 | 404
  readonly get_token_missing_params_status: 200 | 400
  readonly billing_imp_uid_prefix: 'imps_' | 'imp_'
  readonly lenient_expiry: boolean
  readonly schedule_in_past: 'refuse' | 'accept'
}

export interface WebhookOptions {
  readonly connect_timeout_ms: number
  readonly read_timeout_ms: number
  readonly resend_timeout_ms: number
  readonly settle_timeout_ms: number
  readonly outbox_size: number
}

export interface ScheduleOptions {
  readonly poll_ms: number
}

export interface ResolvedConfig {
  /** Tells a resolved config from the raw file shape. */
  readonly resolved: true
  readonly seed: string
  /**
   * false when the seed is a default (no --seed, no seed in the file, none given to buildApp): a
   * reset then keeps the id streams going instead of replaying them (docs/ids.md). Absent: true.
   */
  readonly seed_given?: boolean
  readonly merchants: readonly MerchantConfig[]
  /** PortOne V2 merchants (API secret → stores). */
  readonly v2_merchants: readonly V2MerchantConfig[]
  readonly fidelity: FidelityOptions
  readonly body_limit: number
  /** Headers and body must have arrived within this many ms (0 = no limit). */
  readonly request_timeout_ms: number
  /** An idle connection is closed after this many ms (0 = never). */
  readonly connection_timeout_ms: number
  /** Unknown imp_key/imp_secret pairs become merchants at their first getToken. */
  readonly accept_any_key: boolean
  readonly control: ControlOptions
  readonly journal_size: number
  /** Validated fault rules from the config file. */
  readonly faults: readonly FaultRuleInput[]
  readonly webhooks: WebhookOptions
  readonly schedules: ScheduleOptions
  /** X-Iamport-Mock-Hint on refusals caused by common mistakes (docs/hints.md). */
  readonly hints: boolean
}

export const DEFAULT_FIDELITY: FidelityOptions = {
  unknown_customer_http_status: 200,
  get_token_missing_params_status: 400,
  billing_imp_uid_prefix: 'imps_',
  lenient_expiry: false,
  schedule_in_past: 'refuse'
}

/** Webhook timeouts as the webhook guide gives them (connect 10 s, read 30 s; resend 15 s). */
export const DEFAULT_WEBHOOKS: WebhookOptions = {
  connect_timeout_ms: 10_000,
  read_timeout_ms: 30_000,
  resend_timeout_ms: 15_000,
  settle_timeout_ms: 10_000,
  outbox_size: 1000
}

export const DEFAULT_SCHEDULES: ScheduleOptions = { poll_ms: 1000 }

/** Channels of the docs merchant: the two test MIDs i'mport's guides use for billing keys. */
export const DEFAULT_CHANNELS: readonly ChannelConfig[] = [
  { pg_provider: 'nice', pg_id: 'nictest04m', default: true },
  { pg_provider: 'html5_inicis', pg_id: 'INIBillTst' },
  DEFAULT_CERTIFICATION_CHANNEL
]

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/** A merchant with every default filled in. */
export function resolveMerchant(input: MerchantConfigInput): MerchantConfig {
  const testChannel = input.test_channel ?? false
  const configured = input.channels ?? DEFAULT_CHANNELS
  const pgSettings = configured.map((c) => resolvePgSetting(input.imp_key, { ...c, sandbox: c.sandbox ?? testChannel }))
  // Identity-verification channels cannot charge: only the other types are charge channels.
  const channels = configured
    .filter((c) => c.type !== 'certification')
    .map((c) => ({
      pg_provider: c.pg_provider,
      pg_id: c.pg_id,
      sandbox: c.sandbox ?? testChannel,
      default: c.default ?? false
    }))
  // The default channel goes first so that "no pg" simply means channels[0].
  channels.sort((a, b) => Number(b.default) - Number(a.default))
  return {
    imp_key: input.imp_key,
    imp_secret: input.imp_secret,
    name: input.name ?? input.imp_key,
    merchant_code: input.merchant_code ?? merchantCodeFor(input.imp_key),
    test_channel: testChannel,
    channels: channels.map(({ pg_provider, pg_id, sandbox }) => ({ pg_provider, pg_id, sandbox })),
    pg_settings: pgSettings,
    tiers: input.tiers ?? [],
    webhook_url: input.webhook_url ?? null,
    webhook_content_type: input.webhook_content_type ?? 'application/json',
    webhook_retry: input.webhook_retry ?? false
  }
}

/** The docs merchant's code: the one i'mport's own examples pass to `IMP.init`. */
export const DOCS_MERCHANT_CODE = 'imp00000000'

/**
 * A merchant code derived from its imp_key when the config gives none: `imp` + 8 digits of an
 * FNV-1a hash of the key, so the same key always has the same code. The docs key answers to
 * `imp00000000`; no other key is derived to that code.
 */
export function merchantCodeFor(impKey: string): string {
  if (impKey === DEFAULT_MERCHANT.imp_key) return DOCS_MERCHANT_CODE
  let hash = 0x811c9dc5
  for (let i = 0; i < impKey.length; i++) {
    hash ^= impKey.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  const digits = hash % 100_000_000 || 1
  return `imp${String(digits).padStart(8, '0')}`
}

let validateConfig: (((data: unknown) => boolean) & { errors?: unknown }) | undefined

/** Checks a config object against the schema and fills in defaults. Throws `ConfigError` naming the bad path. */
export interface SeedOptions {
  /** Wins over the file's seed (the CLI's --seed). */
  seed?: string | undefined
  /** Used when neither `seed` nor the file gives one; DEFAULT_SEED otherwise. */
  defaultSeed?: string | undefined
}

export function resolveConfig(input: unknown = {}, overrides: SeedOptions = {}): ResolvedConfig {
  // An empty config is valid by construction; skipping ajv then keeps the default start-up fast.
  const empty = typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length === 0
  if (!empty) validateConfig ??= new Ajv({ allErrors: true, strict: false }).compile(ConfigSchema)
  if (!empty && !validateConfig!(input)) {
    const problems = (validateConfig!.errors as Array<{ instancePath: string; message?: string; params?: unknown }>)
      .map((err) => `  ${err.instancePath || '(root)'}: ${err.message ?? 'invalid'}${describeParams(err.params)}`)
      .join('\n')
    throw new ConfigError(`invalid configuration:\n${problems}`)
  }
  const config = input as ConfigInput
  const merchants: MerchantConfig[] = []
  if (config.default_merchant !== false) merchants.push(resolveMerchant({ ...DEFAULT_MERCHANT, name: 'docs test merchant' }))
  const seen = new Set<string>()
  for (const m of config.merchants ?? []) {
    if (seen.has(m.imp_key)) {
      throw new ConfigError(`invalid configuration:\n  /merchants: imp_key "${m.imp_key}" appears more than once`)
    }
    seen.add(m.imp_key)
    // A configured merchant with the docs key replaces the built-in one (to change its channels, say).
    const existing = merchants.findIndex((x) => x.imp_key === m.imp_key)
    if (existing >= 0) merchants[existing] = resolveMerchant(m)
    else merchants.push(resolveMerchant(m))
  }
  const codes = new Map<string, string>()
  for (const m of merchants) {
    const other = codes.get(m.merchant_code)
    if (other !== undefined) {
      throw new ConfigError(`invalid configuration:\n  /merchants: merchant_code "${m.merchant_code}" is used by both "${other}" and "${m.imp_key}"`)
    }
    codes.set(m.merchant_code, m.imp_key)
  }
  // Startup rules get the control API's own check, so a rule is refused in the same words either way.
  const faultProblems: string[] = []
  const faults = (config.faults ?? []).map((rule, i) => {
    try {
      parseFaultRule(rule)
    } catch (err) {
      if (!(err instanceof FaultRuleError)) throw err
      faultProblems.push(...err.problems.map((p) => `  /faults/${i}: ${p}`))
    }
    return rule as FaultRuleInput
  })
  if (faultProblems.length > 0) throw new ConfigError(`invalid configuration:\n${faultProblems.join('\n')}`)
  const v2 = resolveV2Merchants(config.v2_merchants, config.default_v2_merchant !== false)
  if (v2.problems.length > 0) throw new ConfigError(`invalid configuration:\n${v2.problems.join('\n')}`)
  return {
    resolved: true,
    seed: overrides.seed ?? config.seed ?? overrides.defaultSeed ?? DEFAULT_SEED,
    seed_given: overrides.seed !== undefined || config.seed !== undefined,
    merchants,
    v2_merchants: v2.merchants,
    fidelity: { ...DEFAULT_FIDELITY, ...config.fidelity },
    body_limit: config.body_limit ?? 1024 * 1024,
    request_timeout_ms: config.request_timeout_ms ?? DEFAULT_REQUEST_TIMEOUT_MS,
    connection_timeout_ms: config.connection_timeout_ms ?? 0,
    accept_any_key: config.accept_any_key ?? false,
    control: {
      enabled: config.control?.enabled ?? true,
      token: config.control?.token ?? null,
      allowed_origins: (config.control?.allowed_origins ?? []).map(normaliseOrigin),
      allowed_hosts: (config.control?.allowed_hosts ?? []).map((h) => h.toLowerCase())
    },
    journal_size: config.journal_size ?? DEFAULT_JOURNAL_SIZE,
    faults,
    webhooks: { ...DEFAULT_WEBHOOKS, ...config.webhooks },
    schedules: { ...DEFAULT_SCHEDULES, ...config.schedules },
    hints: config.hints ?? true
  }
}

/** `HTTP://Example.com:3000/` → `http://example.com:3000`: how browsers write an Origin header. */
export function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase()
}

function describeParams(params: unknown): string {
  if (!params || typeof params !== 'object') return ''
  const p = params as Record<string, unknown>
  if (typeof p.additionalProperty === 'string') return ` (unknown key "${p.additionalProperty}")`
  if (Array.isArray(p.allowedValues)) return ` (allowed: ${p.allowedValues.join(', ')})`
  return ''
}

/** Reads and resolves a JSON config file. Throws `ConfigError` with the file name on any problem. */
export function loadConfigFile(path: string, overrides: SeedOptions = {}): ResolvedConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as Error).message}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(err as Error).message}`)
  }
  try {
    return resolveConfig(json, overrides)
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(`${path}: ${err.message}`)
    throw err
  }
}
