export * from './idempotency.js'
export * from './idempotency.service.js'
