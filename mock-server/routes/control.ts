/** The control API under `/__mock` (outside the i'mport namespace). Readiness first; more lives in later modules. */
import type { FastifyPluginAsync } from 'fastify'

const control: FastifyPluginAsync = async (app) => {
  // CI wait loops poll this: it answers once every route is registered and the server listens.
  app.get('/__mock/health', { config: { auth: false } }, async () => ({ status: 'ok' }))
}

export default control
