import { parseJson, toIso, toJson } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'

/** An event as subscribers and webhooks receive it: `{ type, timestamp, data }`. */
export interface KassaEvent<T = Record<string, unknown>> {
  id: string
  type: string
  version: number
  timestamp: string
  data: T
}

/**
 * Writes an event into the outbox. Call it with the ctx of the transaction that makes the change,
 * so the event exists exactly when the change does (a crash loses neither or both).
 */
export async function recordEvent(ctx: Ctx, type: string, data: Record<string, unknown>, version = 1): Promise<string> {
  const id = ctx.newId('evt')
  await ctx.db
    .insertInto('event_outbox')
    .values({ id, type, version, data: toJson(data), created_at: ctx.now().toISOString(), published_at: null })
    .execute()
  return id
}

/** Several events of one change in one statement, in the order given; same rule as {@link recordEvent}. */
export async function recordEvents(
  ctx: Ctx,
  events: { type: string; data: Record<string, unknown>; version?: number }[],
): Promise<string[]> {
  if (!events.length) return []
  const createdAt = ctx.now().toISOString()
  const rows = events.map((e) => ({
    id: ctx.newId('evt'),
    type: e.type,
    version: e.version ?? 1,
    data: toJson(e.data),
    created_at: createdAt,
    published_at: null,
  }))
  await ctx.db.insertInto('event_outbox').values(rows).execute()
  return rows.map((r) => r.id)
}

/** Events in the order they were written, optionally of one type. */
export async function listEvents(ctx: Ctx, filter: { type?: string; limit?: number } = {}): Promise<KassaEvent[]> {
  let query = ctx.db.selectFrom('event_outbox').selectAll().orderBy('created_at').orderBy('id')
  if (filter.type) query = query.where('type', '=', filter.type)
  const rows = await query.limit(filter.limit ?? 100).execute()
  return rows.map((r) => ({ id: r.id, type: r.type, version: r.version, timestamp: toIso(r.created_at), data: parseJson(r.data, {}) }))
}

/** One event by id, as subscribers receive it. */
export async function findEvent(ctx: Ctx, id: string): Promise<KassaEvent | undefined> {
  const r = await ctx.db.selectFrom('event_outbox').selectAll().where('id', '=', id).executeTakeFirst()
  return r && { id: r.id, type: r.type, version: r.version, timestamp: toIso(r.created_at), data: parseJson(r.data, {}) }
}
