import { z } from 'zod'
import { toIso } from '../db/dialect.js'
import type { Ctx } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { parseInput } from '../kernel/validate.js'
import { type AuditEntry, auditLogQuerySchema } from './auth.js'

const auditCursor = z.tuple([z.string(), z.string()])

export type AuditRecordInput = Omit<AuditEntry, 'id' | 'created_at'>

/** Writes one audit entry for an admin write that succeeded. */
export async function recordAudit(ctx: Ctx, entry: AuditRecordInput): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({ id: ctx.newId('aud'), ...entry, created_at: ctx.now().toISOString() })
    .execute()
}

/** The audit log, newest first, filtered, with keyset pagination. */
export async function listAuditLog(ctx: Ctx, rawQuery: unknown): Promise<{ data: AuditEntry[]; next_cursor: string | null }> {
  const query = parseInput(auditLogQuerySchema, rawQuery)
  let select = ctx.db.selectFrom('audit_log').selectAll()
  if (query.actor_id) select = select.where('actor_id', '=', query.actor_id)
  if (query.entity_id) select = select.where('entity_id', '=', query.entity_id)
  if (query.operation_id) select = select.where('operation_id', '=', query.operation_id)
  if (query.created_after) select = select.where('created_at', '>=', new Date(query.created_after).toISOString())
  if (query.created_before) select = select.where('created_at', '<', new Date(query.created_before).toISOString())
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, auditCursor)
    select = select.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute()
  const data = rows.slice(0, query.limit).map((r) => ({ ...r, created_at: toIso(r.created_at) }))
  const last = data[data.length - 1]
  return { data, next_cursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null }
}
