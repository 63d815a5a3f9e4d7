import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

// Keeps every IN list well below SQLite's bound-parameter limit.
const CHUNK = 500

/** Which of these product handles exist already. */
export async function findExistingHandles(db: Db, handles: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < handles.length; i += CHUNK) {
    const rows = await db.selectFrom('product').select('handle').where('handle', 'in', handles.slice(i, i + CHUNK)).execute()
    for (const row of rows) found.add(row.handle)
  }
  return found
}

/** Which of these SKUs a variant holds already. */
export async function findExistingSkus(db: Db, skus: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < skus.length; i += CHUNK) {
    const rows = await db.selectFrom('product_variant').select('sku').where('sku', 'in', skus.slice(i, i + CHUNK)).execute()
    for (const row of rows) if (row.sku) found.add(row.sku)
  }
  return found
}
