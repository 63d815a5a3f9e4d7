import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../db/dialect.js'
import { type ColumnFamily, type ColumnInfo, listTables, orderByBinary, resetSequences, type TableInfo } from '../db/introspect.js'
import { migrateToLatest } from '../db/migrate.js'
import { KassaError } from '../kernel/errors.js'

const BATCH = 500
const PAGE = 2000

/** Errors of the command line only (no API route moves a store), so they are not in the HTTP error registry. */
export const MoveErrors = {
  sourceNotEmbedded: () =>
    new KassaError('move.source_not_embedded', 'invalid', 'The store to move must be on the embedded SQLite database'),
  targetNotPostgres: () => new KassaError('move.target_not_postgres', 'invalid', 'The target must be a postgres:// URL'),
  targetNotEmpty: (table: string) =>
    new KassaError('move.target_not_empty', 'conflict', `The target database is not empty (table ${table} has rows)`),
  mismatch: (detail: string) => new KassaError('move.verify_failed', 'unprocessable', `The copy differs from the source: ${detail}`),
}

export interface TableReport {
  table: string
  rows: number
  checksum: string
  target_checksum: string
}

export interface MoveReport {
  tables: TableReport[]
  /** Source tables with no counterpart on the target (the embedded full-text index). */
  skipped: string[]
}

type Db = Kysely<any>
type Row = Record<string, unknown>

/**
 * Copies a whole store from the embedded SQLite database into an empty PostgreSQL database:
 * migrates the target, refuses one that holds any record, copies every table (discovered from
 * the schema) in foreign-key order inside one read transaction on the source and one write
 * transaction on the target, resets sequences, then verifies row counts and per-table checksums
 * of a canonical rendering of each row in primary-key order.
 */
export async function moveStore(
  source: Db,
  target: Db,
  options: { onTable?: (table: string, rows: number) => void } = {},
): Promise<MoveReport> {
  if (isPostgres(source)) throw MoveErrors.sourceNotEmbedded()
  if (!isPostgres(target)) throw MoveErrors.targetNotPostgres()
  await migrateToLatest(target)
  const targetTables = new Map((await listTables(target)).map((t) => [t.name, t]))
  // Every record of a store carries created_at; rows the migrations seed (a counter) do not.
  for (const table of targetTables.values()) {
    if (!table.columns.some((c) => c.name === 'created_at')) continue
    const row = await target
      .selectFrom(table.name)
      .select(sql`1`.as('one'))
      .limit(1)
      .executeTakeFirst()
    if (row) throw MoveErrors.targetNotEmpty(table.name)
  }

  return source.transaction().execute(async (snapshot) => {
    const sourceTables = await listTables(snapshot)
    const skipped = sourceTables.filter((t) => !targetTables.has(t.name)).map((t) => t.name)
    const tables = fkOrder(sourceTables.filter((t) => targetTables.has(t.name)))
    await target.transaction().execute(async (tx) => {
      for (const table of tables) {
        const into = targetTables.get(table.name)!
        const columns = into.columns.filter((c) => !c.generated && table.columns.some((s) => s.name === c.name))
        await tx.deleteFrom(table.name).execute()
        let copied = 0
        for await (const rows of readRows(snapshot, table, columnsOf(table, columns))) {
          const converted = orderSelfReferences(table, rows).map((r) => convert(r, columns))
          for (let i = 0; i < converted.length; i += BATCH)
            await tx
              .insertInto(table.name)
              .values(converted.slice(i, i + BATCH))
              .execute()
          copied += rows.length
        }
        await resetSequences(tx, table.name)
        options.onTable?.(table.name, copied)
      }
    })
    const reports: TableReport[] = []
    for (const table of tables) {
      const into = targetTables.get(table.name)!
      const columns = into.columns.filter((c) => !c.generated && table.columns.some((s) => s.name === c.name))
      const [a, b] = [await checksum(snapshot, table, columns), await checksum(target, into, columns)]
      if (a.rows !== b.rows) throw MoveErrors.mismatch(`${table.name} has ${a.rows} rows, the copy ${b.rows}`)
      if (a.hash !== b.hash) throw MoveErrors.mismatch(`${table.name} checksums differ`)
      reports.push({ table: table.name, rows: a.rows, checksum: a.hash, target_checksum: b.hash })
    }
    return { tables: reports, skipped }
  })
}

/** Parents before children; a table that references itself is handled row by row. */
export function fkOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const ordered: TableInfo[] = []
  const visit = (table: TableInfo, path: Set<string>) => {
    if (done.has(table.name) || path.has(table.name)) return
    path.add(table.name)
    for (const ref of table.references) {
      const parent = byName.get(ref)
      if (parent && ref !== table.name) visit(parent, path)
    }
    done.add(table.name)
    ordered.push(table)
  }
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table, new Set())
  return ordered
}

function columnsOf(table: TableInfo, columns: ColumnInfo[]): string[] {
  return columns.map((c) => c.name).filter((c) => table.columns.some((s) => s.name === c))
}

async function* readRows(db: Db, table: TableInfo, columns: string[]): AsyncGenerator<Row[]> {
  const order = table.primaryKey.length ? table.primaryKey : columns
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom(table.name).select(columns)
    for (const column of order)
      query = query.orderBy(orderByBinary(db, column, table.columns.find((c) => c.name === column)?.family ?? 'text'))
    const rows = (await query.limit(PAGE).offset(offset).execute()) as Row[]
    if (rows.length === 0) return
    yield rows
    if (rows.length < PAGE) return
  }
}

/** A table whose rows point at each other (categories' parents): parents first within the page. */
function orderSelfReferences(table: TableInfo, rows: Row[]): Row[] {
  if (!table.references.includes(table.name) || !('parent_id' in (rows[0] ?? {}))) return rows
  const ids = new Set(rows.map((r) => r.id))
  const placed = new Set<unknown>()
  const result: Row[] = []
  let pending = rows
  while (pending.length) {
    const next = pending.filter((r) => r.parent_id !== null && ids.has(r.parent_id) && !placed.has(r.parent_id))
    const ready = pending.filter((r) => !next.includes(r))
    if (ready.length === 0) return [...result, ...pending]
    for (const r of ready) {
      placed.add(r.id)
      result.push(r)
    }
    pending = next
  }
  return result
}

function convert(row: Row, columns: ColumnInfo[]): Row {
  const out: Row = {}
  for (const c of columns) {
    const v = row[c.name]
    if (v === null || v === undefined) out[c.name] = null
    else if (c.family === 'boolean') out[c.name] = v === true || v === 1 || v === '1' || v === 'true'
    else if (c.family === 'json') out[c.name] = typeof v === 'string' ? v : JSON.stringify(v)
    else out[c.name] = v
  }
  return out
}

/** One value rendered the same whichever database it came from. */
function canonical(value: unknown, family: ColumnFamily): string {
  if (value === null || value === undefined) return '\u2205'
  switch (family) {
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 'true' ? 't' : 'f'
    case 'json':
      return JSON.stringify(sortKeys(typeof value === 'string' ? JSON.parse(value) : value))
    case 'timestamp':
      return new Date(value as string).toISOString()
    case 'integer':
      return BigInt(String(value)).toString()
    case 'real':
      return String(Number(value))
    default:
      return String(value)
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Row)
        .sort()
        .map((k) => [k, sortKeys((value as Row)[k])]),
    )
  }
  return value
}

/** sha256 over the canonical rendering of every row, in primary-key (byte) order. */
async function checksum(db: Db, table: TableInfo, columns: ColumnInfo[]): Promise<{ rows: number; hash: string }> {
  const hash = createHash('sha256')
  const names = columns.map((c) => c.name).sort()
  const families = new Map(columns.map((c) => [c.name, c.family]))
  let rows = 0
  for await (const page of readRows(db, table, names)) {
    for (const row of page) {
      hash.update(JSON.stringify(names.map((n) => canonical(row[n], families.get(n)!))))
      hash.update('\n')
      rows++
    }
  }
  return { rows, hash: hash.digest('hex') }
}
