import { type Kysely, sql } from 'kysely'
import { isPostgres } from './dialect.js'

/**
 * What a database says about its own schema, in one shape for both dialects: tables, columns with
 * a type family, primary keys and foreign keys. Moving a store reads it so tables added later are
 * included without a list to keep up to date.
 */
export type ColumnFamily = 'text' | 'integer' | 'real' | 'boolean' | 'json' | 'timestamp' | 'other'

export interface ColumnInfo {
  name: string
  family: ColumnFamily
  /** Computed by the database (PostgreSQL generated columns): never written. */
  generated: boolean
}

export interface TableInfo {
  name: string
  columns: ColumnInfo[]
  primaryKey: string[]
  /** Tables this one references (itself included when it does). */
  references: string[]
}

/** Bookkeeping tables of the migrator: never copied. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock']

type Db = Kysely<any>

export async function listTables(db: Db): Promise<TableInfo[]> {
  return isPostgres(db) ? postgresTables(db) : sqliteTables(db)
}

async function sqliteTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{
    name: string
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
  const tables: TableInfo[] = []
  for (const { name } of rows) {
    if (MIGRATION_TABLES.includes(name)) continue
    const columns = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${name})`.execute(db)
    const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db)
    tables.push({
      name,
      columns: columns.rows.map((c) => ({ name: c.name, family: sqliteFamily(c.type), generated: false })),
      primaryKey: columns.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(fks.rows.map((f) => f.table))],
    })
  }
  return tables
}

function sqliteFamily(type: string): ColumnFamily {
  const t = type.toLowerCase()
  if (t.includes('int')) return 'integer'
  if (t.includes('real') || t.includes('double') || t.includes('float')) return 'real'
  if (t === '') return 'other'
  return 'text'
}

async function postgresTables(db: Db): Promise<TableInfo[]> {
  const { rows: names } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string; is_generated: string }>`
    select table_name, column_name, data_type, is_generated from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db)
  const { rows: keys } = await sql<{ table_name: string; column_name: string; position: number }>`
    select k.table_name, k.column_name, k.ordinal_position as position
    from information_schema.table_constraints c
    join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema
    where c.table_schema = current_schema() and c.constraint_type = 'PRIMARY KEY'`.execute(db)
  const { rows: fks } = await sql<{ table_name: string; referenced: string }>`
    select cl.relname as table_name, ref.relname as referenced
    from pg_constraint con
    join pg_class cl on cl.oid = con.conrelid
    join pg_class ref on ref.oid = con.confrelid
    join pg_namespace ns on ns.oid = cl.relnamespace
    where con.contype = 'f' and ns.nspname = current_schema()`.execute(db)
  return names
    .filter(({ name }) => !MIGRATION_TABLES.includes(name))
    .map(({ name }) => ({
      name,
      columns: columns
        .filter((c) => c.table_name === name)
        .map((c) => ({ name: c.column_name, family: postgresFamily(c.data_type), generated: c.is_generated === 'ALWAYS' })),
      primaryKey: keys
        .filter((k) => k.table_name === name)
        .sort((a, b) => a.position - b.position)
        .map((k) => k.column_name),
      references: [...new Set(fks.filter((f) => f.table_name === name).map((f) => f.referenced))],
    }))
}

function postgresFamily(type: string): ColumnFamily {
  if (type === 'boolean') return 'boolean'
  if (type === 'jsonb' || type === 'json') return 'json'
  if (type.startsWith('timestamp')) return 'timestamp'
  if (type === 'integer' || type === 'bigint' || type === 'smallint') return 'integer'
  if (type === 'real' || type === 'double precision' || type === 'numeric') return 'real'
  if (type === 'text' || type.startsWith('character')) return 'text'
  return 'other'
}

/**
 * Sorts rows of a table by `columns` in byte order on both dialects (PostgreSQL's default collation
 * would order text differently from SQLite), so two databases list the same rows in the same order.
 */
export function orderByBinary(db: Db, column: string, family: ColumnFamily) {
  return isPostgres(db) && family === 'text' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`
}

/** Sets each PostgreSQL sequence owned by a column of `table` past its largest value; SQLite has none to set. */
export async function resetSequences(db: Db, table: string): Promise<void> {
  if (!isPostgres(db)) return
  const { rows } = await sql<{ column_name: string; seq: string | null }>`
    select column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
    from information_schema.columns where table_schema = current_schema() and table_name = ${table}`.execute(db)
  for (const row of rows) {
    if (!row.seq) continue
    await sql`select setval(${row.seq}::regclass, coalesce((select max(${sql.ref(row.column_name)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    )
  }
}
