/**
 * `window.IMP` for the merchant's page: a test double of i'mport's browser SDK (sdk-readme.mdx)
 * that talks to the simulator it was served by. `request_pay` asks the simulator for a window,
 * shows it as an overlay iframe (PC) or moves the whole page to it (a mobile browser), and calls
 * back with what the window decided (sdk-payrt.mdx). `certification` does the same with the
 * identity-verification window (sdk-cft.mdx, sdk-cft-rt.mdx). The window talks back by `postMessage`; only
 * a message from the simulator's origin and from the window's own frame is believed.
 */
import type { CertificationResult, OpenWindowAnswer, RequestPayResult, WindowMessage, WindowMode } from '../../../api/checkout/window.js'
import { sdkMessages } from '../messages.js'

/** This simulator's origin, handed in by the server that served the script (checkout/index.ts). */
declare const __IAMPORT_MOCK_ORIGIN__: string

type Callback = (response: RequestPayResult) => void
type CertificationCallback = (response: CertificationResult) => void
type Params = Record<string, unknown>

export interface IamportMock {
  init(impCode: string): void
  agency(impCode: string, tierCode?: string): void
  request_pay(params: object, callback?: Callback): void
  certification(params: object, callback?: CertificationCallback): void
}

const SIMULATOR = __IAMPORT_MOCK_ORIGIN__
const OVERLAY_ID = 'iamport-mock-overlay'
/** What counts as a mobile browser: the real SDK switches to its redirect window on these. */
const MOBILE_UA = /Mobi|Android|iPhone|iPad|iPod|Windows Phone/i

let impCode: string | null = null
let tierCode: string | null = null
let windowOpen = false

function callBack<R>(callback: ((response: R) => void) | undefined, result: R): void {
  if (typeof callback !== 'function') return
  // Later, as the real callback comes after the window: never inside request_pay itself.
  setTimeout(() => callback(result), 0)
}

function refused(params: Params, code: string, message: string): RequestPayResult {
  const merchantUid = typeof params.merchant_uid === 'string' ? params.merchant_uid : null
  return { success: false, imp_success: false, imp_uid: null, merchant_uid: merchantUid, error_code: code, error_msg: message }
}

/** What a window is, for the overlay's accessible names: a payment window, or an identity-verification one. */
const LABELS = {
  payment: { dialog: '결제창', frame: '테스트 결제창', path: 'sessions' },
  certification: { dialog: '본인인증창', frame: '테스트 본인인증창', path: 'certifications' }
} as const
type WindowKind = keyof typeof LABELS

async function openWindow<R>(kind: WindowKind, params: Params, mode: WindowMode): Promise<OpenWindowAnswer<R>> {
  const response = await fetch(`${SIMULATOR}/__checkout/${LABELS[kind].path}`, {
    // A string body goes as text/plain: a simple cross-origin request, without a preflight.
    method: 'POST',
    body: JSON.stringify({ imp_code: impCode, tier_code: tierCode, params, mode, return_url: location.href })
  })
  return (await response.json()) as OpenWindowAnswer<R>
}

/** The PC window: a dimmed overlay with the window's iframe in the middle; resolves with its result. */
function showOverlay<R>(kind: WindowKind, url: string, windowId: string): Promise<R> {
  return new Promise((resolve) => {
    const overlay = document.createElement('div')
    overlay.id = OVERLAY_ID
    overlay.setAttribute('role', 'dialog')
    overlay.setAttribute('aria-modal', 'true')
    overlay.setAttribute('aria-label', LABELS[kind].dialog)
    overlay.style.cssText =
      'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center'
    const frame = document.createElement('iframe')
    frame.src = url
    frame.title = LABELS[kind].frame
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
      resolve(data.result as R)
    }
    window.addEventListener('message', onMessage)
    document.body.appendChild(overlay)
  })
}

/**
 * Asks for a window and shows it: the overlay on a PC (resolves with its result), the whole page
 * on a mobile browser (null: the page leaves, and the result comes back on the return URL's
 * query, not to the callback). An answer without a window is the refusal to call back with at once.
 */
async function runWindow<R>(kind: WindowKind, params: Params, refuse: (message: string) => R): Promise<R | null> {
  if (windowOpen) return refuse(sdkMessages.windowOpen())
  const mode: WindowMode = MOBILE_UA.test(navigator.userAgent) ? 'redirect' : 'iframe'
  let answer: OpenWindowAnswer<R>
  try {
    answer = await openWindow<R>(kind, params, mode)
  } catch {
    return refuse(sdkMessages.unreachable())
  }
  if ('result' in answer) return answer.result
  if (answer.window.mode === 'redirect') {
    location.href = answer.window.url
    return null
  }
  windowOpen = true
  try {
    return await showOverlay<R>(kind, answer.window.url, answer.window.id)
  } finally {
    windowOpen = false
  }
}

async function requestPay(params: Params, callback: Callback | undefined): Promise<void> {
  if (typeof params !== 'object' || params === null) return callBack(callback, refused({}, 'F400', sdkMessages.notAnObject('request_pay')))
  const result = await runWindow<RequestPayResult>('payment', params, (message) => refused(params, 'F400', message))
  if (result === null) return
  // custom_data comes back as it was given (an object stays an object).
  callBack(callback, 'custom_data' in result ? { ...result, custom_data: params.custom_data ?? null } : result)
}

async function certify(params: Params, callback: CertificationCallback | undefined): Promise<void> {
  const refuse = (message: string): CertificationResult => {
    const merchantUid = typeof params?.merchant_uid === 'string' ? params.merchant_uid : null
    return { success: false, imp_uid: null, merchant_uid: merchantUid, error_code: 'F400', error_msg: message }
  }
  if (typeof params !== 'object' || params === null) return callBack(callback, refuse(sdkMessages.notAnObject('certification')))
  const result = await runWindow<CertificationResult>('certification', params, refuse)
  if (result !== null) callBack(callback, result)
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
  certification(params, callback) {
    void certify(params as Params, callback)
  }
}

;(window as unknown as { IMP: IamportMock }).IMP = IMP
