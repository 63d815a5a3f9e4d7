import { addToDefaultChannel, type Ctx, type Database, indexProducts } from '@kassa/core'
import { type Insertable, type Kysely, sql } from 'kysely'
import type { BenchProduct } from './catalog.js'

/** Bound parameters per statement: below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000
/** Products handed to the search indexer at a time. */
const INDEX_BATCH = 1_000

type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] }

/**
 * Writes products as multi-row inserts with ids derived from the product number (no randomness to pay for), table by table, in the caller's transaction, then indexes
 * them for search with the engine's own indexer. The rows are what `createProduct` would write;
 * the service path costs a few round trips per row, far too slow for 100k products.
 */
export async function insertProductsInBulk(
  tx: Ctx,
  products: BenchProduct[],
  categoryIds: Map<string, string>,
  { createdAt, analyze }: { createdAt: (i: number) => string; analyze: boolean },
) {
  const rows: Required<Pick<Rows, (typeof TABLE_ORDER)[number]>> = Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as never
  const ids: string[] = []
  products.forEach((product, n) => {
    const { input } = product
    const key = `bench${String(product.index).padStart(10, '0')}`
    const id = `prod_${key}`
    const at = createdAt(n)
    ids.push(id)
    rows.product.push({
      id,
      handle: input.handle,
      title: input.title,
      subtitle: null,
      description: input.description ?? '',
      status: 'published',
      metadata: '{}',
      published_at: at,
      created_at: at,
      updated_at: at,
    })
    const valueIds = new Map<string, string>()
    input.options.forEach((option, position) => {
      const optionId = `opt_${key}_${position}`
      rows.product_option.push({ id: optionId, product_id: id, title: option.title, position })
      option.values.forEach((value, valuePosition) => {
        const valueId = `optval_${key}_${position}_${valuePosition}`
        valueIds.set(`${option.title}\u0000${value}`, valueId)
        rows.product_option_value.push({ id: valueId, option_id: optionId, value, position: valuePosition })
      })
    })
    for (const [position, variant] of (input.variants ?? []).entries()) {
      const variantId = `var_${key}_${position}`
      rows.product_variant.push({
        id: variantId,
        product_id: id,
        title: variant.title ?? '',
        sku: variant.sku ?? null,
        barcode: null,
        weight_grams: variant.weight_grams ?? null,
        position,
        archived_at: null,
        metadata: '{}',
        created_at: at,
        updated_at: at,
      })
      for (const [title, value] of Object.entries(variant.options ?? {})) {
        rows.variant_option_value.push({ variant_id: variantId, option_value_id: valueIds.get(`${title}\u0000${value}`)! })
      }
      for (const price of variant.prices ?? [])
        rows.price.push({ id: `price_${key}_${position}_${price.currency_code}`, variant_id: variantId, ...price })
    }
    ;(input.media ?? []).forEach((m, position) =>
      rows.product_media.push({ id: `media_${key}_${position}`, product_id: id, url: m.url, alt: m.alt ?? null, position }),
    )
    for (const value of input.tags ?? []) rows.product_tag.push({ product_id: id, value })
    rows.product_category.push({ category_id: categoryIds.get(product.category)!, product_id: id })
  })
  for (const table of TABLE_ORDER) await insertRows(tx.db, table, rows[table])
  await addToDefaultChannel(tx, ids)
  // PostgreSQL plans the indexer's per-product subqueries from statistics; a bulk load has none, and
  // then it scans all of `price` once per product. ANALYZE inside the transaction counts its rows.
  if (analyze) await sql`analyze ${sql.join(TABLE_ORDER.map((t) => sql.table(t)))}`.execute(tx.db)
  for (let i = 0; i < ids.length; i += INDEX_BATCH) await indexProducts(tx, ids.slice(i, i + INDEX_BATCH))
  return ids
}

/** Parents before children, as the foreign keys want. */
const TABLE_ORDER = [
  'product',
  'product_option',
  'product_option_value',
  'product_variant',
  'variant_option_value',
  'price',
  'product_media',
  'product_tag',
  'product_category',
] as const

async function insertRows<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  if (rows.length === 0) return
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length))
  for (let i = 0; i < rows.length; i += perStatement) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute()
  }
}
