/** Wire schemas of the simulator's control API (`/__mock/…`), shared by the server, the control client and the docs. */
export * from './schemas.js'
export * from './faults.js'
export * from './webhooks.js'
export * from './journal.js'
