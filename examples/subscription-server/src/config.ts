/**
 * The app's settings, read from its environment once at start. Tests build the same object by
 * hand (`buildApp({ ...config, iamportBaseUrl: simulator.url })`), so nothing else reads `process.env`.
 */
export interface Config {
  /** `https://api.iamport.kr` in production; the simulator's URL in tests and on a laptop. */
  iamportBaseUrl: string
  /** REST API key and secret from the i'mport console (or the docs pair for the simulator). */
  impKey: string
  impSecret: string
  /** Port this app listens on. */
  port: number
  /**
   * How long one call to i'mport may take. A charge that outlives it is settled by looking the
   * payment up, never by charging again blindly (see src/billing.ts).
   */
  iamportTimeoutMs: number
  /**
   * The merchant code (가맹점 식별코드, `imp` + 8 digits) the payment-window page passes to
   * `IMP.init`; the simulator's docs merchant answers to `imp00000000`.
   */
  impCode?: string
  /** Where the payment-window page loads i'mport's browser SDK from (default: i'mport's CDN). */
  iamportScriptUrl?: string
}

export const IAMPORT_SCRIPT_URL = 'https://cdn.iamport.kr/v1/iamport.js'

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const missing = ['IMP_KEY', 'IMP_SECRET'].filter((name) => !env[name])
  if (missing.length > 0) throw new ConfigError(`missing environment variables: ${missing.join(', ')}`)
  const port = Number(env.PORT ?? 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got ${env.PORT}`)
  return {
    iamportBaseUrl: (env.IAMPORT_BASE_URL ?? 'https://api.iamport.kr').replace(/\/+$/, ''),
    impKey: env.IMP_KEY!,
    impSecret: env.IMP_SECRET!,
    port,
    iamportTimeoutMs: 10_000,
    impCode: env.IMP_CODE ?? 'imp00000000',
    iamportScriptUrl: env.IAMPORT_SCRIPT_URL ?? IAMPORT_SCRIPT_URL
  }
}
