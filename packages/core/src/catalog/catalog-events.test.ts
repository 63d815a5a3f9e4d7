import { afterEach, describe, expect, it } from 'vitest'
import { listEvents } from '../events/index.js'
import { createStockLocation, setStockLevel } from '../inventory/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { readCatalogVersion } from './catalog-events.js'
import { createCategory, createCollection, deleteCollection, setGroupingProducts, updateCategory } from './grouping.service.js'
import { createProduct, deleteProduct, updateProduct, updateVariant } from './product.service.js'

let close: (() => Promise<void>) | undefined
afterEach(async () => close?.())

async function ctx() {
  const c = await createTestCtx()
  close = c.close
  return c
}

const shirt = { title: 'Shirt', status: 'published' as const, variants: [{ sku: 'SH-1', prices: [{ currency_code: 'EUR', amount: 1000 }] }] }

describe('catalog events', () => {
  it('records product.created, updated and deleted with what to purge, and raises the catalog version each time', async () => {
    const c = await ctx()
    const v0 = await readCatalogVersion(c.db)
    const col = await createCollection(c, { title: 'Summer' })
    const product = await createProduct(c, { ...shirt, collection_ids: [col.id] })
    expect(await readCatalogVersion(c.db)).toBe(v0 + 2)
    await updateProduct(c, product.id, { handle: 'shirt-2' })
    await updateVariant(c, product.id, product.variants[0]!.id, { prices: [{ currency_code: 'EUR', amount: 900 }] })
    await deleteProduct(c, product.id)
    const events = (await listEvents(c)).filter((e) => e.type.startsWith('product.'))
    expect(events.map((e) => e.type)).toEqual(['product.created', 'product.updated', 'product.updated', 'product.deleted'])
    expect(events[0]!.data).toEqual({ id: product.id, handle: 'shirt', status: 'published', collection_ids: [col.id], category_ids: [] })
    expect(events[1]!.data).toMatchObject({ id: product.id, handle: 'shirt-2', previous_handle: 'shirt' })
    expect(events[2]!.data).toMatchObject({ handle: 'shirt-2', changes: ['variants', 'prices'] })
    expect(events[3]!.data).toMatchObject({ id: product.id, handle: 'shirt-2', collection_ids: [col.id] })
    expect(await readCatalogVersion(c.db)).toBe(v0 + 5)
  })

  it('records collection and category events with the products that show them', async () => {
    const c = await ctx()
    const product = await createProduct(c, shirt)
    const col = await createCollection(c, { title: 'Summer' })
    const cat = await createCategory(c, { title: 'Tops' })
    await setGroupingProducts(c, 'collection', col.id, { add: [product.id] })
    await updateCategory(c, cat.id, { handle: 'tops-2' })
    await deleteCollection(c, col.id)
    const events = (await listEvents(c)).filter((e) => !e.type.startsWith('product.created'))
    expect(events.map((e) => e.type)).toEqual([
      'collection.created',
      'category.created',
      'collection.updated',
      'product.updated',
      'category.updated',
      'collection.deleted',
    ])
    expect(events[0]!.data).toEqual({ id: col.id, handle: 'summer', product_ids: [] })
    expect(events[1]!.data).toEqual({ id: cat.id, handle: 'tops', parent_id: null, product_ids: [] })
    expect(events[2]!.data).toEqual({ id: col.id, handle: 'summer', product_ids: [product.id] })
    expect(events[3]!.data).toMatchObject({ id: product.id, collection_ids: [col.id], changes: ['collections'] })
    expect(events[4]!.data).toMatchObject({ id: cat.id, handle: 'tops-2', previous_handle: 'tops' })
    expect(events[5]!.data).toEqual({ id: col.id, handle: 'summer', product_ids: [product.id] })
  })

  it('records product.updated for a stock write, since availability shows in the Store API', async () => {
    const c = await ctx()
    const product = await createProduct(c, shirt)
    const location = await createStockLocation(c, { name: 'Warehouse' })
    const before = await readCatalogVersion(c.db)
    const facetsBefore = await readCatalogVersion(c.db, 'facets')
    await setStockLevel(c, product.variants[0]!.id, location.id, { stocked_quantity: 5 })
    const [event] = await listEvents(c, { type: 'product.updated' })
    expect(event!.data).toMatchObject({ id: product.id, changes: ['stock'] })
    expect(await readCatalogVersion(c.db)).toBe(before + 1)
    // Availability is no facet: facet counts stay cached.
    expect(await readCatalogVersion(c.db, 'facets')).toBe(facetsBefore)
    await updateProduct(c, product.id, { title: 'Shirt 2' })
    expect(await readCatalogVersion(c.db, 'facets')).toBe(facetsBefore + 1)
  })
})
