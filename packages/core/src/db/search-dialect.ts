/**
 * Full-text search is where SQLite and PostgreSQL differ most: FTS5 with bm25 on one side, a
 * tsvector with a GIN index and ts_rank on the other. Both index the same pre-analyzed text
 * (see search/tokenize.ts), so only the matching and ranking SQL lives here.
 */
import { type Compilable, CompiledQuery, type SelectQueryBuilder, sql } from 'kysely'
import type { SearchDb, SearchTables } from '../search/search.table.js'
import type { Database } from './database.js'
import { isPostgres } from './dialect.js'

/** A text query: every group must match, a group matches any of its words. */
export interface TextMatch {
  groups: string[][]
  /** The query without typo corrections, when it has some: documents matching it rank first. */
  exact: string[][] | null
  locale: string
}

/** One matching product: `rank` grows with relevance, `exact` is 1 without corrections, else 0. */
export interface TextHit {
  product_id: string
  rank: number
  exact: number
}

type HitQuery = SelectQueryBuilder<Database & SearchTables, any, TextHit>

// Column weights, most important first: title, then tags and SKUs, then description.
const BM25_WEIGHTS = sql.raw('10.0, 4.0, 4.0, 1.0')
const TS_RANK_WEIGHTS = sql.raw(`'{0.05, 0.1, 0.4, 1.0}'::float4[]`) // D, C, B, A

/** The documents of `match.locale` that match, as a subquery of hits (one row per product). */
export function textHits(db: SearchDb, match: TextMatch): HitQuery {
  if (isPostgres(db)) {
    const query = sql`to_tsquery('simple', ${tsQuery(match.groups)})`
    const exact = match.exact
      ? sql<number>`case when d.document @@ to_tsquery('simple', ${tsQuery(match.exact)}) then 1 else 0 end`
      : sql<number>`1`
    return db
      .selectFrom('search_document as d')
      .select(['d.product_id', sql<number>`ts_rank(${TS_RANK_WEIGHTS}, d.document, ${query})`.as('rank'), exact.as('exact')])
      .where('d.locale', '=', match.locale)
      .where(sql<boolean>`d.document @@ ${query}`)
  }
  const exact = match.exact
    ? sql<number>`search_fts.rowid in (select rowid from search_fts where search_fts match ${ftsQuery(match.exact)})`
    : sql<number>`1`
  return db
    .selectFrom('search_fts')
    .innerJoin('search_document as d', 'd.id', 'search_fts.rowid')
    .select(['d.product_id', sql<number>`-bm25(search_fts, ${BM25_WEIGHTS})`.as('rank'), exact.as('exact')])
    .where(sql<boolean>`search_fts match ${ftsQuery(match.groups)}`)
    .where('d.locale', '=', match.locale)
}

/** `(a | b) & c` for to_tsquery: words are letters and digits only, parsed like the index. */
function tsQuery(groups: string[][]): string {
  return groups.map((g) => `(${g.join(' | ')})`).join(' & ')
}

/** `("a" OR "b") AND "c"` for FTS5: each word quoted, so no word is read as an operator. */
function ftsQuery(groups: string[][]): string {
  return groups.map((g) => `(${g.map((w) => `"${w}"`).join(' OR ')})`).join(' AND ')
}

/** The database's plan for a query, as text: EXPLAIN on PostgreSQL, EXPLAIN QUERY PLAN on SQLite. */
export async function explainPlan(db: SearchDb, query: Compilable): Promise<string> {
  const compiled = query.compile()
  const pg = isPostgres(db)
  const explain = CompiledQuery.raw(`${pg ? 'explain' : 'explain query plan'} ${compiled.sql}`, [...compiled.parameters])
  const { rows } = await db.executeQuery<Record<string, unknown>>(explain)
  return rows.map((r) => String(pg ? r['QUERY PLAN'] : r.detail)).join('\n')
}
