import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import pg from 'pg'
import { CurrentSchemaPostgresDialect } from './current-schema-introspector.js'
import type { Database } from './database.js'
import { SqliteValuesPlugin } from './dialect.js'
import { withStatementCache } from './statement-cache.js'

// int8 (bigint) columns hold money: parse them as numbers; amounts stay below 2^53 (see MAX_AMOUNT).
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10))

export type DialectName = 'sqlite' | 'postgres'

export interface DbHandle {
  db: Kysely<Database>
  dialect: DialectName
  destroy(): Promise<void>
  /** PostgreSQL: the pool's connections now (SQLite has one connection and no pool). */
  poolStats?(): PoolStats
}

export interface PoolStats {
  max: number
  total: number
  idle: number
  waiting: number
}

export interface DbOptions {
  /** `postgres://...` for PostgreSQL; otherwise a SQLite file path or `:memory:`. */
  url: string
  /** PostgreSQL only: the schema to use (tests isolate themselves with one each). */
  schema?: string
  /** PostgreSQL pool size. */
  poolSize?: number
  /** SQLite only: prepared statements kept by SQL text (default 500; 0 prepares each query anew). */
  statementCache?: number
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url)
}

/** Opens the database a URL names: PostgreSQL for `postgres://`, else embedded SQLite (WAL, foreign keys on). */
export function createDb(options: DbOptions): DbHandle {
  if (isPostgresUrl(options.url)) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) })
    const max = options.poolSize ?? 10
    return {
      db,
      dialect: 'postgres',
      destroy: () => db.destroy(),
      poolStats: () => ({ max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    }
  }
  if (options.url !== ':memory:') mkdirSync(dirname(options.url), { recursive: true })
  const sqlite = new SQLite(options.url)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: options.statementCache === 0 ? sqlite : withStatementCache(sqlite, options.statementCache) }),
    plugins: [new SqliteValuesPlugin()],
  })
  return { db, dialect: 'sqlite', destroy: () => db.destroy() }
}
