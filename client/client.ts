/**
 * `createIamportClient(options)`: a typed client for the i'mport V1 REST API, on its own axios
 * instance. Resources are namespaces over one request core (token, retries, envelope, errors):
 *
 *   client.auth          getToken
 *   client.billingKeys   issue · get · delete · getMany · payments · schedules
 *   client.subscribe     onetime · again
 *   client.schedules     schedule · unschedule · get · findByRange · findByCustomer · update · reschedule · retry
 *   client.payments      get · getMany · find · findAll · byStatus · cancel
 *   client.prepare       create · update · get
 *   client.vbanks        create · update · revoke · holder
 *   client.certifications requestOtp · confirmOtp · get · delete
 *   client.receipts      issue · get · cancel · issueExternal · getExternal · cancelExternal
 *   client.escrows       get · register · update
 *   client.codes         banks · bank · cards · card · pgSettings · tier · balance
 *
 * `client.raw` has the same resources, answering `{ status, body, headers }` instead of throwing
 * on API errors (the contract suite uses it to look at answers as they are).
 */
import { RequestCore } from './request.js'
import { AuthResource } from './resources/auth.js'
import { BillingKeysResource } from './resources/billing-keys.js'
import { PaymentsResource } from './resources/payments.js'
import { PrepareResource } from './resources/prepare.js'
import { SchedulesResource } from './resources/schedules.js'
import { SubscribeResource } from './resources/subscribe.js'
import { VbanksResource } from './resources/vbanks.js'
import { CertificationsResource } from './resources/certifications.js'
import { ReceiptsResource } from './resources/receipts.js'
import { EscrowsResource } from './resources/escrows.js'
import { CodesResource } from './resources/codes.js'
import type { IamportClientOptions, Mode } from './types.js'

/** Every resource, in one mode. New resources are added here and in `resources/`. */
export interface IamportResources<M extends Mode> {
  readonly auth: AuthResource<M>
  readonly billingKeys: BillingKeysResource<M>
  readonly subscribe: SubscribeResource<M>
  readonly schedules: SchedulesResource<M>
  readonly payments: PaymentsResource<M>
  readonly prepare: PrepareResource<M>
  readonly vbanks: VbanksResource<M>
  readonly certifications: CertificationsResource<M>
  readonly receipts: ReceiptsResource<M>
  readonly escrows: EscrowsResource<M>
  readonly codes: CodesResource<M>
}

export interface IamportClient extends IamportResources<'data'> {
  /** The same resources answering status and body, never throwing for an API answer. */
  readonly raw: IamportResources<'raw'>
  /** The base URL requests go to. */
  readonly baseURL: string
  /** Forgets the cached access token; the next call fetches a new one. */
  clearToken(): void
}

function resources<M extends Mode>(core: RequestCore, mode: M): IamportResources<M> {
  const call = core.caller(mode)
  return {
    auth: new AuthResource(call, core),
    billingKeys: new BillingKeysResource(call),
    subscribe: new SubscribeResource(call),
    schedules: new SchedulesResource(call),
    payments: new PaymentsResource(call),
    prepare: new PrepareResource(call),
    vbanks: new VbanksResource(call),
    certifications: new CertificationsResource(call),
    receipts: new ReceiptsResource(call),
    escrows: new EscrowsResource(call),
    codes: new CodesResource(call)
  }
}

/**
 * A client for one merchant (one `imp_key`). Nothing is shared between clients: each has its own
 * axios instance and token cache.
 */
export function createIamportClient(options: IamportClientOptions): IamportClient {
  const core = new RequestCore(options)
  return {
    ...resources(core, 'data'),
    raw: resources(core, 'raw'),
    baseURL: core.baseURL,
    clearToken: () => {
      const token = core.tokens.peek()
      if (token !== null) core.tokens.invalidate(token)
    }
  }
}
