/**
 * The control API under `/__mock` (outside the i'mport namespace). Health is always served; the
 * rest (reset, state, faults, clock, journal, docs) lives in `../control/` and follows the
 * config's `control` switch and token.
 */
import type { FastifyPluginAsync } from 'fastify'
import controlPlane, { CONTROL_PREFIX } from './index.js'

const control: FastifyPluginAsync = async (app) => {
  const { enabled, token } = app.mock.config.control
  await app.register(controlPlane, { prefix: CONTROL_PREFIX, enabled, token })
}

export default control
