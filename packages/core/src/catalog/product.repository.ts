import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { jsonArrayFrom, parseJson, toIso, toIsoOrNull } from '../db/dialect.js'
import type { Media, Price, Product, ProductOption, ProductStatus, Translation, Variant } from './catalog.js'

type Db = Kysely<Database>

/** Reads whole products (options, variants, prices, media, translations, links) in one round trip. */
export async function findProductsByIds(db: Db, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return []
  const rows = await selectProducts(db).where('p.id', 'in', ids).execute()
  const byId = new Map(rows.map((row) => [row.id, toProduct(row)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function findProductById(db: Db, id: string): Promise<Product | undefined> {
  const row = await selectProducts(db).where('p.id', '=', id).executeTakeFirst()
  return row && toProduct(row)
}

export async function findProductIdByHandle(db: Db, handle: string): Promise<string | undefined> {
  const row = await db.selectFrom('product').select('id').where('handle', '=', handle).executeTakeFirst()
  return row?.id
}

function selectProducts(db: Db) {
  return db
    .selectFrom('product as p')
    .selectAll('p')
    .select((eb) => [
      jsonArrayFrom(db, eb.selectFrom('product_tag as t').select('t.value').whereRef('t.product_id', '=', 'p.id').orderBy('t.value')).as('tags'),
      jsonArrayFrom(
        db,
        eb.selectFrom('product_media as m').select(['m.id', 'm.url', 'm.alt', 'm.position']).whereRef('m.product_id', '=', 'p.id').orderBy('m.position'),
      ).as('media'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_translation as tr')
          .select(['tr.locale', 'tr.title', 'tr.subtitle', 'tr.description'])
          .whereRef('tr.product_id', '=', 'p.id')
          .orderBy('tr.locale'),
      ).as('translations'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_option as o')
          .innerJoin('product_option_value as ov', 'ov.option_id', 'o.id')
          .select(['o.id', 'o.title', 'o.position', 'ov.value', 'ov.position as value_position'])
          .whereRef('o.product_id', '=', 'p.id')
          .orderBy('o.position')
          .orderBy('ov.position'),
      ).as('option_values'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_variant as v')
          .select(['v.id', 'v.title', 'v.sku', 'v.barcode', 'v.weight_grams', 'v.position', 'v.archived_at', 'v.metadata', 'v.manage_inventory', 'v.allow_backorder', 'v.created_at', 'v.updated_at'])
          .whereRef('v.product_id', '=', 'p.id')
          .orderBy('v.position'),
      ).as('variants'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_variant as v')
          .innerJoin('variant_option_value as vov', 'vov.variant_id', 'v.id')
          .innerJoin('product_option_value as ov', 'ov.id', 'vov.option_value_id')
          .innerJoin('product_option as o', 'o.id', 'ov.option_id')
          .select(['v.id as variant_id', 'o.title', 'ov.value'])
          .whereRef('v.product_id', '=', 'p.id'),
      ).as('variant_options'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('product_variant as v')
          .innerJoin('price as pr', 'pr.variant_id', 'v.id')
          .select(['v.id as variant_id', 'pr.currency_code', 'pr.amount'])
          .whereRef('v.product_id', '=', 'p.id')
          .orderBy('pr.currency_code'),
      ).as('prices'),
      jsonArrayFrom(db, eb.selectFrom('product_collection as pc').select('pc.collection_id').whereRef('pc.product_id', '=', 'p.id').orderBy('pc.collection_id')).as(
        'collections',
      ),
      jsonArrayFrom(db, eb.selectFrom('product_category as pc').select('pc.category_id').whereRef('pc.product_id', '=', 'p.id').orderBy('pc.category_id')).as(
        'categories',
      ),
    ])
}

type ProductRow = Awaited<ReturnType<ReturnType<typeof selectProducts>['executeTakeFirstOrThrow']>>

interface VariantJson {
  id: string
  title: string
  sku: string | null
  barcode: string | null
  weight_grams: number | null
  position: number
  archived_at: string | null
  metadata: unknown
  manage_inventory: boolean | number
  allow_backorder: boolean | number
  created_at: string
  updated_at: string
}

function toProduct(row: ProductRow): Product {
  const optionValues = parseJson<{ id: string; title: string; position: number; value: string }[]>(row.option_values, [])
  const options: ProductOption[] = []
  for (const ov of optionValues) {
    let option = options.find((o) => o.id === ov.id)
    if (!option) options.push((option = { id: ov.id, title: ov.title, position: ov.position, values: [] }))
    option.values.push(ov.value)
  }
  const variantOptions = parseJson<{ variant_id: string; title: string; value: string }[]>(row.variant_options, [])
  const prices = parseJson<(Price & { variant_id: string })[]>(row.prices, [])
  const variants: Variant[] = parseJson<VariantJson[]>(row.variants, []).map((v) => ({
    id: v.id,
    product_id: row.id,
    title: v.title,
    sku: v.sku,
    barcode: v.barcode,
    weight_grams: v.weight_grams,
    position: v.position,
    options: Object.fromEntries(
      options.flatMap((o) => variantOptions.filter((x) => x.variant_id === v.id && x.title === o.title).map((x) => [x.title, x.value])),
    ),
    prices: prices.filter((p) => p.variant_id === v.id).map((p) => ({ currency_code: p.currency_code, amount: Number(p.amount) })),
    manage_inventory: Boolean(v.manage_inventory),
    allow_backorder: Boolean(v.allow_backorder),
    archived_at: toIsoOrNull(v.archived_at),
    metadata: parseJson(v.metadata, {}),
    created_at: toIso(v.created_at),
    updated_at: toIso(v.updated_at),
  }))
  return {
    id: row.id,
    handle: row.handle,
    title: row.title,
    subtitle: row.subtitle,
    description: row.description,
    status: row.status as ProductStatus,
    tags: parseJson<{ value: string }[]>(row.tags, []).map((t) => t.value),
    media: parseJson<Media[]>(row.media, []),
    options,
    variants,
    collection_ids: parseJson<{ collection_id: string }[]>(row.collections, []).map((c) => c.collection_id),
    category_ids: parseJson<{ category_id: string }[]>(row.categories, []).map((c) => c.category_id),
    translations: parseJson<Translation[]>(row.translations, []),
    metadata: parseJson(row.metadata, {}),
    published_at: toIsoOrNull(row.published_at),
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export interface ProductRowInput {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string
  status: ProductStatus
  metadata: string
  published_at: string | null
  created_at: string
  updated_at: string
}

export async function insertProduct(db: Db, row: ProductRowInput): Promise<void> {
  await db.insertInto('product').values(row).execute()
}

export async function updateProductRow(db: Db, id: string, patch: Partial<ProductRowInput>): Promise<void> {
  await db.updateTable('product').set(patch).where('id', '=', id).execute()
}

export async function deleteProductRow(db: Db, id: string): Promise<number> {
  const result = await db.deleteFrom('product').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function replaceTags(db: Db, productId: string, tags: string[]): Promise<void> {
  await db.deleteFrom('product_tag').where('product_id', '=', productId).execute()
  const unique = [...new Set(tags)]
  if (unique.length) await db.insertInto('product_tag').values(unique.map((value) => ({ product_id: productId, value }))).execute()
}

export async function replaceMedia(db: Db, productId: string, media: { id: string; url: string; alt: string | null }[]): Promise<void> {
  await db.deleteFrom('product_media').where('product_id', '=', productId).execute()
  if (media.length) {
    await db
      .insertInto('product_media')
      .values(media.map((m, position) => ({ id: m.id, product_id: productId, url: m.url, alt: m.alt, position })))
      .execute()
  }
}

export async function replaceProductTranslations(db: Db, productId: string, translations: Translation[]): Promise<void> {
  await db.deleteFrom('product_translation').where('product_id', '=', productId).execute()
  if (translations.length) {
    await db
      .insertInto('product_translation')
      .values(
        translations.map((t) => ({
          product_id: productId,
          locale: t.locale,
          title: t.title ?? null,
          subtitle: t.subtitle ?? null,
          description: t.description ?? null,
        })),
      )
      .execute()
  }
}

export async function replaceProductLinks(db: Db, table: 'product_collection' | 'product_category', productId: string, ids: string[]): Promise<void> {
  const column = table === 'product_collection' ? 'collection_id' : 'category_id'
  await db.deleteFrom(table).where('product_id', '=', productId).execute()
  const unique = [...new Set(ids)]
  if (unique.length) {
    await db
      .insertInto(table)
      .values(unique.map((id) => ({ [column]: id, product_id: productId }) as { collection_id: string; category_id: string; product_id: string }))
      .execute()
  }
}

export async function insertOption(db: Db, option: { id: string; product_id: string; title: string; position: number }, values: { id: string; value: string }[]) {
  await db.insertInto('product_option').values(option).execute()
  if (values.length) {
    await db
      .insertInto('product_option_value')
      .values(values.map((v, position) => ({ id: v.id, option_id: option.id, value: v.value, position })))
      .execute()
  }
}

export async function findOptionValueIds(db: Db, productId: string): Promise<{ id: string; title: string; value: string }[]> {
  return db
    .selectFrom('product_option as o')
    .innerJoin('product_option_value as ov', 'ov.option_id', 'o.id')
    .select(['ov.id', 'o.title', 'ov.value'])
    .where('o.product_id', '=', productId)
    .execute()
}

/** The option value ids of each variant of a product. */
export async function findVariantOptionValueIds(db: Db, productId: string): Promise<string[][]> {
  const rows = await db
    .selectFrom('variant_option_value as vov')
    .innerJoin('product_variant as v', 'v.id', 'vov.variant_id')
    .select(['v.id', 'vov.option_value_id'])
    .where('v.product_id', '=', productId)
    .execute()
  const byVariant = new Map<string, string[]>()
  for (const row of rows) byVariant.set(row.id, [...(byVariant.get(row.id) ?? []), row.option_value_id])
  return [...byVariant.values()]
}

/** An option's values with how many variants use each, in order. */
export async function findOptionValues(db: Db, optionId: string): Promise<{ id: string; value: string; position: number; used: number }[]> {
  const rows = await db
    .selectFrom('product_option_value as ov')
    .leftJoin('variant_option_value as vov', 'vov.option_value_id', 'ov.id')
    .select((eb) => ['ov.id', 'ov.value', 'ov.position', eb.fn.count<number | string>('vov.variant_id').as('used')])
    .where('ov.option_id', '=', optionId)
    .groupBy(['ov.id', 'ov.value', 'ov.position'])
    .orderBy('ov.position')
    .execute()
  return rows.map((r) => ({ id: r.id, value: r.value, position: r.position, used: Number(r.used) }))
}

/** Rewrites an option's title and values: kept values keep their id (and their variants), new ones are added. */
export async function updateOptionRows(
  db: Db,
  optionId: string,
  patch: { title?: string; keep?: { id: string; position: number }[]; add?: { id: string; value: string; position: number }[]; remove?: string[] },
): Promise<void> {
  if (patch.title !== undefined) await db.updateTable('product_option').set({ title: patch.title }).where('id', '=', optionId).execute()
  if (patch.remove?.length) await db.deleteFrom('product_option_value').where('id', 'in', patch.remove).execute()
  for (const k of patch.keep ?? []) await db.updateTable('product_option_value').set({ position: k.position }).where('id', '=', k.id).execute()
  if (patch.add?.length) {
    await db
      .insertInto('product_option_value')
      .values(patch.add.map((v) => ({ id: v.id, option_id: optionId, value: v.value, position: v.position })))
      .execute()
  }
}

export async function deleteOptionRow(db: Db, productId: string, optionId: string): Promise<number> {
  const result = await db.deleteFrom('product_option').where('id', '=', optionId).where('product_id', '=', productId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface VariantRowInput {
  id: string
  product_id: string
  title: string
  sku: string | null
  barcode: string | null
  weight_grams: number | null
  position: number
  metadata: string
  manage_inventory?: boolean
  allow_backorder?: boolean
  created_at: string
  updated_at: string
}

export async function insertVariant(db: Db, row: VariantRowInput, optionValueIds: string[]): Promise<void> {
  await db.insertInto('product_variant').values(row).execute()
  if (optionValueIds.length) {
    await db
      .insertInto('variant_option_value')
      .values(optionValueIds.map((option_value_id) => ({ variant_id: row.id, option_value_id })))
      .execute()
  }
}

export async function updateVariantRow(db: Db, id: string, patch: Partial<VariantRowInput> & { archived_at?: string | null }): Promise<void> {
  await db.updateTable('product_variant').set(patch).where('id', '=', id).execute()
}

export async function deleteVariantRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('product_variant').where('id', '=', id).execute()
}

export async function nextVariantPosition(db: Db, productId: string): Promise<number> {
  const row = await db
    .selectFrom('product_variant')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('product_id', '=', productId)
    .executeTakeFirst()
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1
}

export async function replacePrices(db: Db, variantId: string, prices: { id: string; currency_code: string; amount: number }[]): Promise<void> {
  await db.deleteFrom('price').where('variant_id', '=', variantId).execute()
  if (prices.length) await db.insertInto('price').values(prices.map((p) => ({ ...p, variant_id: variantId }))).execute()
}

export async function existingIds(db: Db, table: 'collection' | 'category' | 'product', ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}
