/** Test helpers: fresh migrated databases on SQLite or PostgreSQL. */
export * from './create-test-ctx.js'
export * from './query-counter.js'
export * from './webhook-receiver.js'
export * from './event-schemas.js'
