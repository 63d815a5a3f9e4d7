import { constraintViolation, toJson } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { addToDefaultChannel } from '../channels/channel-admin.service.js'
import { indexProducts, unindexProducts } from '../search/index.js'
import {
  CatalogErrors,
  type CreateProductInput,
  optionInputSchema,
  type OptionInput,
  type OptionUpdate,
  optionUpdateSchema,
  type PriceInput,
  type Product,
  productCreateSchema,
  productUpdateSchema,
  slugify,
  type UpdateProductInput,
  type Variant,
  type VariantInput,
  variantInputSchema,
  variantUpdateSchema,
  type VariantUpdate,
} from './catalog.js'
import * as repo from './product.repository.js'
import { productEventData, recordCatalogEvent } from './catalog-events.js'

export async function getProduct(ctx: Ctx, id: string): Promise<Product> {
  const product = await repo.findProductById(ctx.db, id)
  if (!product) throw CatalogErrors.productNotFound(id)
  return product
}

export async function findProduct(ctx: Ctx, id: string): Promise<Product | undefined> {
  return repo.findProductById(ctx.db, id)
}

/** Creates a product with its options, variants, prices, media, tags, links and translations. */
export async function createProduct(ctx: Ctx, rawInput: CreateProductInput): Promise<Product> {
  const input = parseInput(productCreateSchema, rawInput)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      const now = tx.now().toISOString()
      const id = tx.newId('prod')
      const handle = input.handle ?? (await freeHandle(tx, slugify(input.title)))
      if (input.handle && (await repo.findProductIdByHandle(tx.db, handle))) throw CatalogErrors.handleTaken(handle)
      const status = input.status ?? 'draft'
      await repo.insertProduct(tx.db, {
        id,
        handle,
        title: input.title,
        subtitle: input.subtitle ?? null,
        description: input.description ?? '',
        status,
        metadata: toJson(input.metadata ?? {}),
        published_at: status === 'published' ? now : null,
        created_at: now,
        updated_at: now,
      })
      await addToDefaultChannel(tx, [id])
      await writeProductRelations(tx, id, input)
      for (const [position, option] of (input.options ?? []).entries()) await writeOption(tx, id, option, position)
      for (const [position, variant] of (input.variants ?? []).entries()) await writeVariant(tx, id, variant, position, `variants.${position}.`)
      await indexProducts(tx, [id])
      await recordProductEvent(tx, 'product.created', id)
      return getProduct(tx, id)
    }),
  )
}

export async function updateProduct(ctx: Ctx, id: string, rawInput: UpdateProductInput): Promise<Product> {
  const input = parseInput(productUpdateSchema, rawInput)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      const current = await getProduct(tx, id)
      if (input.handle && input.handle !== current.handle && (await repo.findProductIdByHandle(tx.db, input.handle))) {
        throw CatalogErrors.handleTaken(input.handle)
      }
      const now = tx.now().toISOString()
      const publishing = input.status === 'published' && current.status !== 'published'
      await repo.updateProductRow(tx.db, id, {
        ...(input.handle !== undefined && { handle: input.handle }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.subtitle !== undefined && { subtitle: input.subtitle }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.metadata !== undefined && { metadata: toJson(input.metadata) }),
        ...(publishing && { published_at: now }),
        updated_at: now,
      })
      await writeProductRelations(tx, id, input)
      await indexProducts(tx, [id])
      await recordProductEvent(tx, 'product.updated', id, { previous: current.handle })
      return getProduct(tx, id)
    }),
  )
}

/** Deletes a product and its variants; refused while an order references one of its variants. */
export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await getProduct(tx, id)
    const [data] = await productEventData(tx, [id])
    await unindexProducts(tx, [id])
    try {
      await repo.deleteProductRow(tx.db, id)
    } catch (error) {
      if (constraintViolation(error)?.kind === 'foreign_key') throw CatalogErrors.variantInUse(id)
      throw error
    }
    if (data) await recordCatalogEvent(tx, 'product.deleted', data)
  })
}

export async function addOption(ctx: Ctx, productId: string, rawInput: OptionInput): Promise<Product> {
  const input = parseInput(optionInputSchema, rawInput)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      const product = await getProduct(tx, productId)
      if (product.options.some((o) => o.title.toLowerCase() === input.title.toLowerCase())) throw CatalogErrors.optionTitleTaken(input.title)
      await writeOption(tx, productId, input, product.options.length)
      await touch(tx, productId, 'options')
      return getProduct(tx, productId)
    }),
  )
}

/**
 * Renames an option and/or replaces its values: values kept stay linked to their variants, new
 * ones are added (variants for them are added separately), and a value a variant still uses
 * cannot be removed (`option.value_in_use`).
 */
export async function updateOption(ctx: Ctx, productId: string, optionId: string, rawInput: OptionUpdate): Promise<Product> {
  const input = parseInput(optionUpdateSchema, rawInput)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      const product = await getProduct(tx, productId)
      const option = product.options.find((o) => o.id === optionId)
      if (!option) throw CatalogErrors.optionNotFound(optionId)
      const title = input.title
      if (title !== undefined && product.options.some((o) => o.id !== optionId && o.title.toLowerCase() === title.toLowerCase())) {
        throw CatalogErrors.optionTitleTaken(title)
      }
      const current = await repo.findOptionValues(tx.db, optionId)
      const wanted = input.values ? [...new Set(input.values)] : current.map((v) => v.value)
      const removed = current.filter((v) => !wanted.includes(v.value))
      const used = removed.find((v) => v.used > 0)
      if (used) throw CatalogErrors.optionValueInUse(used.value)
      const keep: { id: string; position: number }[] = []
      const add: { id: string; value: string; position: number }[] = []
      for (const [position, value] of wanted.entries()) {
        const existing = current.find((v) => v.value === value)
        if (existing) keep.push({ id: existing.id, position })
        else add.push({ id: tx.newId('optval'), value, position })
      }
      await repo.updateOptionRows(tx.db, optionId, { ...(title !== undefined && { title }), keep, add, remove: removed.map((v) => v.id) })
      await touch(tx, productId, 'options')
      return getProduct(tx, productId)
    }),
  )
}

export async function deleteOption(ctx: Ctx, productId: string, optionId: string): Promise<Product> {
  return inTransaction(ctx, async (tx) => {
    if ((await repo.deleteOptionRow(tx.db, productId, optionId)) === 0) throw CatalogErrors.optionNotFound(optionId)
    await touch(tx, productId, 'options')
    return getProduct(tx, productId)
  })
}

export async function addVariant(ctx: Ctx, productId: string, rawInput: VariantInput): Promise<Variant> {
  const input = parseInput(variantInputSchema, rawInput)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      await getProduct(tx, productId)
      const id = await writeVariant(tx, productId, input, await repo.nextVariantPosition(tx.db, productId))
      await touch(tx, productId, 'variants')
      return getVariant(await getProduct(tx, productId), id)
    }),
  )
}

export async function updateVariant(ctx: Ctx, productId: string, variantId: string, rawInput: VariantUpdate & { archived?: boolean }): Promise<Variant> {
  const { archived, ...rest } = rawInput
  const input = parseInput(variantUpdateSchema, rest)
  return guardConstraints(() =>
    inTransaction(ctx, async (tx) => {
      const variant = getVariant(await getProduct(tx, productId), variantId)
      const now = tx.now().toISOString()
      if (input.sku) await assertSkuFree(tx, input.sku, variantId)
      await repo.updateVariantRow(tx.db, variantId, {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.sku !== undefined && { sku: input.sku }),
        ...(input.barcode !== undefined && { barcode: input.barcode }),
        ...(input.weight_grams !== undefined && { weight_grams: input.weight_grams }),
        ...(input.metadata !== undefined && { metadata: toJson(input.metadata) }),
        ...(input.manage_inventory !== undefined && { manage_inventory: input.manage_inventory }),
        ...(input.allow_backorder !== undefined && { allow_backorder: input.allow_backorder }),
        ...(archived !== undefined && { archived_at: archived ? (variant.archived_at ?? now) : null }),
        updated_at: now,
      })
      if (input.prices) await writePrices(tx, variantId, input.prices)
      await touch(tx, productId, input.prices ? 'variants,prices' : 'variants')
      return getVariant(await getProduct(tx, productId), variantId)
    }),
  )
}

/** Deletes a variant; one that orders reference cannot be deleted (archive it instead). */
export async function deleteVariant(ctx: Ctx, productId: string, variantId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    getVariant(await getProduct(tx, productId), variantId)
    try {
      await repo.deleteVariantRow(tx.db, variantId)
    } catch (error) {
      if (constraintViolation(error)?.kind === 'foreign_key') throw CatalogErrors.variantInUse(variantId)
      throw error
    }
    await touch(tx, productId, 'variants')
  })
}

function getVariant(product: Product, variantId: string): Variant {
  const variant = product.variants.find((v) => v.id === variantId)
  if (!variant) throw CatalogErrors.variantNotFound(variantId)
  return variant
}

/** `changes` is a comma-separated list for the event: `variants`, `prices`, `options`. */
async function touch(ctx: Ctx, productId: string, changes: string): Promise<void> {
  await repo.updateProductRow(ctx.db, productId, { updated_at: ctx.now().toISOString() })
  await indexProducts(ctx, [productId])
  await recordProductEvent(ctx, 'product.updated', productId, { changes: changes.split(',') })
}

async function recordProductEvent(
  ctx: Ctx,
  type: 'product.created' | 'product.updated',
  id: string,
  extra: { previous?: string; changes?: string[] } = {},
): Promise<void> {
  const [data] = await productEventData(ctx, [id])
  if (!data) return
  await recordCatalogEvent(ctx, type, {
    ...data,
    ...(extra.previous !== undefined && extra.previous !== data.handle && { previous_handle: extra.previous }),
    ...(extra.changes && { changes: extra.changes }),
  })
}

async function writeProductRelations(ctx: Ctx, id: string, input: UpdateProductInput): Promise<void> {
  if (input.tags) await repo.replaceTags(ctx.db, id, input.tags)
  if (input.media) await repo.replaceMedia(ctx.db, id, input.media.map((m) => ({ id: ctx.newId('media'), url: m.url, alt: m.alt ?? null })))
  if (input.translations) {
    const locales = input.translations.map((t) => t.locale)
    const duplicate = locales.find((l, i) => locales.indexOf(l) !== i)
    if (duplicate) throw CommonErrors.validation([{ path: 'translations', code: 'duplicate', message: `Locale ${duplicate} appears twice` }])
    await repo.replaceProductTranslations(
      ctx.db,
      id,
      input.translations.map((t) => ({ locale: t.locale, title: t.title ?? null, subtitle: t.subtitle ?? null, description: t.description ?? null })),
    )
  }
  for (const [field, table, notFound] of [
    ['collection_ids', 'collection', CatalogErrors.collectionNotFound],
    ['category_ids', 'category', CatalogErrors.categoryNotFound],
  ] as const) {
    const ids = input[field]
    if (!ids) continue
    const found = await repo.existingIds(ctx.db, table, ids)
    const missing = ids.find((x) => !found.has(x))
    if (missing) throw notFound(missing)
    await repo.replaceProductLinks(ctx.db, table === 'collection' ? 'product_collection' : 'product_category', id, ids)
  }
}

async function writeOption(ctx: Ctx, productId: string, option: OptionInput, position: number): Promise<void> {
  const values = [...new Set(option.values)]
  await repo.insertOption(
    ctx.db,
    { id: ctx.newId('opt'), product_id: productId, title: option.title, position },
    values.map((value) => ({ id: ctx.newId('optval'), value })),
  )
}

/** `at` prefixes field-error paths: `variants.0.` when the variant came inside a product. */
async function writeVariant(ctx: Ctx, productId: string, variant: VariantInput, position: number, at = ''): Promise<string> {
  const known = await repo.findOptionValueIds(ctx.db, productId)
  const titles = [...new Set(known.map((k) => k.title))]
  const given = variant.options ?? {}
  const valueIds: string[] = []
  for (const [title, value] of Object.entries(given)) {
    const match = known.find((k) => k.title.toLowerCase() === title.toLowerCase() && k.value === value)
    if (!match) throw CatalogErrors.variantOptionInvalid(`Option ${title} has no value ${value}`)
    valueIds.push(match.id)
  }
  const missing = titles.filter((t) => !Object.keys(given).some((g) => g.toLowerCase() === t.toLowerCase()))
  if (missing.length) throw CatalogErrors.variantOptionInvalid(`The variant needs a value for ${missing.join(', ')}`)
  if (titles.length) await assertCombinationFree(ctx, productId, valueIds, given)
  if (variant.sku) await assertSkuFree(ctx, variant.sku)
  const id = ctx.newId('var')
  const now = ctx.now().toISOString()
  await repo.insertVariant(
    ctx.db,
    {
      id,
      product_id: productId,
      title: variant.title ?? (Object.values(given).join(' / ') || 'Default'),
      sku: variant.sku ?? null,
      barcode: variant.barcode ?? null,
      weight_grams: variant.weight_grams ?? null,
      position,
      metadata: toJson(variant.metadata ?? {}),
      ...(variant.manage_inventory !== undefined && { manage_inventory: variant.manage_inventory }),
      ...(variant.allow_backorder !== undefined && { allow_backorder: variant.allow_backorder }),
      created_at: now,
      updated_at: now,
    },
    valueIds,
  )
  if (variant.prices) await writePrices(ctx, id, variant.prices, `${at}prices`)
  return id
}

async function assertCombinationFree(ctx: Ctx, productId: string, valueIds: string[], given: Record<string, string>): Promise<void> {
  if (valueIds.length === 0) return
  const wanted = [...valueIds].sort().join(',')
  const existing = await repo.findVariantOptionValueIds(ctx.db, productId)
  if (existing.some((ids) => [...ids].sort().join(',') === wanted)) throw CatalogErrors.variantOptionsDuplicate(Object.values(given).join(' / '))
}

async function assertSkuFree(ctx: Ctx, sku: string, exceptVariantId?: string): Promise<void> {
  const row = await ctx.db.selectFrom('product_variant').select('id').where('sku', '=', sku).executeTakeFirst()
  if (row && row.id !== exceptVariantId) throw CatalogErrors.skuTaken(sku)
}

async function writePrices(ctx: Ctx, variantId: string, prices: PriceInput[], path = 'prices'): Promise<void> {
  const byCurrency = new Map(prices.map((p) => [p.currency_code.toUpperCase(), p.amount]))
  if (byCurrency.size !== prices.length) {
    throw CommonErrors.validation([{ path, code: 'duplicate', message: 'One price per currency' }])
  }
  await repo.replacePrices(
    ctx.db,
    variantId,
    [...byCurrency].map(([currency_code, amount]) => ({ id: ctx.newId('price'), currency_code, amount })),
  )
}

async function freeHandle(ctx: Ctx, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!(await repo.findProductIdByHandle(ctx.db, candidate))) return candidate
  }
}

/** A unique index that a racing writer hit first still answers 409, never 500. */
async function guardConstraints<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    const violation = constraintViolation(error)
    if (violation?.kind === 'unique') {
      if (violation.detail.includes('sku')) throw CatalogErrors.skuTaken('')
      if (violation.detail.includes('handle')) throw CatalogErrors.handleTaken('')
      throw CommonErrors.conflict('The record')
    }
    // Turning backorders off while more is reserved than stocked breaks the stock CHECK.
    if (violation?.kind === 'check') throw CommonErrors.conflict('The variant')
    throw error
  }
}
