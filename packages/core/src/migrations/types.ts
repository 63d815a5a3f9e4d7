import type { Kysely } from 'kysely'
import { isPostgres } from '../db/dialect.js'

/** Column types that differ by dialect, for migrations. */
export function columnTypes(db: Kysely<any>) {
  const pg = isPostgres(db)
  return {
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    bool: pg ? ('boolean' as const) : ('integer' as const),
    json: pg ? ('jsonb' as const) : ('text' as const),
    money: 'bigint' as const,
  }
}
