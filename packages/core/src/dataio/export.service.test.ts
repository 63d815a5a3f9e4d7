import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import type { Product } from '../catalog/catalog.js'
import { getVariantStock } from '../inventory/stock.service.js'
import type { Ctx } from '../kernel/ctx.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { eachProduct, exportProductsCsv, exportProductsJson } from './export.service.js'
import { importProducts } from './import.service.js'

const FIXTURE = new URL('./fixtures/shopify-products.csv', import.meta.url)

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

async function ctx() {
  const c = await createTestCtx()
  closers.push(c.close)
  return c
}

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = ''
  for await (const chunk of chunks) text += chunk
  return text
}

/** The catalog without ids and timestamps, with each variant's stock: what must survive a round trip. */
async function catalog(c: Ctx) {
  const result = []
  for await (const p of eachProduct(c)) result.push(await comparable(c, p))
  return result
}

async function comparable(c: Ctx, p: Product) {
  return {
    handle: p.handle,
    title: p.title,
    description: p.description,
    status: p.status,
    tags: p.tags,
    metadata: p.metadata,
    media: p.media.map((m) => ({ url: m.url, alt: m.alt, position: m.position })),
    options: p.options.map((o) => ({ title: o.title, values: o.values })),
    variants: await Promise.all(
      p.variants.map(async (v) => ({
        title: v.title,
        sku: v.sku,
        barcode: v.barcode,
        weight_grams: v.weight_grams,
        options: v.options,
        prices: v.prices,
        manage_inventory: v.manage_inventory,
        allow_backorder: v.allow_backorder,
        metadata: v.metadata,
        stock: (await getVariantStock(c, v.id)).levels.map((l) => l.stocked_quantity),
      })),
    ),
  }
}

describe('product export', () => {
  it('round-trips: import, export as Shopify CSV, import into a fresh shop gives the same catalog', async () => {
    const source = await ctx()
    await importProducts(source, createReadStream(FIXTURE))
    const csv = await collect(exportProductsCsv(source, { currency: 'EUR' }))
    expect(csv.startsWith('\ufeffHandle,Title,Body (HTML)')).toBe(true)

    const target = await ctx()
    const result = await importProducts(target, Readable.from([Buffer.from(csv)]))
    expect(result.issues).toEqual([])
    expect(result.products).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0 })
    expect(await catalog(target)).toEqual(await catalog(source))

    // And the export imported back into its own shop changes nothing.
    const again = await importProducts(source, Readable.from([Buffer.from(csv)]))
    expect(again.products).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 0 })
  })

  it('exports JSON: one array of admin products', async () => {
    const c = await ctx()
    await importProducts(c, createReadStream(FIXTURE))
    const products = JSON.parse(await collect(exportProductsJson(c))) as Product[]
    expect(products.map((p) => p.handle)).toEqual(['ceramic-bowl', 'coffee-mug', 'linen-shirt', 'old-poster'])
    expect(products[2]!.variants[0]!.prices).toEqual([{ currency_code: 'EUR', amount: 4995 }])
  })

  it('refuses an unknown currency', async () => {
    const c = await ctx()
    await expect(collect(exportProductsCsv(c, { currency: 'XXX' }))).rejects.toMatchObject({ code: 'import.unknown_currency' })
  })
})
