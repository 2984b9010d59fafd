/**
 * Route-catalogue entries of the issue-15 families (virtual accounts, certifications, cash
 * receipts, escrow shipping, code tables, merchant facts, their control API calls) and of every
 * official route answered as not simulated, generated from api/v1/official-operations.ts.
 * `route-catalogue.ts` appends them to ROUTES.
 */
import { OFFICIAL_OPERATIONS, isNotSimulated, routeUrlOf } from '../../api/v1/official-operations.js'
import { derivedChannelKey } from '../../mock-server/shared/config/pg-settings.js'

/**
 * The parts of route-catalogue.ts's `Fixture` and `RouteEntry` these entries use, written out here
 * so that the two files do not import each other (the shapes match structurally).
 */
interface Fixture {
  readonly imp_key: string
  readonly imp_uid: string
  readonly merchant_uid: string
  readonly now: number
  readonly webhook_url: string
  readonly vbank_uid?: string
  readonly certification_uid?: string
}
interface RouteEntry {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  readonly route: string
  readonly area: 'iamport' | 'control'
  readonly writes: boolean
  request(f: Fixture): { params?: Record<string, string>; query?: Record<string, unknown>; body?: Record<string, unknown> }
}

/** The docs channels' keys for a merchant with the default channels (the hardening merchants have them). */
export const paymentChannelKey = (f: Fixture) => derivedChannelKey(f.imp_key, 'nice', 'nictest04m', 'api_payment')
export const certificationChannelKey = (f: Fixture) => derivedChannelKey(f.imp_key, 'danal', 'iamport-mock-danal', 'certification')

const vbank = (f: Fixture) => f.vbank_uid ?? 'imp_000000000001'
const certification = (f: Fixture) => f.certification_uid ?? 'imp_000000000002'
const logis = (f: Fixture) => ({
  sender: { name: '상점', tel: '02-000-0000' },
  receiver: { name: '홍길동', tel: '010-1234-5678', addr: '서울' },
  logis: { company: 'CJGLS', invoice: '123456789012', sent_at: f.now }
})

type Entry = Omit<RouteEntry, 'area'>
const iamport = (entries: Entry[]): RouteEntry[] => entries.map((e) => ({ ...e, area: 'iamport' as const }))

export const FAMILY_ROUTES: readonly RouteEntry[] = [
  ...iamport([
    {
      method: 'POST',
      route: '/vbanks',
      writes: true,
      request: (f) => ({
        body: {
          channel_key: paymentChannelKey(f),
          merchant_uid: 'order_vbank_new',
          amount: 12000,
          vbank_code: '004',
          vbank_holder: '아임포트',
          vbank_due: f.now + 86_400,
          buyer_name: '홍길동',
          notice_url: f.webhook_url
        }
      })
    },
    {
      method: 'PUT',
      route: '/vbanks/:imp_uid',
      writes: true,
      request: (f) => ({ params: { imp_uid: vbank(f) }, body: { amount: 15000, vbank_due: f.now + 7200 } })
    },
    { method: 'DELETE', route: '/vbanks/:imp_uid', writes: true, request: (f) => ({ params: { imp_uid: vbank(f) } }) },
    { method: 'GET', route: '/vbanks/holder', writes: false, request: () => ({ query: { bank_code: '088', bank_num: '110-123-456789' } }) },
    {
      method: 'POST',
      route: '/certifications/otp/request',
      writes: true,
      request: (f) => ({
        body: { name: '홍길동', phone: '010-1234-5678', birth: '900101', gender_digit: '1', carrier: 'SKT', channel_key: certificationChannelKey(f) }
      })
    },
    {
      method: 'POST',
      route: '/certifications/otp/confirm/:imp_uid',
      writes: true,
      request: (f) => ({ params: { imp_uid: certification(f) }, body: { otp: '123456' } })
    },
    { method: 'GET', route: '/certifications/:imp_uid', writes: false, request: (f) => ({ params: { imp_uid: certification(f) } }) },
    { method: 'DELETE', route: '/certifications/:imp_uid', writes: true, request: (f) => ({ params: { imp_uid: certification(f) } }) },
    { method: 'GET', route: '/receipts/:imp_uid', writes: false, request: (f) => ({ params: { imp_uid: vbank(f) } }) },
    {
      method: 'POST',
      route: '/receipts/:imp_uid',
      writes: true,
      request: (f) => ({ params: { imp_uid: vbank(f) }, body: { identifier: '01012345678', identifier_type: 'phone' } })
    },
    { method: 'DELETE', route: '/receipts/:imp_uid', writes: true, request: (f) => ({ params: { imp_uid: vbank(f) } }) },
    { method: 'GET', route: '/receipts/external/:merchant_uid', writes: false, request: (f) => ({ params: { merchant_uid: f.merchant_uid } }) },
    {
      method: 'POST',
      route: '/receipts/external/:merchant_uid',
      writes: true,
      request: (f) => ({
        params: { merchant_uid: 'shop_sale' },
        body: { channel_key: paymentChannelKey(f), name: '현장 판매', amount: 5000, identifier: '01012345678' }
      })
    },
    { method: 'DELETE', route: '/receipts/external/:merchant_uid', writes: true, request: (f) => ({ params: { merchant_uid: f.merchant_uid } }) },
    { method: 'GET', route: '/escrows/logis/:imp_uid', writes: false, request: (f) => ({ params: { imp_uid: vbank(f) } }) },
    { method: 'POST', route: '/escrows/logis/:imp_uid', writes: true, request: (f) => ({ params: { imp_uid: vbank(f) }, body: logis(f) }) },
    { method: 'PUT', route: '/escrows/logis/:imp_uid', writes: true, request: (f) => ({ params: { imp_uid: vbank(f) }, body: logis(f) }) },
    { method: 'GET', route: '/banks', writes: false, request: () => ({}) },
    { method: 'GET', route: '/banks/:bank_standard_code', writes: false, request: () => ({ params: { bank_standard_code: '004' } }) },
    { method: 'GET', route: '/cards', writes: false, request: () => ({}) },
    { method: 'GET', route: '/cards/:card_standard_code', writes: false, request: () => ({ params: { card_standard_code: '366' } }) },
    { method: 'GET', route: '/users/pg', writes: false, request: () => ({}) },
    { method: 'GET', route: '/tiers/:tier_code', writes: false, request: () => ({ params: { tier_code: 'A01' } }) },
    { method: 'GET', route: '/payments/:imp_uid/balance', writes: false, request: (f) => ({ params: { imp_uid: f.imp_uid } }) }
  ]),
  {
    method: 'POST',
    route: '/__mock/vbanks/:imp_uid/deposit',
    area: 'control',
    writes: true,
    request: (f) => ({ params: { imp_uid: vbank(f) }, body: { imp_key: f.imp_key, amount: 1000, depositor_name: '홍길동' } })
  },
  {
    method: 'GET',
    route: '/__mock/certifications/:imp_uid/otp',
    area: 'control',
    writes: false,
    request: (f) => ({ params: { imp_uid: certification(f) }, query: { imp_key: f.imp_key } })
  }
]

/** Every official route of an unsimulated family, with a plausible request (it is refused whatever it holds). */
export const NOT_SIMULATED_ROUTES: readonly RouteEntry[] = OFFICIAL_OPERATIONS.filter(isNotSimulated).map((op) => ({
  method: op.method,
  route: routeUrlOf(op.path),
  area: 'iamport' as const,
  writes: op.method !== 'GET',
  request: (f: Fixture) => ({
    params: Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => [name!, name === 'imp_uid' ? f.imp_uid : `${name}_1`])),
    ...(op.method === 'GET' ? {} : { body: { merchant_uid: f.merchant_uid, amount: 1000 } })
  })
}))
