import { type Kysely, Migrator, PostgresAdapter, sql } from 'kysely'
import { migrations } from '../migrations/index.js'

/** Brings the database to the newest migration; returns the names it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Unless told the schema, Kysely takes another schema's migration tables for its own: on a
  // PostgreSQL server that holds several schemas (parallel test runs) the migration then fails.
  const schema = db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ name: string }>`select current_schema() as name`.execute(db)).rows[0]?.name : undefined
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema && { migrationTableSchema: schema }) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
