import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso } from '../db/dialect.js'
import type { Category, Collection, Translation } from './catalog.js'

type Db = Kysely<Database>
export type Grouping = 'collection' | 'category'

/** Collections and categories share one shape; categories add a parent and a position. */
export async function findGroupings(db: Db, kind: Grouping, where: { ids?: string[]; handle?: string } = {}): Promise<(Collection | Category)[]> {
  const translationTable = kind === 'collection' ? 'collection_translation' : 'category_translation'
  const key = kind === 'collection' ? 'collection_id' : 'category_id'
  let query = db
    .selectFrom(`${kind} as g` as 'collection as g')
    .selectAll('g')
    .select((eb) =>
      jsonArrayFrom(
        db,
        eb
          .selectFrom(`${translationTable} as tr` as 'collection_translation as tr')
          .select(['tr.locale', 'tr.title', 'tr.description'])
          .whereRef(`tr.${key}` as 'tr.collection_id', '=', 'g.id')
          .orderBy('tr.locale'),
      ).as('translations'),
    )
  if (where.ids) query = query.where('g.id', 'in', where.ids.length ? where.ids : [''])
  if (where.handle) query = query.where('g.handle', '=', where.handle)
  if (kind === 'category') query = query.orderBy('g.position' as 'g.id')
  query = query.orderBy('g.title').orderBy('g.id')
  const rows = await query.execute()
  return rows.map((row) => {
    const base: Collection = {
      id: row.id,
      handle: row.handle,
      title: row.title,
      description: row.description,
      translations: parseJson<Translation[]>(row.translations, []),
      metadata: parseJson(row.metadata, {}),
      created_at: toIso(row.created_at),
      updated_at: toIso(row.updated_at),
    }
    if (kind === 'collection') return base
    const r = row as unknown as { parent_id: string | null; position: number }
    return { ...base, parent_id: r.parent_id, position: Number(r.position) }
  })
}

export async function findGroupingIdByHandle(db: Db, kind: Grouping, handle: string): Promise<string | undefined> {
  const row = await db.selectFrom(kind).select('id').where('handle', '=', handle).executeTakeFirst()
  return row?.id
}

export async function insertGrouping(db: Db, kind: Grouping, row: Record<string, unknown>): Promise<void> {
  await db.insertInto(kind).values(row as never).execute()
}

export async function updateGrouping(db: Db, kind: Grouping, id: string, patch: Record<string, unknown>): Promise<void> {
  await db.updateTable(kind).set(patch as never).where('id', '=', id).execute()
}

export async function deleteGrouping(db: Db, kind: Grouping, id: string): Promise<void> {
  await db.deleteFrom(kind).where('id', '=', id).execute()
}

export async function replaceGroupingTranslations(db: Db, kind: Grouping, id: string, translations: Translation[]): Promise<void> {
  const table = kind === 'collection' ? 'collection_translation' : 'category_translation'
  const key = kind === 'collection' ? 'collection_id' : 'category_id'
  await db.deleteFrom(table).where(key as 'collection_id', '=', id).execute()
  if (translations.length) {
    await db
      .insertInto(table)
      .values(translations.map((t) => ({ [key]: id, locale: t.locale, title: t.title ?? null, description: t.description ?? null })) as never)
      .execute()
  }
}

export async function groupingProductIds(db: Db, kind: Grouping, id: string): Promise<string[]> {
  const table = kind === 'collection' ? 'product_collection' : 'product_category'
  const key = kind === 'collection' ? 'collection_id' : 'category_id'
  const rows = await db.selectFrom(table).select('product_id').where(key as 'collection_id', '=', id).execute()
  return rows.map((r) => r.product_id)
}

export async function linkProducts(db: Db, kind: Grouping, id: string, add: string[], remove: string[]): Promise<void> {
  const table = kind === 'collection' ? 'product_collection' : 'product_category'
  const key = kind === 'collection' ? 'collection_id' : 'category_id'
  if (remove.length) await db.deleteFrom(table).where(key as 'collection_id', '=', id).where('product_id', 'in', remove).execute()
  if (add.length) {
    await db
      .insertInto(table)
      .values(add.map((product_id) => ({ [key]: id, product_id })) as never)
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
}

export async function countChildren(db: Db, id: string): Promise<number> {
  const row = await db.selectFrom('category').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findParentId(db: Db, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('category').select('parent_id').where('id', '=', id).executeTakeFirst()
  return row ? row.parent_id : undefined
}
