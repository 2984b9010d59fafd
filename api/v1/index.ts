/** Wire schemas of the i'mport V1 API, shared by the simulator, the client, the fixtures and the contract suite. */
export * from './common.js'
export * from './envelope.js'
export * from './auth.js'
export * from './customer.js'
export * from './payment.js'
export * from './prepare.js'
export * from './queries.js'
export * from './schedule.js'
