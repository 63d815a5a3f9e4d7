import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { TestApi } from '../helpers.js'

/** Row count and a content hash of every table: a refused request must leave both unchanged. */
export type DbSnapshot = Record<string, { rows: number; hash: string }>

export async function listTables(api: TestApi): Promise<string[]> {
  const query =
    api.commerce.dialect === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`
  const { rows } = await query.execute(api.commerce.db)
  return rows.map((r) => r.name).sort()
}

export async function snapshotDb(api: TestApi, tables: string[]): Promise<DbSnapshot> {
  if (api.commerce.dialect === 'postgres') {
    // One round trip for every table: hundreds of cases each take a snapshot.
    const parts = tables.map(
      (table) => sql`select ${table}::text as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as hash from ${sql.table(table)} t`,
    )
    const { rows } = await sql<{ name: string; rows: number; hash: string }>`${sql.join(parts, sql` union all `)}`.execute(api.commerce.db)
    return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash }]))
  }
  const entries = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(api.commerce.db)
      const lines = rows.map((r) => JSON.stringify(r, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort()
      return [table, { rows: rows.length, hash: createHash('sha1').update(lines.join('\n')).digest('hex') }] as const
    }),
  )
  return Object.fromEntries(entries)
}

/** What changed between two snapshots, one entry per table: `product: 3 -> 4 rows`. */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): string[] {
  const changes: string[] = []
  for (const table of Object.keys({ ...before, ...after })) {
    const a = before[table]
    const b = after[table]
    if (a?.rows !== b?.rows) changes.push(`${table}: ${a?.rows ?? 'none'} -> ${b?.rows ?? 'none'} rows`)
    else if (a?.hash !== b?.hash) changes.push(`${table}: rows changed`)
  }
  return changes
}
