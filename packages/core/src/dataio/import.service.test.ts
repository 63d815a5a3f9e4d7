import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { getProduct } from '../catalog/product.service.js'
import { createStockLocation, getVariantStock } from '../inventory/stock.service.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { importProducts } from './import.service.js'
import { parseAmount } from './shopify-csv.js'

const FIXTURE = new URL('./fixtures/shopify-products.csv', import.meta.url)
const file = () => createReadStream(FIXTURE)
const text = (csv: string) => Readable.from([Buffer.from(csv)])

let close: (() => Promise<void>) | undefined
afterEach(async () => close?.())

async function ctx() {
  const c = await createTestCtx()
  close = c.close
  return c
}

async function byHandle(c: Awaited<ReturnType<typeof ctx>>, handle: string) {
  const row = await c.db.selectFrom('product').select('id').where('handle', '=', handle).executeTakeFirst()
  return row ? getProduct(c, row.id) : undefined
}

describe('parseAmount', () => {
  it('reads dots, decimal commas, thousands groups and zero-decimal currencies', () => {
    expect(parseAmount('12.50', 'EUR')).toBe(1250)
    expect(parseAmount('12,50', 'EUR')).toBe(1250)
    expect(parseAmount('1.234,50', 'EUR')).toBe(123450)
    expect(parseAmount('1,234.50', 'USD')).toBe(123450)
    expect(parseAmount('1,250', 'USD')).toBe(125000)
    expect(parseAmount('12', 'EUR')).toBe(1200)
    expect(parseAmount('1200', 'JPY')).toBe(1200)
    expect(() => parseAmount('12.5', 'JPY')).toThrow(/decimals/)
    expect(() => parseAmount('twelve', 'EUR')).toThrow(/not a number/)
  })
})

describe('Shopify product import', () => {
  it('imports products, variants, prices, stock, images and statuses; skips bad rows by line', async () => {
    const c = await ctx()
    const result = await importProducts(c, file(), { currency: 'EUR' })
    expect(result.products).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 2 })
    expect(result.rows).toBe(10)
    expect(result.variants).toBe(5)
    expect(result.ignored_columns).toEqual([
      'Variant Fulfillment Service',
      'Variant Requires Shipping',
      'Variant Taxable',
      'Gift Card',
      'Variant Weight Unit',
    ])
    expect(result.issues).toEqual([
      {
        line: 11,
        handle: 'mangled-socks',
        reason: 'barcode 8.71234E+12 is in scientific notation: a spreadsheet rounded it and digits are lost',
      },
      { line: 12, reason: 'the row has no Handle' },
      { line: 13, handle: 'bad-price', reason: 'price "twelve" is not a number' },
    ])

    const shirt = (await byHandle(c, 'linen-shirt'))!
    expect(shirt).toMatchObject({ title: 'Linen Shirt', status: 'published', tags: ['linen', 'summer'] })
    expect(shirt.description).toBe('<p>A light shirt.</p>\n<ul>\n<li>100% "linen"</li>\n</ul>')
    expect(shirt.metadata).toEqual({
      vendor: 'Acme',
      product_type: 'Shirts',
      product_category: 'Apparel & Accessories > Clothing',
      seo_title: 'Linen Shirt | Acme',
      seo_description: 'Light, breathable',
    })
    expect(shirt.options.map((o) => [o.title, o.values])).toEqual([
      ['Size', ['S', 'M']],
      ['Color', ['Blue']],
    ])
    expect(shirt.media.map((m) => [m.url, m.alt])).toEqual([
      ['https://cdn.example.com/linen-front.jpg', 'Front'],
      ['https://cdn.example.com/linen-back.jpg', 'Back'],
      ['https://cdn.example.com/linen-detail.jpg', 'Détail'],
      ['https://cdn.example.com/linen-blue.jpg', null],
    ])
    const [small, medium] = shirt.variants
    expect(small).toMatchObject({
      sku: 'LS-S-B',
      barcode: '8712345678906',
      weight_grams: 200,
      allow_backorder: false,
      manage_inventory: true,
      prices: [{ currency_code: 'EUR', amount: 4995 }],
      metadata: { compare_at_amount: 5995, image_url: 'https://cdn.example.com/linen-blue.jpg' },
    })
    expect(medium).toMatchObject({
      sku: 'LS-M-B',
      barcode: '0012345678905',
      allow_backorder: true,
      prices: [{ currency_code: 'EUR', amount: 4995 }],
    })
    expect((await getVariantStock(c, small!.id)).levels.map((l) => l.stocked_quantity)).toEqual([10])
    expect((await getVariantStock(c, medium!.id)).levels.map((l) => l.stocked_quantity)).toEqual([0])

    const mug = (await byHandle(c, 'coffee-mug'))!
    expect(mug.status).toBe('draft')
    expect(mug.options).toEqual([])
    expect(mug.variants).toHaveLength(1)
    expect(mug.variants[0]).toMatchObject({ sku: 'MUG-1', title: 'Default', prices: [{ currency_code: 'EUR', amount: 123450 }] })
    expect((await getVariantStock(c, mug.variants[0]!.id)).levels.map((l) => l.stocked_quantity)).toEqual([5])

    const poster = (await byHandle(c, 'old-poster'))!
    expect(poster.status).toBe('archived')
    expect(poster.variants[0]).toMatchObject({ manage_inventory: false, prices: [{ currency_code: 'EUR', amount: 1200 }] })
    // Nothing of a product whose rows failed is written.
    expect(await byHandle(c, 'mangled-socks')).toBeUndefined()
    expect(await c.db.selectFrom('product_variant').select('id').where('sku', '=', 'SOCK-1').executeTakeFirst()).toBeUndefined()
    expect(await byHandle(c, 'ceramic-bowl')).toBeDefined()
  })

  it('changes nothing when the same file is imported twice', async () => {
    const c = await ctx()
    await importProducts(c, file())
    const before = await byHandle(c, 'linen-shirt')
    const again = await importProducts(c, file())
    expect(again.products).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 2 })
    expect(await byHandle(c, 'linen-shirt')).toEqual(before)
  })

  it('updates by handle and SKU, keeping prices of other currencies', async () => {
    const c = await ctx()
    const csv = (price: string, qty: string) =>
      `Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\ncap,Cap,Title,Default Title,CAP-1,${price},${qty}\n`
    await importProducts(c, text(csv('10.00', '4')))
    await importProducts(c, text(csv('1500', '4')), { currency: 'JPY' })
    const updated = await importProducts(c, text(csv('12.00', '7')))
    expect(updated.products).toMatchObject({ created: 0, updated: 1 })
    const cap = (await byHandle(c, 'cap'))!
    expect(cap.variants[0]!.prices).toEqual([
      { currency_code: 'EUR', amount: 1200 },
      { currency_code: 'JPY', amount: 1500 },
    ])
    expect((await getVariantStock(c, cap.variants[0]!.id)).levels[0]!.stocked_quantity).toBe(7)
  })

  it('writes nothing in a dry run but reports what it would do', async () => {
    const c = await ctx()
    const result = await importProducts(c, file(), { dryRun: true })
    expect(result.products).toMatchObject({ created: 4, failed: 2 })
    expect(await c.db.selectFrom('product').select('id').execute()).toEqual([])
  })

  it('puts stock at a location named on the command line', async () => {
    const c = await ctx()
    const location = await createStockLocation(c, { name: 'Warehouse' })
    await importProducts(c, text('Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty\nhat,Hat,HAT-1,5,9\n'), {
      location: 'warehouse',
    })
    const hat = (await byHandle(c, 'hat'))!
    expect((await getVariantStock(c, hat.variants[0]!.id)).levels).toMatchObject([{ location_id: location.id, stocked_quantity: 9 }])
    await expect(importProducts(c, text('Handle\n'), { location: 'nowhere' })).rejects.toMatchObject({ code: 'import.location_not_found' })
  })

  it('refuses a file that is not CSV or has no Handle column', async () => {
    const c = await ctx()
    await expect(importProducts(c, Readable.from([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])]))).rejects.toMatchObject({
      code: 'import.not_csv',
    })
    await expect(importProducts(c, text('Title,Variant SKU\nHat,HAT-1\n'))).rejects.toMatchObject({ code: 'import.missing_column' })
    await expect(importProducts(c, text('Handle,Title\n"unterminated,Hat\n'))).rejects.toMatchObject({ code: 'import.not_csv' })
    await expect(importProducts(c, text(''))).rejects.toMatchObject({ code: 'import.not_csv' })
  })

  it('reports an SKU that belongs to another product', async () => {
    const c = await ctx()
    await importProducts(c, text('Handle,Title,Variant SKU,Variant Price\nhat,Hat,HAT-1,5\n'))
    const result = await importProducts(c, text('Handle,Title,Variant SKU,Variant Price\ncap,Cap,HAT-1,5\n'))
    expect(result.issues).toEqual([{ line: 2, handle: 'cap', reason: 'SKU HAT-1 belongs to product hat' }])
  })

  it('adds a new variant by SKU to an existing product, and reports an option value the product lacks', async () => {
    const c = await ctx()
    const head = 'Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n'
    await importProducts(c, text(`${head}tee,Tee,Size,S,TEE-S,10,-3\ntee,,,M,TEE-M,10,1\n`))
    const tee = (await byHandle(c, 'tee'))!
    // Shopify allows negative stock; Kassa counts it as none.
    expect((await getVariantStock(c, tee.variants[0]!.id)).levels[0]!.stocked_quantity).toBe(0)
    const more = await importProducts(c, text(`${head}tee,Tee,Size,S,TEE-S,10,0\ntee,,,M,TEE-M,10,1\ntee,,,XL,TEE-XL,10,1\n`))
    expect(more.issues).toEqual([
      { line: 2, handle: 'tee', reason: 'tee exists without Size XL: add the option value in the catalog first' },
    ])
    expect((await byHandle(c, 'tee'))!.variants).toHaveLength(2)
  })

  it("reports rows of a product that are apart from the product's other rows", async () => {
    const c = await ctx()
    const result = await importProducts(c, text('Handle,Title,Variant SKU,Variant Price\nhat,Hat,HAT-1,5\ncap,Cap,CAP-1,5\nhat,,HAT-2,5\n'))
    expect(result.products).toMatchObject({ created: 2 })
    expect(result.issues).toEqual([
      { line: 4, handle: 'hat', reason: "the row is apart from the other rows of hat (from line 2): keep a product's rows together" },
    ])
  })
})
