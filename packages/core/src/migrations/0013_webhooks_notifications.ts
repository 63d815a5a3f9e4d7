import { type Kysely, sql } from 'kysely'
import { columnTypes } from './types.js'

/**
 * Event delivery: per-consumer receipts over the outbox, webhook endpoints and their deliveries,
 * and the messages the built-in notification provider keeps. See docs/adr/0008-event-delivery.md.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db)

  // A consumer's low-water mark: every event older than `checkpoint` has been handled by it.
  await db.schema
    .createTable('event_consumer')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  // One row per (consumer, event) once a process has claimed it; `lease_until` lets another process
  // take over from one that died mid-handling.
  await db.schema
    .createTable('event_receipt')
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event_outbox.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('processing', 'failed', 'done', 'dead')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('lease_until', t.timestamp)
    .addColumn('next_attempt_at', t.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_receipt_pk', ['consumer', 'event_id'])
    .execute()

  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('events', t.json, (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoint.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('event_outbox.id').onDelete('cascade'))
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event_created_at', t.timestamp, (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('event', 'replay')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'delivering', 'succeeded', 'dead')`))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('lease_until', t.timestamp)
    .addColumn('response_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute()
  // An event fans out to an endpoint once; replays add rows of their own.
  await db.schema
    .createIndex('webhook_delivery_event_uq')
    .on('webhook_delivery')
    .columns(['endpoint_id', 'event_id'])
    .unique()
    .where(sql.ref('origin'), '=', 'event')
    .execute()
  await db.schema.createIndex('webhook_delivery_due_idx').on('webhook_delivery').columns(['status', 'next_attempt_at']).execute()
  await db.schema
    .createIndex('webhook_delivery_entity_idx')
    .on('webhook_delivery')
    .columns(['endpoint_id', 'entity_id', 'event_created_at'])
    .execute()

  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notification_created_idx').on('notification').columns(['created_at', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['notification', 'webhook_delivery', 'webhook_endpoint', 'event_receipt', 'event_consumer']) {
    await db.schema.dropTable(table).execute()
  }
}
