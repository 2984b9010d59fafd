/** `createMockServer(options)`: the simulator listening on a port (0, any free one, by default). */
import { buildApp, type BuildAppOptions, type MockApp } from './app.js'

export interface MockServerOptions extends BuildAppOptions {
  /** 0 (default) picks a free port; read the chosen one from `url` or `port`. */
  port?: number
  /** Defaults to loopback: the simulator is a test tool, not a public service. */
  host?: string
}

export interface MockServer {
  /** Base URL to give an i'mport client instead of `https://api.iamport.kr`. */
  readonly url: string
  readonly port: number
  readonly app: MockApp
  close(): Promise<void>
}

export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1'
  const app = await buildApp({ listenHost: host, ...options })
  await app.listen({ port: options.port ?? 0, host })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0)
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host
  return {
    url: `http://${urlHost}:${port}`,
    port,
    app,
    close: () => app.close()
  }
}
