/**
 * The V1 wing: every i'mport V1 route, tagged `api: 'v1'` so the shared hooks (auth, faults,
 * journal, error answers) know them by their metadata. A new V1 route family registers here.
 */
import type { FastifyPluginAsync } from 'fastify'
import { tagRoutes } from '../shared/http/namespaces.js'
import users from './routes/users.js'
import customers from './routes/customers.js'
import subscribePayments from './routes/subscribe-payments.js'
import payments from './routes/payments.js'
import prepare from './routes/prepare.js'
import schedules from './routes/schedules.js'
import vbanks from './routes/vbanks.js'
import certifications from './routes/certifications.js'
import receipts from './routes/receipts.js'
import escrows from './routes/escrows.js'
import codes from './routes/codes.js'
import notSimulated from './routes/not-simulated.js'
import tiers from './tiers.js'

const v1Api: FastifyPluginAsync = async (app) => {
  tagRoutes(app, 'v1')
  await app.register(tiers)
  await app.register(users)
  await app.register(customers)
  await app.register(subscribePayments)
  await app.register(payments)
  await app.register(prepare)
  await app.register(schedules)
  await app.register(vbanks)
  await app.register(certifications)
  await app.register(receipts)
  await app.register(escrows)
  await app.register(codes)
  await app.register(notSimulated)
}

export default v1Api
