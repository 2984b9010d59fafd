/** The simulator's public entry points. */
export { buildApp, type BuildAppOptions, type MockApp } from './app.js'
export { createMockServer, type MockServer, type MockServerOptions } from './server.js'
export {
  resolveConfig,
  loadConfigFile,
  ConfigError,
  DEFAULT_MERCHANT,
  DEFAULT_SEED,
  type ConfigInput,
  type ResolvedConfig,
  type MerchantConfig
} from './config.js'
export { ManualClock, systemClock, type Clock } from './clock.js'
export { errors, IamportError } from './errors.js'
