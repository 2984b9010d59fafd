/**
 * The browser checkout wing: the SDK script at i'mport's CDN paths (`/v1/iamport.js`, and the
 * legacy `/js/iamport.payment-1.2.0.js`), the test payment window, the identity-verification
 * window of `IMP.certification`, and the windows' own small API under `/__checkout`. Every route is tagged `api: 'checkout'`: no token, no i'mport envelope, no
 * fault hook, and none of it answers as an i'mport REST route. What the window decides is
 * recorded through the V1 wing's domain (window-payments.ts, vbanks.ts, certifications.ts), so it lands in the same
 * state as the REST API, with the same webhooks.
 */
import fp from 'fastify-plugin'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { CatalogueError, errors } from '../../api/v1/catalogue.js'
import {
  type CertificationResult,
  OpenWindowBodySchema,
  WindowDecisionBodySchema,
  type DecisionAnswer,
  type OpenWindowAnswer,
  type OpenWindowBody,
  type WindowDecisionBody
} from '../../api/checkout/window.js'
import { CHECKOUT_PREFIX, tagRoutes } from '../shared/http/namespaces.js'
import { checkWindowPayment, findChannel } from '../v1/domain/window-payments.js'
import { browserBundles } from './assets.js'
import { NOT_SIMULATED_CODE, REFUSED_CODE, sdkMessages } from './messages.js'
import { outcomeHandler } from './outcomes.js'
import { readParams } from './params.js'
import { redirectUrlFor, refusal } from './result.js'
import { renderWindowPage } from './window-page.js'
import { certificationRedirectUrl, decideCertification, PersonRefused, readCertificationParams, refusedCertification } from './certification.js'
import { renderCertificationPage } from './certification-page.js'
import { type CertificationWindow, CheckoutWindows, type PaymentWindow } from './windows.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The payment windows opened and the auto-decisions queued (the control API reads and fills the queue). */
    checkout: CheckoutWindows
  }
}

/** The CDN paths a merchant's page loads the SDK from: today's, and the legacy one still common in the wild. */
export const SDK_PATHS = ['/v1/iamport.js', '/js/iamport.payment-1.2.0.js'] as const

/** This server's origin as the browser reached it (the Host header, checked, never echoed raw). */
function originOf(request: FastifyRequest): string {
  const host = /^[A-Za-z0-9.\-:[\]]{1,255}$/.test(request.host) ? request.host : '127.0.0.1'
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host}`
}

/** A page origin as the browser sends it (`Origin`); `null` for none or the opaque `null` of a file:// page. */
function pageOriginOf(request: FastifyRequest): string | null {
  const origin = request.headers.origin
  if (typeof origin !== 'string' || origin === 'null') return null
  try {
    return new URL(origin).origin
  } catch {
    return null
  }
}

/**
 * Any page may ask for a window. The SDK sends its JSON as `text/plain`, a "simple" cross-origin
 * request, so no preflight (and no OPTIONS route) is needed; the answer only has to allow the page
 * to read it.
 */
const allowAnyPage = (reply: FastifyReply): FastifyReply => reply.header('access-control-allow-origin', '*')

/**
 * Where a redirect-mode window returns: `m_redirect_url`, else the page that asked (an http(s)
 * URL); `undefined` when there is no way back; null for an overlay window.
 */
function returnUrlFor(body: OpenWindowBody, mRedirectUrl: string | null): string | null | undefined {
  if (body.mode !== 'redirect') return null
  return mRedirectUrl ?? (body.return_url && /^https?:\/\//.test(body.return_url) ? body.return_url : undefined)
}

/** The window API's error body: plain JSON, like the control API's (`{ error: { code, message } }`). */
const checkoutError = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply =>
  reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message } })

const windowApi: FastifyPluginAsync = async (app) => {
  const { store, config, events } = app.mock
  const windows = app.checkout
  const context = { fidelity: config.fidelity, events, faults: app.faults }

  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, JSON.parse(text as string))
    } catch {
      done(Object.assign(new Error('the body is not JSON'), { statusCode: 400 }), undefined)
    }
  })
  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
    const status = error.validation ? 400 : (error.statusCode ?? 500)
    if (status >= 500) {
      request.log.error({ err: error }, 'checkout failed')
      return checkoutError(reply, 500, 'internal', 'the checkout failed; the simulator log has the details')
    }
    return checkoutError(reply, status, 'invalid_request', error.validation ? error.message : 'the request could not be read')
  })
  app.setNotFoundHandler((request, reply) =>
    checkoutError(reply, 404, 'not_found', `no checkout route ${request.method} ${request.url.split('?')[0]!.slice(0, 200)}`)
  )

  // The SDK asks for a window. Every refusal is an answer the SDK calls back with, never an HTTP error.
  app.post<{ Body: OpenWindowBody }>('/sessions', { schema: { body: OpenWindowBodySchema } }, async (request, reply): Promise<OpenWindowAnswer> => {
    allowAnyPage(reply)
    const body = request.body
    const early = (code: string, message: string, merchantUid: string | null = null): OpenWindowAnswer => ({
      result: refusal(merchantUid, code, message)
    })
    if (body.imp_code === null || body.imp_code === '') return early(REFUSED_CODE, sdkMessages.notInitialised())
    const merchant = store.merchantByCode(body.imp_code)
    if (!merchant) return early(REFUSED_CODE, sdkMessages.unknownMerchant(body.imp_code.slice(0, 40)))
    const reading = readParams(body.params)
    if (!reading.ok) return early(REFUSED_CODE, reading.message, reading.merchant_uid)
    const { input, m_redirect_url } = reading.request
    const handler = outcomeHandler(input.pay_method)
    if ('refused' in handler) return early(NOT_SIMULATED_CODE, handler.refused, input.merchant_uid)
    const channel = findChannel(merchant, input.pg)
    if (!channel) return early(REFUSED_CODE, sdkMessages.unknownPg(input.pg ?? ''), input.merchant_uid)
    try {
      checkWindowPayment(merchant, input)
    } catch (err) {
      if (err instanceof CatalogueError) return early(REFUSED_CODE, err.message, input.merchant_uid)
      throw err
    }
    if (input.pay_method === 'vbank') {
      if (input.customer_uid !== undefined) return early(REFUSED_CODE, sdkMessages.vbankWithCustomerUid(), input.merchant_uid)
      if (input.currency && input.currency !== 'KRW')
        return early(REFUSED_CODE, sdkMessages.vbankNotKrw(input.currency.slice(0, 10)), input.merchant_uid)
      const due = reading.request.vbank_due
      if (due !== null && due <= merchant.now()) return early(REFUSED_CODE, errors.vbankDueInPast().message, input.merchant_uid)
    }
    const returnUrl = returnUrlFor(body, m_redirect_url)
    if (returnUrl === undefined) return early(REFUSED_CODE, sdkMessages.missing('m_redirect_url'), input.merchant_uid)
    const userAgent = request.headers['user-agent']
    const window = windows.open<PaymentWindow>({
      kind: 'payment',
      merchant,
      request: reading.request,
      channel,
      mode: body.mode,
      page_origin: pageOriginOf(request),
      return_url: returnUrl,
      browser: { channel: body.mode === 'redirect' ? 'mobile' : 'pc', user_agent: userAgent ? userAgent.slice(0, 512) : null }
    })
    return { window: { id: window.id, url: `${originOf(request)}${CHECKOUT_PREFIX}/window/${window.id}`, mode: window.mode } }
  })

  // IMP.certification asks for an identity-verification window; refusals are answers, as above.
  app.post<{ Body: OpenWindowBody }>(
    '/certifications',
    { schema: { body: OpenWindowBodySchema } },
    async (request, reply): Promise<OpenWindowAnswer<CertificationResult>> => {
      allowAnyPage(reply)
      const body = request.body
      const merchantUid = typeof body.params.merchant_uid === 'string' ? body.params.merchant_uid : null
      const early = (message: string): OpenWindowAnswer<CertificationResult> => ({
        result: refusedCertification(merchantUid, REFUSED_CODE, message)
      })
      if (body.imp_code === null || body.imp_code === '') return early(sdkMessages.notInitialised())
      const merchant = store.merchantByCode(body.imp_code)
      if (!merchant) return early(sdkMessages.unknownMerchant(body.imp_code.slice(0, 40)))
      const reading = readCertificationParams(merchant, body.params)
      if (!reading.ok) return { result: reading.result }
      const returnUrl = returnUrlFor(body, reading.m_redirect_url)
      if (returnUrl === undefined) return early(sdkMessages.missing('m_redirect_url'))
      const window = windows.open<CertificationWindow>({
        kind: 'certification',
        merchant,
        setting: reading.setting,
        merchant_uid: reading.merchant_uid,
        prefill: reading.prefill,
        mode: body.mode,
        page_origin: pageOriginOf(request),
        return_url: returnUrl
      })
      return { window: { id: window.id, url: `${originOf(request)}${CHECKOUT_PREFIX}/window/${window.id}`, mode: window.mode } }
    }
  )

  app.get<{ Params: { id: string } }>('/window/:id', async (request, reply) => {
    const window = windows.get(request.params.id)
    if (!window)
      return reply
        .code(404)
        .type('text/html; charset=utf-8')
        .send('<!doctype html><html lang="ko"><title>결제창 없음</title><p>이 결제창은 없거나 만료되었습니다.</p></html>')
    const decisionUrl = `${CHECKOUT_PREFIX}/sessions/${window.id}/decision`
    const scriptUrl = `${CHECKOUT_PREFIX}/window.js`
    const page =
      window.kind === 'payment' ? renderWindowPage(window, decisionUrl, scriptUrl) : renderCertificationPage(window, decisionUrl, scriptUrl)
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page)
  })

  app.get('/window.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send((await browserBundles()).window)
  )

  // What the buyer did (a click, or the auto-decision the window found on opening: the same call).
  // A window decides once; asking again answers the first outcome.
  app.post<{ Params: { id: string }; Body: WindowDecisionBody }>(
    '/sessions/:id/decision',
    { schema: { body: WindowDecisionBodySchema } },
    async (request, reply): Promise<DecisionAnswer | FastifyReply> => {
      const window = windows.get(request.params.id)
      if (!window) return checkoutError(reply, 404, 'not_found', 'no such payment window')
      if (window.answer) return window.answer
      if (window.kind === 'certification') {
        let result: CertificationResult
        try {
          result = decideCertification(window, request.body)
        } catch (err) {
          // Details the person typed that the verification refuses: the window says why and stays open.
          if (err instanceof PersonRefused) return checkoutError(reply, 400, 'invalid_person', err.message)
          throw err
        }
        window.answer = { result, redirect_url: window.return_url === null ? null : certificationRedirectUrl(window.return_url, result) }
        return window.answer
      }
      const handler = outcomeHandler(window.request.input.pay_method)
      if ('refused' in handler) throw new Error('a window was opened for a pay method without a handler')
      const result = handler(window, request.body, context)
      window.answer = { result, redirect_url: window.return_url === null ? null : redirectUrlFor(window.return_url, result) }
      return window.answer
    }
  )
}

const checkout: FastifyPluginAsync = async (app) => {
  app.decorate('checkout', new CheckoutWindows())
  app.mock.store.onReset((merchant) => app.checkout.forget(merchant))

  await app.register(async (scope) => {
    tagRoutes(scope, 'checkout')
    // The SDK script: the bundle, handed this server's origin (so a copy fetched for a page.route
    // swap of the CDN URL still talks to the simulator that served it).
    for (const path of SDK_PATHS) {
      scope.get(path, async (request, reply) => {
        const { sdk } = await browserBundles()
        const text = `/* iamport-mock: a test double of i'mport's browser SDK; no payment is real */\n;(function (__IAMPORT_MOCK_ORIGIN__) {\n${sdk}\n})(${JSON.stringify(originOf(request))});\n`
        return reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('access-control-allow-origin', '*').send(text)
      })
    }
    await scope.register(windowApi, { prefix: CHECKOUT_PREFIX })
  })
}

export default fp(checkout, { name: 'mock-checkout', fastify: '5.x', dependencies: ['mock-context', 'mock-faults'] })
