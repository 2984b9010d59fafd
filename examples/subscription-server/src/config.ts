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
}

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
    iamportTimeoutMs: 10_000
  }
}
