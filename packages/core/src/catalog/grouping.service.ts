import { toJson } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { indexProducts } from '../search/index.js'
import {
  type Category,
  categoryCreateSchema,
  categoryUpdateSchema,
  CatalogErrors,
  type Collection,
  collectionCreateSchema,
  collectionProductsSchema,
  collectionUpdateSchema,
  type CreateCategoryInput,
  type UpdateCategoryInput,
  slugify,
} from './catalog.js'
import { existingIds } from './product.repository.js'
import * as repo from './grouping.repository.js'
import type { Grouping } from './grouping.repository.js'
import { recordCatalogEvent, recordProductsUpdated } from './catalog-events.js'

const errors = {
  collection: { notFound: CatalogErrors.collectionNotFound, handleTaken: CatalogErrors.collectionHandleTaken },
  category: { notFound: CatalogErrors.categoryNotFound, handleTaken: CatalogErrors.categoryHandleTaken },
}

export async function listCollections(ctx: Ctx): Promise<Collection[]> {
  return repo.findGroupings(ctx.db, 'collection')
}

export async function listCategories(ctx: Ctx): Promise<Category[]> {
  return (await repo.findGroupings(ctx.db, 'category')) as Category[]
}

export async function getCollection(ctx: Ctx, id: string): Promise<Collection> {
  return getGrouping(ctx, 'collection', id)
}

export async function getCategory(ctx: Ctx, id: string): Promise<Category> {
  return (await getGrouping(ctx, 'category', id)) as Category
}

export async function findGroupingByHandle(ctx: Ctx, kind: Grouping, handle: string): Promise<Collection | Category | undefined> {
  return (await repo.findGroupings(ctx.db, kind, { handle }))[0]
}

async function getGrouping(ctx: Ctx, kind: Grouping, id: string): Promise<Collection | Category> {
  const [found] = await repo.findGroupings(ctx.db, kind, { ids: [id] })
  if (!found) throw errors[kind].notFound(id)
  return found
}

export async function createCollection(ctx: Ctx, input: unknown): Promise<Collection> {
  return createGrouping(ctx, 'collection', parseInput(collectionCreateSchema, input))
}

export async function createCategory(ctx: Ctx, input: unknown): Promise<Category> {
  return (await createGrouping(ctx, 'category', parseInput(categoryCreateSchema, input))) as Category
}

export async function updateCollection(ctx: Ctx, id: string, input: unknown): Promise<Collection> {
  return updateGrouping(ctx, 'collection', id, parseInput(collectionUpdateSchema, input))
}

export async function updateCategory(ctx: Ctx, id: string, input: unknown): Promise<Category> {
  return (await updateGrouping(ctx, 'category', id, parseInput(categoryUpdateSchema, input))) as Category
}

async function createGrouping(ctx: Ctx, kind: Grouping, input: CreateCategoryInput): Promise<Collection | Category> {
  return inTransaction(ctx, async (tx) => {
    const id = tx.newId(kind === 'collection' ? 'pcol' : 'pcat')
    const handle = input.handle ?? (await freeHandle(tx, kind, slugify(input.title)))
    if (input.handle && (await repo.findGroupingIdByHandle(tx.db, kind, handle))) throw errors[kind].handleTaken(handle)
    if (kind === 'category' && input.parent_id) await getGrouping(tx, 'category', input.parent_id)
    const now = tx.now().toISOString()
    await repo.insertGrouping(tx.db, kind, {
      id,
      handle,
      title: input.title,
      description: input.description ?? '',
      metadata: toJson(input.metadata ?? {}),
      created_at: now,
      updated_at: now,
      ...(kind === 'category' && { parent_id: input.parent_id ?? null, position: input.position ?? 0 }),
    })
    if (input.translations) await writeTranslations(tx, kind, id, input.translations)
    const created = await getGrouping(tx, kind, id)
    await recordGroupingEvent(tx, kind, 'created', created, [])
    return created
  })
}

async function updateGrouping(ctx: Ctx, kind: Grouping, id: string, input: UpdateCategoryInput): Promise<Collection | Category> {
  return inTransaction(ctx, async (tx) => {
    const current = await getGrouping(tx, kind, id)
    if (input.handle && input.handle !== current.handle && (await repo.findGroupingIdByHandle(tx.db, kind, input.handle))) {
      throw errors[kind].handleTaken(input.handle)
    }
    if (kind === 'category' && input.parent_id) await assertNoCycle(tx, id, input.parent_id)
    await repo.updateGrouping(tx.db, kind, id, {
      ...(input.handle !== undefined && { handle: input.handle }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.metadata !== undefined && { metadata: toJson(input.metadata) }),
      ...(kind === 'category' && input.parent_id !== undefined && { parent_id: input.parent_id }),
      ...(kind === 'category' && input.position !== undefined && { position: input.position }),
      updated_at: tx.now().toISOString(),
    })
    if (input.translations) await writeTranslations(tx, kind, id, input.translations)
    const productIds = await repo.groupingProductIds(tx.db, kind, id)
    await indexProducts(tx, productIds)
    const updated = await getGrouping(tx, kind, id)
    await recordGroupingEvent(tx, kind, 'updated', updated, productIds, current.handle)
    return updated
  })
}

export async function deleteCollection(ctx: Ctx, id: string): Promise<void> {
  await deleteGrouping(ctx, 'collection', id)
}

/** Deletes a category; one with subcategories is refused so no subtree is orphaned by accident. */
export async function deleteCategory(ctx: Ctx, id: string): Promise<void> {
  await deleteGrouping(ctx, 'category', id)
}

async function deleteGrouping(ctx: Ctx, kind: Grouping, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await getGrouping(tx, kind, id)
    if (kind === 'category' && (await repo.countChildren(tx.db, id)) > 0) throw CatalogErrors.categoryHasChildren(id)
    const productIds = await repo.groupingProductIds(tx.db, kind, id)
    await repo.deleteGrouping(tx.db, kind, id)
    await indexProducts(tx, productIds)
    await recordGroupingEvent(tx, kind, 'deleted', current, productIds)
  })
}

/** Adds and removes products of a collection or category in one step. */
export async function setGroupingProducts(ctx: Ctx, kind: Grouping, id: string, input: unknown): Promise<Collection | Category> {
  const { add = [], remove = [] } = parseInput(collectionProductsSchema, input)
  return inTransaction(ctx, async (tx) => {
    const grouping = await getGrouping(tx, kind, id)
    const found = await existingIds(tx.db, 'product', add)
    const missing = add.find((p) => !found.has(p))
    if (missing) throw CatalogErrors.productNotFound(missing)
    await repo.linkProducts(tx.db, kind, id, add, remove)
    await indexProducts(tx, [...add, ...remove])
    await recordGroupingEvent(tx, kind, 'updated', grouping, [...new Set([...add, ...remove])])
    await recordProductsUpdated(tx, [...add, ...remove], [kind === 'collection' ? 'collections' : 'categories'])
    return grouping
  })
}

async function recordGroupingEvent(
  ctx: Ctx,
  kind: Grouping,
  action: 'created' | 'updated' | 'deleted',
  grouping: Collection | Category,
  productIds: string[],
  previousHandle?: string,
): Promise<void> {
  await recordCatalogEvent(ctx, `${kind}.${action}`, {
    id: grouping.id,
    handle: grouping.handle,
    ...(previousHandle !== undefined && previousHandle !== grouping.handle && { previous_handle: previousHandle }),
    ...('parent_id' in grouping && { parent_id: grouping.parent_id }),
    product_ids: [...productIds].sort(),
  })
}

async function writeTranslations(ctx: Ctx, kind: Grouping, id: string, translations: { locale: string; title?: string | null; description?: string | null }[]) {
  const locales = translations.map((t) => t.locale)
  const duplicate = locales.find((l, i) => locales.indexOf(l) !== i)
  if (duplicate) throw CommonErrors.validation([{ path: 'translations', code: 'duplicate', message: `Locale ${duplicate} appears twice` }])
  await repo.replaceGroupingTranslations(
    ctx.db,
    kind,
    id,
    translations.map((t) => ({ locale: t.locale, title: t.title ?? null, description: t.description ?? null })),
  )
}

async function assertNoCycle(ctx: Ctx, id: string, parentId: string): Promise<void> {
  await getGrouping(ctx, 'category', parentId)
  for (let cursor: string | null | undefined = parentId; cursor; cursor = await repo.findParentId(ctx.db, cursor)) {
    if (cursor === id) throw CatalogErrors.categoryCycle(id)
  }
}

async function freeHandle(ctx: Ctx, kind: Grouping, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await repo.findGroupingIdByHandle(ctx.db, kind, candidate))) return candidate
  }
}
