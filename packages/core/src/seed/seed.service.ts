import {
  type Category,
  type Collection,
  createCategory,
  createCollection,
  createProduct,
  findGroupingByHandle,
} from '../catalog/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors } from '../kernel/errors.js'
import { demoProducts } from './demo-catalog.js'
import { seedDemoStock } from './demo-stock.js'
import type { DemoProduct } from './demo-product.js'
import { DEMO_CATEGORIES, DEMO_COLLECTIONS, type DemoGrouping } from './demo-groupings.js'
import { seedDemoRegions } from './demo-regions.js'
import { seedDemoPromotions } from './demo-promotions.js'
import { findExistingHandles, findExistingSkus } from './seed.repository.js'

export interface SeedDemoOptions {
  /** How many demo products to create, at most the whole demo catalog (default: all of it). */
  products?: number
}

export interface SeedCounts {
  products: number
  collections: number
  categories: number
}

export interface SeedDemoResult {
  created: SeedCounts
  /** Already there (same handle, or a product holding one of its SKUs), so left untouched. */
  skipped: SeedCounts
}

/**
 * Creates the demo catalog through the catalog services, in one transaction. Whatever exists
 * already (by handle; products also by SKU) is skipped, so running it again creates nothing.
 * @example const { created, skipped } = await seedDemo(commerce.ctx())
 */
export async function seedDemo(ctx: Ctx, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const count = options.products ?? demoProducts().length
  if (!Number.isInteger(count) || count < 0) {
    throw CommonErrors.validation([{ path: 'products', code: 'invalid_type', message: 'A non-negative whole number' }])
  }
  const created: SeedCounts = { products: 0, collections: 0, categories: 0 }
  const skipped: SeedCounts = { products: 0, collections: 0, categories: 0 }
  await inTransaction(ctx, async (tx) => {
    const categoryIds = new Map<string, string>()
    for (const category of DEMO_CATEGORIES) {
      const parentId = category.parent ? categoryIds.get(category.parent) : undefined
      const position = DEMO_CATEGORIES.filter((c) => c.parent === category.parent).indexOf(category)
      const { id, isNew } = await ensureGrouping(tx, 'category', category, (input) =>
        createCategory(tx, { ...input, parent_id: parentId ?? null, position }),
      )
      categoryIds.set(category.handle, id)
      tally(isNew ? created : skipped, 'categories')
    }
    await seedDemoRegions(tx, { booksCategoryId: categoryIds.get('books') })
    const collectionIds = new Map<string, string>()
    for (const collection of DEMO_COLLECTIONS) {
      const { id, isNew } = await ensureGrouping(tx, 'collection', collection, (input) => createCollection(tx, input))
      collectionIds.set(collection.handle, id)
      tally(isNew ? created : skipped, 'collections')
    }
    const wanted = demoProducts().slice(0, count)
    const skusOf = (product: DemoProduct) => product.input.variants!.map((v) => v.sku!)
    const handles = await findExistingHandles(tx.db, wanted.map((p) => p.handle))
    const skus = await findExistingSkus(tx.db, wanted.flatMap(skusOf))
    for (const product of wanted) {
      // A demo product whose handle was edited still holds its SKUs: leave it alone rather than fail.
      if (handles.has(product.handle) || skusOf(product).some((sku) => skus.has(sku))) {
        tally(skipped, 'products')
        continue
      }
      await createProduct(tx, {
        ...product.input,
        category_ids: [categoryIds.get(product.category)!],
        collection_ids: product.collections.map((handle) => collectionIds.get(handle)!),
      })
      tally(created, 'products')
    }
    await seedDemoStock(tx, wanted.flatMap(skusOf))
    await seedDemoPromotions(tx)
  })
  return { created, skipped }
}

function tally(counts: SeedCounts, key: keyof SeedCounts): void {
  counts[key] += 1
}

async function ensureGrouping(
  ctx: Ctx,
  kind: 'collection' | 'category',
  grouping: DemoGrouping,
  create: (input: { handle: string; title: string; description: string; translations: { locale: string; title: string; description: string }[] }) => Promise<Collection | Category>,
): Promise<{ id: string; isNew: boolean }> {
  const existing = await findGroupingByHandle(ctx, kind, grouping.handle)
  if (existing) return { id: existing.id, isNew: false }
  const made = await create({
    handle: grouping.handle,
    title: grouping.title.en,
    description: grouping.description.en,
    translations: [{ locale: 'nl', title: grouping.title.nl, description: grouping.description.nl }],
  })
  return { id: made.id, isNew: true }
}
