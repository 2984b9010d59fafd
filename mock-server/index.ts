/** The simulator's public entry points. */
export { buildApp, type BuildAppOptions, type MockApp } from './app.js'
export { createMockServer, type MockServer, type MockServerOptions } from './server.js'
export {
  resolveConfig,
  loadConfigFile,
  ConfigError,
  DEFAULT_SEED,
  type ConfigInput,
  type ResolvedConfig,
  type MerchantConfig
} from './shared/config/config.js'
export { DEFAULT_MERCHANT } from '../api/v1/docs-merchant.js'
export { ManualClock, systemClock, type Clock } from './shared/clock.js'
export { errors, CatalogueError } from '../api/v1/catalogue.js'
