import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

type Db = Kysely<Database>

export async function insertDraftOrder(db: Db, row: { cart_id: string; created_by: string | null; created_at: string }): Promise<void> {
  await db.insertInto('draft_order').values(row).execute()
}

export async function isDraftOrder(db: Db, cartId: string): Promise<boolean> {
  return (await db.selectFrom('draft_order').select('cart_id').where('cart_id', '=', cartId).executeTakeFirst()) !== undefined
}
