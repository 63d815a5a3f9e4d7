/**
 * The seam between the two databases. Modules never branch on the dialect themselves: they call
 * these helpers, which pick the PostgreSQL or SQLite form.
 */
import {
  type Expression,
  type Kysely,
  OperationNodeTransformer,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
  PostgresAdapter,
  type RawBuilder,
  sql,
} from 'kysely'
import * as pgHelpers from 'kysely/helpers/postgres'
import * as sqliteHelpers from 'kysely/helpers/sqlite'

export type AnyDb = Kysely<any>

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** A nested list as JSON in one round trip (`jsonArrayFrom` of the right dialect). */
export function jsonArrayFrom<O>(db: AnyDb, expr: Expression<O>): RawBuilder<O[]> {
  const helper = isPostgres(db) ? pgHelpers.jsonArrayFrom : sqliteHelpers.jsonArrayFrom
  return helper(expr as never) as RawBuilder<O[]>
}

export function jsonObjectFrom<O>(db: AnyDb, expr: Expression<O>): RawBuilder<O | null> {
  const helper = isPostgres(db) ? pgHelpers.jsonObjectFrom : sqliteHelpers.jsonObjectFrom
  return helper(expr as never) as RawBuilder<O | null>
}

/** JSON columns come back parsed on PostgreSQL and as text on SQLite. */
export function parseJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback
  if (typeof value === 'string') return JSON.parse(value) as T
  return value as T
}

/** A JSON value to store in a json/jsonb column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null)
}

/** Timestamps come back as Date (PostgreSQL) or ISO text (SQLite); the domain uses ISO strings. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'string') return value.includes('T') ? value : new Date(`${value.replace(' ', 'T')}Z`).toISOString()
  throw new Error(`not a timestamp: ${String(value)}`)
}

export function toIsoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : toIso(value)
}

/** Case-insensitive equality that works on both dialects. */
export function lowerEquals(column: Expression<string>, value: string) {
  return sql<boolean>`lower(${column}) = ${value.toLowerCase()}`
}

/**
 * better-sqlite3 binds no booleans or Dates: the plugin turns them into 1/0 and ISO text before
 * a query runs, so repositories write the same values on both databases.
 */
export class SqliteValuesPlugin implements KyselyPlugin {
  readonly #transformer = new (class extends OperationNodeTransformer {
    protected override transformValue(node: ValueNode): ValueNode {
      return { ...node, value: convert(node.value) }
    }
    protected override transformPrimitiveValueList(node: any): any {
      return { ...node, values: node.values.map(convert) }
    }
  })()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}

function convert(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value
}

export interface ConstraintViolation {
  kind: 'unique' | 'foreign_key' | 'check' | 'not_null'
  /** The constraint or the `table.column` list the database names. */
  detail: string
}

/** Recognizes a constraint violation from either driver. */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  if (!error || typeof error !== 'object') return undefined
  const e = error as { code?: string; constraint?: string; message?: string; detail?: string }
  const pgKinds: Record<string, ConstraintViolation['kind']> = { '23505': 'unique', '23503': 'foreign_key', '23514': 'check', '23502': 'not_null' }
  if (e.code && pgKinds[e.code]) return { kind: pgKinds[e.code]!, detail: `${e.constraint ?? ''} ${e.detail ?? ''}`.trim() }
  const sqliteKinds: Record<string, ConstraintViolation['kind']> = {
    SQLITE_CONSTRAINT_UNIQUE: 'unique',
    SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
    SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
    SQLITE_CONSTRAINT_CHECK: 'check',
    SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  }
  if (e.code && sqliteKinds[e.code]) return { kind: sqliteKinds[e.code]!, detail: e.message ?? '' }
  return undefined
}

/**
 * Locks the selected rows so that concurrent PostgreSQL workers each take different ones
 * (`FOR UPDATE OF <table> SKIP LOCKED`). SQLite has one writer at a time: the query stays as it is.
 */
export function forUpdateSkipLocked<Q extends { forUpdate(of?: any): Q; skipLocked(): Q }>(db: AnyDb, query: Q, of?: string): Q {
  return isPostgres(db) ? query.forUpdate(of).skipLocked() : query
}

/** Refreshes planner statistics after a bulk load: PostgreSQL plans from them; SQLite needs none. */
export async function analyzeTables(db: AnyDb, tables: string[]): Promise<void> {
  if (!isPostgres(db)) return
  for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db)
}

/** The UTC calendar day of a timestamp column as `YYYY-MM-DD` text (SQLite keeps ISO text already). */
export function utcDay(db: AnyDb, column: RawBuilder<unknown> | Expression<unknown>): RawBuilder<string> {
  return isPostgres(db) ? sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`substr(${column}, 1, 10)`
}
