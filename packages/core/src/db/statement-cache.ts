import type { Database as SqliteDatabase, Statement } from 'better-sqlite3'
import type { SqliteDatabase as KyselySqliteDatabase } from 'kysely'

/**
 * The embedded database as Kysely's SQLite dialect sees it, with statements kept prepared by SQL
 * text (the least recently used beyond `max` are dropped). Kysely prepares every query again, and
 * for the catalog's larger reads preparing costs more than running. Safe because the dialect runs
 * one statement at a time on its one connection; SQLite re-prepares a kept statement by itself
 * after a schema change.
 */
export function withStatementCache(db: SqliteDatabase, max = 500): KyselySqliteDatabase {
  const statements = new Map<string, Statement>()
  return {
    close: () => db.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (statement) {
        statements.delete(sql)
      } else {
        statement = db.prepare(sql)
        if (statements.size >= max) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}
