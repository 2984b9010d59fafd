/**
 * The control API under `/__mock` (outside the i'mport namespace). Health is always served; the
 * rest (reset, state, faults, clock, journal, docs) lives in `../control/` and follows the
 * config's `control` switch and token. `GET /` (home.ts) says what is running and links to them.
 */
import type { FastifyPluginAsync } from 'fastify'
import controlPlane from './index.js'
import { CONTROL_PREFIX, tagRoutes } from '../shared/http/namespaces.js'
import home from './home.js'

export interface ControlOptions {
  /** The address or name the server listens on (createMockServer's `host`). */
  listenHost?: string | undefined
}

const control: FastifyPluginAsync<ControlOptions> = async (app, options) => {
  const { enabled, token, allowed_origins, allowed_hosts } = app.mock.config.control
  tagRoutes(app, 'control')
  await app.register(home)
  // The name the server was bound to (--host mock, in a container) is one it answers to.
  const allowedHosts = [...allowed_hosts, ...(options.listenHost ? [options.listenHost.toLowerCase()] : [])]
  await app.register(controlPlane, { prefix: CONTROL_PREFIX, enabled, token, allowedOrigins: allowed_origins, allowedHosts })
}

export default control
