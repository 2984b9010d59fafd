/** The PortOne V2 wire layer: request and response schemas, and the V2 error catalogue. */
export * from './errors.js'
export * from './requests.js'
export * from './responses.js'
