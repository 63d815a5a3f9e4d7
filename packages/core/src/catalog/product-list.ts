import { z } from 'zod'
import type { Ctx } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { PRODUCT_STATUSES, type Product } from './catalog.js'
import { findProductsByIds } from './product.repository.js'

const adminCursor = z.tuple([z.string(), z.string()])

export interface AdminProductQuery {
  status?: (typeof PRODUCT_STATUSES)[number]
  q?: string
  limit: number
  cursor?: string
}

/** The admin's product list, newest first, with keyset pagination. */
export async function listProducts(ctx: Ctx, query: AdminProductQuery): Promise<{ data: Product[]; next_cursor: string | null }> {
  let select = ctx.db.selectFrom('product').select(['id', 'created_at'])
  if (query.status) select = select.where('status', '=', query.status)
  if (query.q) {
    const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    select = select.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['title']), 'like', like),
        eb(eb.fn('lower', ['handle']), 'like', like),
        eb.exists(eb.selectFrom('product_variant as v').select('v.id').whereRef('v.product_id', '=', 'product.id').where((sub) => sub(sub.fn('lower', ['v.sku']), 'like', like))),
      ]),
    )
  }
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, adminCursor)
    select = select.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute()
  const page = rows.slice(0, query.limit)
  const data = await findProductsByIds(ctx.db, page.map((r) => r.id))
  const last = data[data.length - 1]
  return { data, next_cursor: rows.length > query.limit && last ? encodeCursor([last.created_at, last.id]) : null }
}
