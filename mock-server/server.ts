/**
 * `createMockServer(options)`: the simulator listening: i'mport V1 (and the control API) on one
 * port, PortOne V2 on another (0, any free one, by default for both), in one process on one store.
 */
import { buildApp, type BuildAppOptions, type MockApp } from './app.js'
import { buildV2App, type V2App } from './v2/app.js'

export interface MockServerOptions extends BuildAppOptions {
  /** 0 (default) picks a free port; read the chosen one from `url` or `port`. */
  port?: number
  /** The PortOne V2 port; 0 (default) picks a free one; read it from `v2Url` or `v2Port`. */
  v2Port?: number
  /** Defaults to loopback: the simulator is a test tool, not a public service. */
  host?: string
}

export interface MockServer {
  /** Base URL to give an i'mport client instead of `https://api.iamport.kr`. */
  readonly url: string
  readonly port: number
  readonly app: MockApp
  /** Base URL to give the PortOne V2 SDK (`new PortOneClient({ secret, baseUrl })`) instead of `https://api.portone.io`. */
  readonly v2Url: string
  readonly v2Port: number
  readonly v2App: V2App
  close(): Promise<void>
}

function boundPort(app: MockApp | V2App, fallback: number): number {
  const address = app.server.address()
  return typeof address === 'object' && address !== null ? address.port : fallback
}

export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1'
  const app = await buildApp({ listenHost: host, ...options })
  const v2App = await buildV2App({
    context: app.mock,
    webhooks: app.webhooks,
    faults: app.faults,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
    ...(options.faultSleep === undefined ? {} : { faultSleep: options.faultSleep }),
    ...(options.schedulePollMs === undefined ? {} : { schedulePollMs: options.schedulePollMs })
  })
  try {
    await app.listen({ port: options.port ?? 0, host })
    await v2App.listen({ port: options.v2Port ?? 0, host })
  } catch (err) {
    // A busy port: release what buildApp took (the data file's lock, timers) before reporting it.
    await v2App.close()
    await app.close()
    throw err
  }
  const port = boundPort(app, options.port ?? 0)
  const v2Port = boundPort(v2App, options.v2Port ?? 0)
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host
  return {
    url: `http://${urlHost}:${port}`,
    port,
    app,
    v2Url: `http://${urlHost}:${v2Port}`,
    v2Port,
    v2App,
    close: async () => {
      await v2App.close()
      await app.close()
    }
  }
}
