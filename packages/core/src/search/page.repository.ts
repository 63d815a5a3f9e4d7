import type { ExpressionBuilder } from 'kysely'
import { type MatchRow, matchedProducts, type SearchPlan } from './match.repository.js'
import type { SearchDb } from './search.table.js'

/** Where the previous page ended: an offset for relevance, the last row's sort key elsewhere. */
export type PageKey =
  | { sort: 'relevance'; offset: number }
  | { sort: 'newest' | 'title_asc' | 'title_desc'; value: string; id: string }
  | { sort: 'price_asc' | 'price_desc'; value: number; id: string }

/** One page of matches in the plan's order, plus one row to tell whether another page follows. */
export async function findPage(db: SearchDb, plan: SearchPlan, after: PageKey | null, limit: number): Promise<MatchRow[]> {
  return pageQuery(db, plan, after, limit).execute()
}

export function pageQuery(db: SearchDb, plan: SearchPlan, after: PageKey | null, limit: number) {
  const query = db
    .selectFrom(matchedProducts(db, plan).as('m'))
    .selectAll('m')
    .limit(limit + 1)
  switch (plan.sort) {
    case 'relevance':
      return query
        .orderBy('m.exact', 'desc')
        .orderBy('m.rank', 'desc')
        .orderBy('m.id', 'asc')
        .offset(after?.sort === 'relevance' ? after.offset : 0)
    case 'newest':
      return query
        .$if(after?.sort === 'newest', (q) => q.where((eb) => keyset(eb, 'm.created_at', '<', after as StringKey)))
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
    case 'title_asc':
    case 'title_desc': {
      const op = plan.sort === 'title_asc' ? '>' : '<'
      const direction = plan.sort === 'title_asc' ? 'asc' : 'desc'
      return query
        .$if(after?.sort === plan.sort, (q) => q.where((eb) => keyset(eb, 'm.title', op, after as StringKey)))
        .orderBy('m.title', direction)
        .orderBy('m.id', direction)
    }
    case 'price_asc':
    case 'price_desc': {
      const op = plan.sort === 'price_asc' ? '>' : '<'
      const direction = plan.sort === 'price_asc' ? 'asc' : 'desc'
      return query
        .$if(after?.sort === plan.sort, (q) => q.where((eb) => keyset(eb, 'm.price_key', op, after as NumberKey)))
        .orderBy('m.price_key', direction)
        .orderBy('m.id', direction)
    }
  }
}

type StringKey = Extract<PageKey, { value: string }>
type NumberKey = Extract<PageKey, { value: number }>
type PageScope = ExpressionBuilder<{ m: MatchRow }, 'm'>

/** Rows after the key in the sort direction: a later sort value, or the same one and a later id. */
function keyset(eb: PageScope, column: 'm.created_at' | 'm.title' | 'm.price_key', op: '<' | '>', key: StringKey | NumberKey) {
  return eb.or([eb(column, op, key.value), eb.and([eb(column, '=', key.value), eb('m.id', op, key.id)])])
}
