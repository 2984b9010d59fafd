/**
 * The control API under `/__mock` (outside the i'mport namespace). Health is always served; the
 * rest (reset, state, faults, clock, journal, docs) lives in `../control/` and follows the
 * config's `control` switch and token.
 */
import type { FastifyPluginAsync } from 'fastify'
import controlPlane from './index.js'
import { CONTROL_PREFIX, tagRoutes } from '../shared/http/namespaces.js'

const control: FastifyPluginAsync = async (app) => {
  const { enabled, token } = app.mock.config.control
  tagRoutes(app, 'control')
  await app.register(controlPlane, { prefix: CONTROL_PREFIX, enabled, token })
}

export default control
