/**
 * Starts the shop: `IMP_KEY=… IMP_SECRET=… IAMPORT_BASE_URL=http://127.0.0.1:4010 npx tsx src/server.ts`.
 */
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'

let config
try {
  config = loadConfig(process.env)
} catch (err) {
  if (!(err instanceof ConfigError)) throw err
  console.error(`subscription-server: ${err.message}`)
  process.exit(1)
}

const app = await buildApp(config)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close())
// Loopback: in production a reverse proxy with TLS stands in front.
await app.listen({ port: config.port, host: '127.0.0.1' })
app.log.info(`talking to i'mport at ${config.iamportBaseUrl}`)
