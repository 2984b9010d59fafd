/**
 * `window.IMP` for the merchant's page: a test double of i'mport's browser SDK (sdk-readme.mdx)
 * that talks to the simulator it was served by. `request_pay` asks the simulator for a window,
 * shows it as an overlay iframe (PC) or moves the whole page to it (a mobile browser), and calls
 * back with what the window decided (sdk-payrt.mdx). The window talks back by `postMessage`; only
 * a message from the simulator's origin and from the window's own frame is believed.
 */
import type { OpenWindowAnswer, RequestPayResult, WindowMessage, WindowMode } from '../../../api/checkout/window.js'
import { sdkMessages } from '../messages.js'

/** This simulator's origin, handed in by the server that served the script (checkout/index.ts). */
declare const __IAMPORT_MOCK_ORIGIN__: string

type Callback = (response: RequestPayResult) => void
type Params = Record<string, unknown>

export interface IamportMock {
  init(impCode: string): void
  agency(impCode: string, tierCode?: string): void
  request_pay(params: object, callback?: Callback): void
  certification(params: object, callback?: Callback): void
}

const SIMULATOR = __IAMPORT_MOCK_ORIGIN__
const OVERLAY_ID = 'iamport-mock-overlay'
/** What counts as a mobile browser: the real SDK switches to its redirect window on these. */
const MOBILE_UA = /Mobi|Android|iPhone|iPad|iPod|Windows Phone/i

let impCode: string | null = null
let tierCode: string | null = null
let windowOpen = false

function callBack(callback: Callback | undefined, result: RequestPayResult): void {
  if (typeof callback !== 'function') return
  // Later, as the real callback comes after the window: never inside request_pay itself.
  setTimeout(() => callback(result), 0)
}

function refused(params: Params, code: string, message: string): RequestPayResult {
  const merchantUid = typeof params.merchant_uid === 'string' ? params.merchant_uid : null
  return { success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_code: code, error_msg: message }
}

async function openWindow(params: Params, mode: WindowMode): Promise<OpenWindowAnswer> {
  const response = await fetch(`${SIMULATOR}/__checkout/sessions`, {
    // A string body goes as text/plain: a simple cross-origin request, without a preflight.
    method: 'POST',
    body: JSON.stringify({ imp_code: impCode, tier_code: tierCode, params, mode, return_url: location.href })
  })
  return (await response.json()) as OpenWindowAnswer
}

/** The PC window: a dimmed overlay with the window's iframe in the middle; resolves with its result. */
function showOverlay(url: string, windowId: string): Promise<RequestPayResult> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div')
    overlay.id = OVERLAY_ID
    overlay.setAttribute('role', 'dialog')
    overlay.setAttribute('aria-modal', 'true')
    overlay.setAttribute('aria-label', '결제창')
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center'
    const frame = document.createElement('iframe')
    frame.src = url
    frame.title = '테스트 결제창'
    frame.name = 'iamport-mock-window'
    frame.style.cssText =
      'width:420px;max-width:100vw;height:640px;max-height:100vh;border:0;border-radius:12px;background:#fff;box-shadow:0 10px 40px rgba(0,0,0,.3)'
    overlay.appendChild(frame)
    // Keyboard and screen-reader users land in the window, as in a modal dialog.
    frame.addEventListener('load', () => frame.focus(), { once: true })
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== SIMULATOR || event.source !== frame.contentWindow) return
      const data = event.data as Partial<WindowMessage> | null
      if (!data || data.source !== 'iamport-mock' || data.type !== 'result' || data.window_id !== windowId || !data.result) return
      window.removeEventListener('message', onMessage)
      overlay.remove()
      resolve(data.result)
    }
    window.addEventListener('message', onMessage)
    document.body.appendChild(overlay)
  })
}

async function requestPay(params: Params, callback: Callback | undefined): Promise<void> {
  if (typeof params !== 'object' || params === null) return callBack(callback, refused({}, 'F400', sdkMessages.notAnObject()))
  if (windowOpen) return callBack(callback, refused(params, 'F400', sdkMessages.windowOpen()))
  const mode: WindowMode = MOBILE_UA.test(navigator.userAgent) ? 'redirect' : 'iframe'
  let answer: OpenWindowAnswer
  try {
    answer = await openWindow(params, mode)
  } catch {
    return callBack(callback, refused(params, 'F400', sdkMessages.unreachable()))
  }
  if ('result' in answer) return callBack(callback, answer.result)
  if (answer.window.mode === 'redirect') {
    // The page leaves; the result comes back on m_redirect_url's query string, not to the callback.
    location.href = answer.window.url
    return
  }
  windowOpen = true
  try {
    const result = await showOverlay(answer.window.url, answer.window.id)
    // custom_data comes back as it was given (an object stays an object).
    callBack(callback, 'custom_data' in result ? { ...result, custom_data: params.custom_data ?? null } : result)
  } finally {
    windowOpen = false
  }
}

const IMP: IamportMock = {
  init(code) {
    impCode = typeof code === 'string' ? code : null
    tierCode = null
  },
  // A sub-merchant's tier code is accepted and not acted on (the simulator has no tiers).
  agency(code, tier) {
    impCode = typeof code === 'string' ? code : null
    tierCode = typeof tier === 'string' ? tier : null
  },
  request_pay(params, callback) {
    void requestPay(params as Params, callback)
  },
  // Identity verification needs the certification records the V1 wing does not keep yet.
  certification(params, callback) {
    callBack(callback, refused((params ?? {}) as Params, 'NOT_SIMULATED', sdkMessages.notSimulated('IMP.certification (본인인증)')))
  }
}

;(window as unknown as { IMP: IamportMock }).IMP = IMP
