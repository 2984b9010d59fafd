/**
 * The control API under `/__mock` (outside the i'mport namespace). Health is always served; the
 * rest (reset, state, faults, clock, journal, docs) lives in `../control/` and follows the
 * config's `control` switch and token. `GET /` (home.ts) says what is running and links to them.
 */
import type { FastifyPluginAsync } from 'fastify'
import controlPlane from './index.js'
import { CONTROL_PREFIX, tagRoutes } from '../shared/http/namespaces.js'
import home from './home.js'

const control: FastifyPluginAsync = async (app) => {
  const { enabled, token } = app.mock.config.control
  tagRoutes(app, 'control')
  await app.register(home)
  await app.register(controlPlane, { prefix: CONTROL_PREFIX, enabled, token })
}

export default control
