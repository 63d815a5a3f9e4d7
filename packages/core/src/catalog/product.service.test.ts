import { afterEach, describe, expect, it } from 'vitest'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { addVariant, createProduct, deleteProduct, deleteVariant, getProduct, updateProduct, updateVariant } from './product.service.js'
import { createCategory, createCollection, deleteCategory } from './grouping.service.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => close?.())

async function ctx() {
  const c = await createTestCtx()
  close = c.close
  return c
}

const tee = {
  title: 'Linen Shirt',
  description: 'A light shirt',
  tags: ['summer', 'linen'],
  options: [
    { title: 'Size', values: ['S', 'M'] },
    { title: 'Color', values: ['Blue'] },
  ],
  variants: [
    { sku: 'LS-S-B', options: { Size: 'S', Color: 'Blue' }, prices: [{ currency_code: 'eur', amount: 4995 }, { currency_code: 'JPY', amount: 7800 }] },
    { sku: 'LS-M-B', options: { Size: 'M', Color: 'Blue' }, prices: [{ currency_code: 'EUR', amount: 4995 }] },
  ],
  translations: [{ locale: 'nl', title: 'Linnen overhemd' }],
}

describe('products', () => {
  it('creates a product with options, variants and prices in minor units', async () => {
    const c = await ctx()
    const product = await createProduct(c, tee)
    expect(product.handle).toBe('linen-shirt')
    expect(product.status).toBe('draft')
    expect(product.options.map((o) => [o.title, o.values])).toEqual([['Size', ['S', 'M']], ['Color', ['Blue']]])
    expect(product.variants).toHaveLength(2)
    expect(product.variants[0]).toMatchObject({ sku: 'LS-S-B', title: 'S / Blue', options: { Size: 'S', Color: 'Blue' } })
    expect(product.variants[0]!.prices).toEqual([{ currency_code: 'EUR', amount: 4995 }, { currency_code: 'JPY', amount: 7800 }])
    expect(product.tags).toEqual(['linen', 'summer'])
    expect(product.translations).toEqual([{ locale: 'nl', title: 'Linnen overhemd', subtitle: null, description: null }])
  })

  it('derives a free handle when the title repeats', async () => {
    const c = await ctx()
    await createProduct(c, { title: 'Mug' })
    const second = await createProduct(c, { title: 'Mug' })
    expect(second.handle).toBe('mug-2')
  })

  it('rejects a taken handle and a taken SKU', async () => {
    const c = await ctx()
    await createProduct(c, tee)
    await expect(createProduct(c, { title: 'x', handle: 'linen-shirt' })).rejects.toMatchObject({ code: 'product.handle_taken' })
    await expect(createProduct(c, { title: 'y', variants: [{ sku: 'LS-S-B' }] })).rejects.toMatchObject({ code: 'variant.sku_taken' })
  })

  it('writes nothing when a nested part fails', async () => {
    const c = await ctx()
    await createProduct(c, tee)
    await expect(createProduct(c, { title: 'Half', variants: [{ sku: 'NEW-1' }, { sku: 'LS-S-B' }] })).rejects.toMatchObject({ code: 'variant.sku_taken' })
    const count = await c.db.selectFrom('product').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('checks variant option values against the product options', async () => {
    const c = await ctx()
    const product = await createProduct(c, tee)
    await expect(addVariant(c, product.id, { options: { Size: 'XL', Color: 'Blue' } })).rejects.toMatchObject({ code: 'variant.option_invalid' })
    await expect(addVariant(c, product.id, { options: { Size: 'S' } })).rejects.toMatchObject({ code: 'variant.option_invalid' })
    await expect(addVariant(c, product.id, { options: { Size: 'S', Color: 'Blue' } })).rejects.toMatchObject({ code: 'variant.options_duplicate' })
  })

  it('rejects negative and fractional money and unknown currencies', async () => {
    const c = await ctx()
    for (const price of [{ currency_code: 'EUR', amount: -1 }, { currency_code: 'EUR', amount: 1.5 }, { currency_code: 'XXQ', amount: 1 }]) {
      await expect(createProduct(c, { title: 'Bad', variants: [{ prices: [price] }] })).rejects.toMatchObject({ code: 'validation_failed' })
    }
  })

  it('publishes, archives and stamps published_at once', async () => {
    const c = await ctx()
    const product = await createProduct(c, tee)
    const published = await updateProduct(c, product.id, { status: 'published' })
    expect(published.published_at).not.toBeNull()
    const archived = await updateProduct(c, product.id, { status: 'archived' })
    expect(archived.status).toBe('archived')
    expect(archived.published_at).toBe(published.published_at)
  })

  it('updates variant prices and archives a variant', async () => {
    const c = await ctx()
    const product = await createProduct(c, tee)
    const variant = await updateVariant(c, product.id, product.variants[0]!.id, { prices: [{ currency_code: 'USD', amount: 5500 }], archived: true })
    expect(variant.prices).toEqual([{ currency_code: 'USD', amount: 5500 }])
    expect(variant.archived_at).not.toBeNull()
  })

  it('deletes variants and products', async () => {
    const c = await ctx()
    const product = await createProduct(c, tee)
    await deleteVariant(c, product.id, product.variants[0]!.id)
    expect((await getProduct(c, product.id)).variants).toHaveLength(1)
    await deleteProduct(c, product.id)
    await expect(getProduct(c, product.id)).rejects.toMatchObject({ code: 'product.not_found' })
  })

  it('links collections and categories and refuses unknown ones', async () => {
    const c = await ctx()
    const collection = await createCollection(c, { title: 'Summer' })
    const parent = await createCategory(c, { title: 'Clothing' })
    const child = await createCategory(c, { title: 'Shirts', parent_id: parent.id })
    const product = await createProduct(c, { ...tee, collection_ids: [collection.id], category_ids: [child.id] })
    expect(product.collection_ids).toEqual([collection.id])
    await expect(createProduct(c, { title: 'x', category_ids: ['pcat_nope'] })).rejects.toMatchObject({ code: 'category.not_found' })
    await expect(deleteCategory(c, parent.id)).rejects.toMatchObject({ code: 'category.has_children' })
  })
})
