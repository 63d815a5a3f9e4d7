import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

// Keeps every statement well below SQLite's bound-parameter limit.
const CHUNK = 300

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/** The product of each variant id that exists. */
export async function findVariantProducts(db: Db, variantIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const part of chunks([...new Set(variantIds)])) {
    const rows = await db.selectFrom('product_variant').select(['id', 'product_id']).where('id', 'in', part).execute()
    for (const row of rows) found.set(row.id, row.product_id)
  }
  return found
}

/** Sets one price per (variant, currency): inserted when missing, the amount changed otherwise. */
export async function upsertVariantPrices(
  db: Db,
  rows: { id: string; variant_id: string; currency_code: string; amount: number }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('price')
      .values(part)
      .onConflict((oc) => oc.columns(['variant_id', 'currency_code']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })))
      .execute()
  }
}

export async function touchProducts(db: Db, ids: string[], now: string): Promise<void> {
  for (const part of chunks(ids)) await db.updateTable('product').set({ updated_at: now }).where('id', 'in', part).execute()
}
