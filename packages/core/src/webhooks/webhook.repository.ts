import { type Insertable, sql, type Updateable } from 'kysely'
import { forUpdateSkipLocked, parseJson, toIso, toIsoOrNull, toJson } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import type { WebhookDelivery, WebhookEndpoint } from './webhook.js'
import type { WebhookDeliveryTable, WebhookEndpointTable } from './webhook.table.js'

type Db = Ctx['db']
type EndpointRow = { [K in keyof WebhookEndpointTable]: unknown } & { id: string; url: string; secret: string }

export function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: parseJson<string[]>(row.events, []),
    description: (row.description as string | null) ?? null,
    active: Boolean(row.active),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export function toDelivery(row: { [K in keyof WebhookDeliveryTable]: unknown }): WebhookDelivery {
  const status = row.status as WebhookDelivery['status']
  return {
    id: row.id as string,
    endpoint_id: row.endpoint_id as string,
    event_id: row.event_id as string,
    event_type: row.event_type as string,
    origin: row.origin as WebhookDelivery['origin'],
    status,
    attempts: Number(row.attempts),
    next_attempt_at: status === 'pending' || status === 'delivering' ? toIso(row.next_attempt_at) : null,
    response_status: row.response_status === null ? null : Number(row.response_status),
    last_error: (row.last_error as string | null) ?? null,
    delivered_at: toIsoOrNull(row.delivered_at),
    created_at: toIso(row.created_at),
  }
}

export async function insertEndpoint(db: Db, row: Omit<Insertable<WebhookEndpointTable>, 'events'> & { events: string[] }): Promise<void> {
  await db
    .insertInto('webhook_endpoint')
    .values({ ...row, events: toJson(row.events) })
    .execute()
}

export async function updateEndpointRow(db: Db, id: string, patch: Omit<Updateable<WebhookEndpointTable>, 'id' | 'created_at' | 'events'> & { events?: string[] }): Promise<boolean> {
  const { events, ...rest } = patch
  const values = { ...rest, ...(events !== undefined && { events: toJson(events) }) }
  const result = await db.updateTable('webhook_endpoint').set(values).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function findEndpointRow(db: Db, id: string) {
  return db.selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listEndpointRows(db: Db, activeOnly = false) {
  let query = db.selectFrom('webhook_endpoint').selectAll().orderBy('created_at').orderBy('id')
  if (activeOnly) query = query.where('active', '=', true)
  return query.execute()
}

export async function deleteEndpointRow(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('webhook_endpoint').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function insertDeliveries(db: Db, rows: Insertable<WebhookDeliveryTable>[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('webhook_delivery')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute()
}

export function findDeliveryRow(db: Db, id: string) {
  return db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst()
}

export function listDeliveryRows(db: Db, endpointId: string, limit: number, after?: { created_at: string; id: string }, status?: string) {
  let query = db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
  if (status) query = query.where('status', '=', status as WebhookDeliveryTable['status'])
  if (after) query = query.where((eb) => eb.or([eb('created_at', '<', after.created_at), eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)])]))
  return query.execute()
}

/**
 * Takes up to `limit` due deliveries for this process: pending ones whose time has come and ones
 * whose previous taker's lease ran out, but never one while an earlier event about the same entity
 * is still on its way to the same endpoint. On PostgreSQL the rows are locked `FOR UPDATE SKIP
 * LOCKED` so that concurrent workers take disjoint sets; the conditional update makes the claim
 * safe on SQLite too.
 */
export async function claimDueDeliveries(db: Db, now: string, leaseUntil: string, limit: number) {
  return db.transaction().execute(async (trx) => {
    const due = await forUpdateSkipLocked(
      trx,
      trx
        .selectFrom('webhook_delivery as d')
        .select('d.id')
        .where((eb) =>
          eb.or([
            eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now)]),
            eb.and([eb('d.status', '=', 'delivering'), eb('d.lease_until', '<=', now)]),
          ]),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('webhook_delivery as p')
                .select('p.id')
                .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
                .whereRef('p.entity_id', '=', 'd.entity_id')
                .where('p.status', 'in', ['pending', 'delivering'])
                .where((w) =>
                  w.or([
                    w('p.event_created_at', '<', w.ref('d.event_created_at')),
                    w.and([w('p.event_created_at', '=', w.ref('d.event_created_at')), w('p.id', '<', w.ref('d.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('d.next_attempt_at')
        .limit(limit),
      'd',
    ).execute()
    if (due.length === 0) return []
    return trx
      .updateTable('webhook_delivery')
      .set({ status: 'delivering', lease_until: leaseUntil, attempts: sql`attempts + 1`, updated_at: now })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'delivering'), eb('lease_until', '<=', now)]),
        ]),
      )
      .returningAll()
      .execute()
  })
}

export async function finishDelivery(db: Db, id: string, patch: Updateable<WebhookDeliveryTable>): Promise<void> {
  await db.updateTable('webhook_delivery').set(patch).where('id', '=', id).execute()
}
