/**
 * The checkout's own messages: what `request_pay` calls back with when the simulator refuses a
 * request before any window opens, and what a closed window says. The public docs give none of
 * these texts except the shape (`error_code`, `error_msg`); every one is inferred and listed in
 * docs/browser-checkout.md. Refusals of the V1 rules (an already-paid merchant_uid, a bad amount)
 * keep the V1 catalogue's message instead.
 */

/** `error_code` of a request refused before the window opens (inferred). */
export const REFUSED_CODE = 'F400'
/** `error_code` of something the simulator does not emulate yet. */
export const NOT_SIMULATED_CODE = 'NOT_SIMULATED'

export const sdkMessages = {
  notInitialised: () => 'IMP.init()으로 가맹점 식별코드를 먼저 설정해주세요.',
  unknownMerchant: (code: string) => `가맹점 식별코드(${code})에 해당하는 가맹점 정보를 찾을 수 없습니다.`,
  notAnObject: (call: 'request_pay' | 'certification') => `${call}의 파라미터는 객체여야 합니다.`,
  missing: (name: string) => `${name} 파라미터는 필수입니다.`,
  notNumber: (name: string) => `${name} 파라미터는 숫자(number)여야 합니다.`,
  notString: (name: string) => `${name} 파라미터는 문자열이어야 합니다.`,
  badFormat: (name: string) => `${name} 파라미터의 형식이 올바르지 않습니다.`,
  badUrl: (name: string) => `${name} 파라미터는 http(s) URL이어야 합니다.`,
  unknownPg: (pg: string) => `등록되지 않은 PG사 정보입니다. (pg: ${pg})`,
  notSimulated: (what: string) => `iamport-mock: ${what}은(는) 아직 시뮬레이션되지 않습니다 (not simulated yet).`,
  vbankWithCustomerUid: () => 'customer_uid 파라미터는 가상계좌(vbank) 결제에 쓸 수 없습니다.',
  noCertificationChannel: () => '본인인증 채널이 설정되어 있지 않습니다.',
  vbankNotKrw: (currency: string) => `가상계좌는 원화(KRW)로만 발급할 수 있습니다. (currency: ${currency})`,
  windowOpen: () => '이미 결제창이 열려 있습니다.',
  unreachable: () => 'iamport-mock: 시뮬레이터에 연결할 수 없습니다.'
} as const

/** `fail_reason` and `error_msg` of a window the buyer closed (as KG Inicis words it; inferred for every PG). */
export const USER_CANCEL_MESSAGE = '[결제포기] 사용자가 결제를 취소하셨습니다'
export const USER_CANCEL_CODE = 'F400'
