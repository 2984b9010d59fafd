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
export { buildV2App, type BuildV2AppOptions, type V2App } from './v2/app.js'
export { DEFAULT_V2_MERCHANT, type V2MerchantConfig } from './shared/config/v2-merchants.js'
export { v2errors, V2Error } from '../api/v2/errors.js'
