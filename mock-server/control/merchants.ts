/**
 * `/__mock/merchants`: merchants made, changed and removed while the simulator runs, so a test
 * suite can give itself a fresh merchant (its own key pair, webhook URL, channels) without a
 * config file or a restart. The settings are checked by the config file's merchant schema
 * (api/control/merchants.ts) and, with --data, kept across restarts.
 *
 *   POST   /merchants            a new merchant: fresh key pair and merchant code unless given
 *   GET    /merchants            every merchant
 *   GET    /merchants/{imp_key}  one
 *   PATCH  /merchants/{imp_key}  change settings (webhook URL and content type, retry, channels…)
 *   DELETE /merchants/{imp_key}  forget it and everything it holds
 */
import { randomInt } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { resolveMerchant, type MerchantConfigInput } from '../shared/config/config.js'
import { merchantInput, merchantProblems } from '../shared/config/merchant-settings.js'
import type { MerchantState } from '../shared/store/merchant-state.js'
import { controlErrors, sendJson } from './errors.js'
import { ControlErrorSchema } from '../../api/control/schemas.js'
import {
  MerchantCreateSchema,
  MerchantDeletedSchema,
  MerchantListSchema,
  MerchantParamsSchema,
  MerchantPatchSchema,
  MerchantViewSchema,
  type MerchantCreate,
  type MerchantPatch,
  type MerchantView
} from '../../api/control/merchants.js'

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** `n` characters of `alphabet`, from the operating system's random source (credentials, not ids). */
function randomText(n: number, alphabet: string): string {
  let out = ''
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)]
  return out
}

/** Real REST API keys are 16 digits and secrets 80 characters; merchant codes are imp + 8 digits. */
export const freshCredentials = () => ({
  imp_key: randomText(16, '0123456789'),
  imp_secret: randomText(80, ALPHANUMERIC),
  merchant_code: `imp${randomText(8, '0123456789')}`
})

export function merchantView(state: MerchantState): MerchantView {
  const m = state.merchant
  return {
    imp_key: m.imp_key,
    imp_secret: m.imp_secret,
    merchant_code: m.merchant_code,
    name: m.name,
    origin: state.origin,
    test_channel: m.test_channel,
    channels: m.channels.map((c) => ({ pg_provider: c.pg_provider, pg_id: c.pg_id, sandbox: c.sandbox })),
    webhook_url: m.webhook_url,
    webhook_content_type: m.webhook_content_type,
    webhook_retry: m.webhook_retry
  }
}

/** The settings after a change, checked by the config file's merchant schema. */
function patched(state: MerchantState, patch: MerchantPatch): MerchantConfigInput {
  const next: Record<string, unknown> = { ...merchantInput(state.merchant), ...patch }
  if (patch.webhook_url === null) delete next.webhook_url
  // Channels whose sandbox flag followed the old test_channel follow the new one (merchantInput leaves it out).
  const problems = merchantProblems(next)
  if (problems.length > 0) throw controlErrors.invalidMerchant(problems)
  return next as MerchantConfigInput
}

const merchants: FastifyPluginAsync = async (app) => {
  const { store } = app.mock
  const known = (impKey: string): MerchantState => {
    const state = store.merchantByKey(impKey)
    if (!state) throw controlErrors.unknownMerchant(impKey)
    return state
  }

  app.post(
    '/merchants',
    {
      schema: {
        tags: ['merchants'],
        summary: 'Create a merchant: a fresh key pair and merchant code unless given, with optional settings',
        body: MerchantCreateSchema,
        response: { 201: MerchantViewSchema, 400: ControlErrorSchema, 409: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const body = request.body as MerchantCreate
      const fresh = freshCredentials()
      const input = { ...fresh, ...body }
      if (store.merchantByKey(input.imp_key)) throw controlErrors.merchantExists(input.imp_key)
      const problems = merchantProblems(input)
      if (problems.length > 0) throw controlErrors.invalidMerchant(problems)
      const state = store.addMerchant(resolveMerchant(input), 'control')
      return sendJson(reply, 201, merchantView(state))
    }
  )

  app.get(
    '/merchants',
    { schema: { tags: ['merchants'], summary: 'Every merchant with its settings', response: { 200: MerchantListSchema } } },
    async (_request, reply) => sendJson(reply, 200, { merchants: [...store.allMerchants()].map(merchantView) })
  )

  app.get(
    '/merchants/:imp_key',
    {
      schema: {
        tags: ['merchants'],
        summary: "One merchant's settings",
        params: MerchantParamsSchema,
        response: { 200: MerchantViewSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => sendJson(reply, 200, merchantView(known((request.params as { imp_key: string }).imp_key)))
  )

  app.patch(
    '/merchants/:imp_key',
    {
      schema: {
        tags: ['merchants'],
        summary: 'Change settings: webhook URL (null removes it) and content type, retry, channels, test channel, name, secret',
        params: MerchantParamsSchema,
        body: MerchantPatchSchema,
        response: { 200: MerchantViewSchema, 400: ControlErrorSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const state = known((request.params as { imp_key: string }).imp_key)
      store.updateMerchant(state, resolveMerchant(patched(state, request.body as MerchantPatch)))
      return sendJson(reply, 200, merchantView(state))
    }
  )

  app.delete(
    '/merchants/:imp_key',
    {
      schema: {
        tags: ['merchants'],
        summary: 'Forget a merchant: its token, keys, payments, schedules, webhooks, scoped fault rules and journal entries',
        params: MerchantParamsSchema,
        response: { 200: MerchantDeletedSchema, 404: ControlErrorSchema }
      }
    },
    async (request, reply) => {
      const impKey = known((request.params as { imp_key: string }).imp_key).merchant.imp_key
      store.removeMerchant(impKey)
      app.faults.clear(impKey)
      app.journal.clear(impKey)
      return sendJson(reply, 200, { deleted: impKey })
    }
  )
}

export default merchants
