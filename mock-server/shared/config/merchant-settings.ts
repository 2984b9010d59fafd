/**
 * A merchant's settings back and forth between the two shapes: the resolved `MerchantConfig` the
 * store serves and the config-file entry it was made from, which the control API changes and
 * `--data` keeps (checked by the config file's own merchant schema).
 */
import { Ajv } from 'ajv'
import { MerchantSchema, type MerchantConfigInput } from '../../../api/control/merchants.js'
import type { MerchantConfig } from './config.js'

/** The settings a resolved merchant was made from (sandbox flags that follow test_channel left out). */
export function merchantInput(merchant: MerchantConfig): MerchantConfigInput {
  return {
    imp_key: merchant.imp_key,
    imp_secret: merchant.imp_secret,
    name: merchant.name,
    merchant_code: merchant.merchant_code,
    test_channel: merchant.test_channel,
    channels: merchant.channels.map((c, i) => ({
      pg_provider: c.pg_provider,
      pg_id: c.pg_id,
      ...(i === 0 ? { default: true } : {}),
      ...(c.sandbox === merchant.test_channel ? {} : { sandbox: c.sandbox })
    })),
    ...(merchant.webhook_url === null ? {} : { webhook_url: merchant.webhook_url }),
    webhook_content_type: merchant.webhook_content_type,
    webhook_retry: merchant.webhook_retry
  }
}

let validateMerchant: (((data: unknown) => boolean) & { errors?: unknown }) | undefined

/** Checks one merchant's settings by the config file's rules; the problems, one line each (empty when valid). */
export function merchantProblems(input: unknown): string[] {
  validateMerchant ??= new Ajv({ allErrors: true, strict: false }).compile(MerchantSchema)
  if (validateMerchant(input)) return []
  return (validateMerchant.errors as Array<{ instancePath: string; message?: string; params?: unknown }>).map(
    (err) => `${err.instancePath || '(root)'}: ${err.message ?? 'invalid'}${detail(err.params)}`
  )
}

function detail(params: unknown): string {
  const p = (params ?? {}) as Record<string, unknown>
  if (typeof p.additionalProperty === 'string') return ` (unknown key "${p.additionalProperty}")`
  if (Array.isArray(p.allowedValues)) return ` (allowed: ${p.allowedValues.join(', ')})`
  return ''
}
