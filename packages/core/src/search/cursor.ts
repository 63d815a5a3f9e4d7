import { z } from 'zod'
import { toIso } from '../db/dialect.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import type { MatchRow } from './match.repository.js'
import type { PageKey } from './page.repository.js'
import type { ProductSort } from './search.js'

/**
 * Opaque cursors per sort: `[sort, offset]` for relevance (ranks are floats that the two
 * databases compute differently, an offset is exact), `[sort, key, id]` keysets elsewhere.
 * A cursor from another sort fails validation like any foreign cursor.
 */
const schemas = {
  relevance: z.tuple([z.literal('relevance'), z.number().int().min(0)]),
  newest: z.tuple([z.literal('newest'), z.string().min(1), z.string().min(1)]),
  title_asc: z.tuple([z.literal('title_asc'), z.string(), z.string().min(1)]),
  title_desc: z.tuple([z.literal('title_desc'), z.string(), z.string().min(1)]),
  price_asc: z.tuple([z.literal('price_asc'), z.number().int().min(-1), z.string().min(1)]),
  price_desc: z.tuple([z.literal('price_desc'), z.number().int().min(-1), z.string().min(1)]),
} satisfies Record<ProductSort, z.ZodType>

/** Reads a cursor for this sort or throws `validation_failed` on `cursor`. */
export function readPageKey(cursor: string, sort: ProductSort): PageKey {
  const decoded = decodeCursor(cursor, schemas[sort])
  switch (decoded[0]) {
    case 'relevance':
      return { sort: decoded[0], offset: decoded[1] }
    case 'price_asc':
    case 'price_desc':
      return { sort: decoded[0], value: decoded[1], id: decoded[2] }
    default:
      return { sort: decoded[0], value: decoded[1], id: decoded[2] }
  }
}

/** The relevance cursor of the page starting at `offset`. */
export function relevanceCursor(offset: number): string {
  return encodeCursor(['relevance', offset])
}

/** The cursor of the page after `last`. */
export function nextCursor(sort: ProductSort, last: MatchRow, after: PageKey | null, limit: number): string {
  switch (sort) {
    case 'relevance':
      return encodeCursor([sort, (after?.sort === 'relevance' ? after.offset : 0) + limit])
    case 'newest':
      return encodeCursor([sort, toIso(last.created_at), last.id])
    case 'title_asc':
    case 'title_desc':
      return encodeCursor([sort, last.title, last.id])
    case 'price_asc':
    case 'price_desc':
      return encodeCursor([sort, Number(last.price_key), last.id])
  }
}
