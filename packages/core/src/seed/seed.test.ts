import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findProductsByIds, listCategories, listCollections, type Product, updateProduct } from '../catalog/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { DEMO_CATEGORY_HANDLES, DEMO_COLLECTION_HANDLES, demoImageSvg, demoProducts, seedDemo, type SeedDemoResult } from './index.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

async function allProducts(ctx: TestCtx): Promise<Product[]> {
  const rows = await ctx.db.selectFrom('product').select('id').execute()
  return findProductsByIds(ctx.db, rows.map((r) => r.id))
}

function isEan13(code: string): boolean {
  if (!/^\d{13}$/.test(code)) return false
  const sum = [...code.slice(0, 12)].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0)
  return (10 - (sum % 10)) % 10 === Number(code[12])
}

describe('seedDemo on a fresh database', () => {
  let ctx: TestCtx
  let first: SeedDemoResult
  let products: Product[]

  // The whole catalog is about a thousand variants: seed once, then check it from every angle.
  beforeAll(async () => {
    ctx = await createTestCtx()
    first = await seedDemo(ctx)
    products = await allProducts(ctx)
  }, 120_000)
  afterAll(async () => ctx?.close())

  it('creates the whole demo catalog and reports it', () => {
    expect(first.created).toEqual({ products: demoProducts().length, categories: DEMO_CATEGORY_HANDLES.length, collections: DEMO_COLLECTION_HANDLES.length })
    expect(first.skipped).toEqual({ products: 0, categories: 0, collections: 0 })
    expect(products.length).toBeGreaterThanOrEqual(200)
    expect(products.every((p) => p.status === 'published' && p.published_at !== null)).toBe(true)
  })

  it('builds a nested category tree and the collections, each with a Dutch translation', async () => {
    const categories = await listCategories(ctx)
    const collections = await listCollections(ctx)
    expect(categories.length).toBeGreaterThanOrEqual(8)
    expect(collections.length).toBeGreaterThanOrEqual(4)
    expect(categories.map((c) => c.handle).sort()).toEqual([...DEMO_CATEGORY_HANDLES].sort())
    expect(collections.map((c) => c.handle).sort()).toEqual([...DEMO_COLLECTION_HANDLES].sort())
    const byHandle = new Map(categories.map((c) => [c.handle, c]))
    expect(byHandle.get('shirts')!.parent_id).toBe(byHandle.get('clothing')!.id)
    expect(byHandle.get('kitchen')!.parent_id).toBe(byHandle.get('home')!.id)
    expect(byHandle.get('books')!.parent_id).toBeNull()
    expect(byHandle.get('books')!.translations).toEqual([{ locale: 'nl', title: 'Boeken', description: expect.any(String) }])
    for (const grouping of [...categories, ...collections]) expect(grouping.translations.map((t) => t.locale)).toEqual(['nl'])
  })

  it('puts every product in one category and fills every collection', async () => {
    const collections = await listCollections(ctx)
    expect(products.every((p) => p.category_ids.length === 1)).toBe(true)
    for (const collection of collections) {
      expect(products.filter((p) => p.collection_ids.includes(collection.id)).length, collection.handle).toBeGreaterThan(0)
    }
  })

  it('prices every variant in EUR, USD and JPY as non-negative integers', () => {
    const variants = products.flatMap((p) => p.variants)
    expect(variants.length).toBeGreaterThan(products.length)
    for (const variant of variants) {
      expect(variant.prices.map((p) => p.currency_code).sort(), variant.sku!).toEqual(['EUR', 'JPY', 'USD'])
      for (const price of variant.prices) expect(Number.isInteger(price.amount) && price.amount >= 0, `${variant.sku} ${price.currency_code}`).toBe(true)
      const eur = variant.prices.find((p) => p.currency_code === 'EUR')!.amount
      const jpy = variant.prices.find((p) => p.currency_code === 'JPY')!.amount
      expect([95, 99]).toContain(eur % 100)
      expect(jpy % 100).toBe(0)
    }
    const cheapest = products.map((p) => Math.min(...p.variants.map((v) => v.prices.find((x) => x.currency_code === 'EUR')!.amount)))
    expect(cheapest.filter((eur) => eur < 1000).length).toBeGreaterThanOrEqual(3)
    expect(cheapest.filter((eur) => eur > 20000).length).toBeGreaterThanOrEqual(3)
  })

  it('gives every product a Dutch translation', () => {
    for (const product of products) {
      const nl = product.translations.find((t) => t.locale === 'nl')
      expect(nl?.title, product.handle).toBeTruthy()
      expect(nl!.description, product.handle).not.toBe(product.description)
    }
    // Loanwords make a few names identical in both languages (`Oversized merino T-shirt`), not many.
    const sameTitle = products.filter((p) => p.translations[0]!.title === p.title)
    expect(sameTitle.length).toBeLessThan(products.length / 20)
  })

  it('uses unique SKUs and valid EAN-13 barcodes', () => {
    const variants = products.flatMap((p) => p.variants)
    const skus = variants.map((v) => v.sku)
    expect(skus.every((s) => typeof s === 'string' && s.length > 0)).toBe(true)
    expect(new Set(skus).size).toBe(skus.length)
    expect(variants.filter((v) => !isEan13(v.barcode ?? '')).map((v) => v.sku)).toEqual([])
    expect(variants.every((v) => Number.isInteger(v.weight_grams) && v.weight_grams! > 0)).toBe(true)
  })

  it('gives clothes Size and Color, mugs Color, and books one Default variant', async () => {
    const categories = new Map((await listCategories(ctx)).map((c) => [c.id, c.handle]))
    const inCategory = (handle: string) => products.filter((p) => categories.get(p.category_ids[0]!) === handle)
    for (const shirt of [...inCategory('shirts'), ...inCategory('t-shirts')]) {
      expect(shirt.options.map((o) => o.title)).toEqual(['Size', 'Color'])
      expect(shirt.options[0]!.values).toEqual(['S', 'M', 'L', 'XL'])
      expect(shirt.variants.length).toBe(4 * shirt.options[1]!.values.length)
    }
    const mugs = products.filter((p) => p.handle.endsWith('-mug'))
    expect(mugs.length).toBeGreaterThan(0)
    for (const mug of mugs) expect(mug.options.map((o) => o.title)).toEqual(['Color'])
    const books = inCategory('books')
    expect(books.length).toBeGreaterThan(0)
    for (const book of books) {
      expect(book.options).toEqual([])
      expect(book.variants.map((v) => v.title)).toEqual(['Default'])
    }
  })

  it('links one to three images per product, each served by demoImageSvg', () => {
    for (const product of products) {
      expect(product.media.length, product.handle).toBeGreaterThanOrEqual(1)
      expect(product.media.length, product.handle).toBeLessThanOrEqual(3)
      for (const media of product.media) {
        const name = /^\/media\/demo\/([a-z0-9-]+)\.svg$/.exec(media.url)?.[1]
        expect(name, media.url).toBeDefined()
        expect(demoImageSvg(name!)?.startsWith('<svg'), media.url).toBe(true)
        expect(media.alt).toContain(product.title)
      }
    }
  })

  it('creates nothing on a second run and reports everything as skipped', async () => {
    const counts = async () => ({
      products: (await ctx.db.selectFrom('product').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      variants: (await ctx.db.selectFrom('product_variant').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
      categories: (await ctx.db.selectFrom('category').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    })
    const before = await counts()
    const second = await seedDemo(ctx)
    expect(second.created).toEqual({ products: 0, categories: 0, collections: 0 })
    expect(second.skipped).toEqual(first.created)
    expect(await counts()).toEqual(before)
  })
})

describe('seedDemo with a product count', () => {
  let ctx: TestCtx
  beforeAll(async () => {
    ctx = await createTestCtx()
  })
  afterAll(async () => ctx?.close())

  it('creates the first N products across several categories, then only the missing ones on a larger run', async () => {
    const partial = await seedDemo(ctx, { products: 12 })
    expect(partial.created.products).toBe(12)
    const seeded = await allProducts(ctx)
    expect(seeded.map((p) => p.handle).sort()).toEqual(demoProducts().slice(0, 12).map((p) => p.handle).sort())
    expect(new Set(seeded.map((p) => p.category_ids[0])).size).toBeGreaterThanOrEqual(8)
    // A shop owner renames a demo product: its SKUs still mark it as seeded.
    await updateProduct(ctx, seeded[0]!.id, { handle: 'renamed-by-the-owner' })
    const larger = await seedDemo(ctx, { products: 20 })
    expect(larger.created).toEqual({ products: 8, categories: 0, collections: 0 })
    expect(larger.skipped).toEqual({ products: 12, categories: DEMO_CATEGORY_HANDLES.length, collections: DEMO_COLLECTION_HANDLES.length })
  })

  it('rejects a count that is not a whole number', async () => {
    await expect(seedDemo(ctx, { products: -1 })).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(seedDemo(ctx, { products: 2.5 })).rejects.toMatchObject({ code: 'validation_failed' })
  })
})
