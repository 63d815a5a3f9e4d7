import type { Ctx } from '../kernel/ctx.js'

/** Stored messages newest first; one more than `limit` tells the caller another page exists. */
export function listNotificationRows(
  db: Ctx['db'],
  query: { limit: number; to?: string | undefined; template?: string | undefined; after?: { created_at: string; id: string } | undefined },
) {
  let q = db.selectFrom('notification').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1)
  if (query.to) q = q.where('to', '=', query.to)
  if (query.template) q = q.where('template', '=', query.template)
  const after = query.after
  if (after) q = q.where((eb) => eb.or([eb('created_at', '<', after.created_at), eb.and([eb('created_at', '=', after.created_at), eb('id', '<', after.id)])]))
  return q.execute()
}
