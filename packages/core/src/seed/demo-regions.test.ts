import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCategory, createProduct } from '../catalog/index.js'
import { computeTotals } from '../pricing/index.js'
import { listRegions, type Region } from '../regions/index.js'
import { listShippingOptions, listShippingOptionsFor } from '../shipping/index.js'
import { listTaxRates, resolveTaxRates } from '../tax/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { seedDemoRegions } from './demo-regions.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

describe('demo regions', () => {
  let ctx: TestCtx
  let booksId: string
  let regions: Map<string, Region>

  beforeAll(async () => {
    ctx = await createTestCtx()
    booksId = (await createCategory(ctx, { handle: 'books', title: 'Books' })).id
    expect(await seedDemoRegions(ctx, { booksCategoryId: booksId })).toEqual({ created: 3, skipped: 0 })
    regions = new Map((await listRegions(ctx)).map((r) => [r.currency_code, r]))
  })
  afterAll(async () => ctx?.close())

  it('has the Netherlands in EUR with tax included, the US in USD without, Japan in JPY', () => {
    expect(regions.get('EUR')).toMatchObject({ tax_inclusive: true, countries: expect.arrayContaining(['nl']) })
    expect(regions.get('USD')).toMatchObject({ tax_inclusive: false, countries: ['us'] })
    expect(regions.get('JPY')).toMatchObject({ tax_inclusive: true, countries: ['jp'] })
  })

  it('taxes a book at 9% and a shirt at 21% in the Netherlands', async () => {
    const book = await createProduct(ctx, { title: 'Demo book', category_ids: [booksId] })
    const shirt = await createProduct(ctx, { title: 'Demo shirt' })
    const eu = regions.get('EUR')!
    const rates = await resolveTaxRates(ctx, {
      region: eu,
      country_code: 'nl',
      lines: [
        { id: 'b', product_id: book.id },
        { id: 's', product_id: shirt.id },
      ],
    })
    const totals = computeTotals({
      currency_code: 'EUR',
      tax_inclusive: true,
      items: [
        { id: 'b', unit_price: 1090, quantity: 1, tax_rates: rates.lines.b! },
        { id: 's', unit_price: 1210, quantity: 1, tax_rates: rates.lines.s! },
      ],
      shipping: { amount: 495, tax_rates: rates.shipping },
    })
    expect(totals.items.map((i) => i.tax_total)).toEqual([90, 210])
    expect(totals).toMatchObject({ shipping_tax_total: 86, total: 1090 + 1210 + 495 })
  })

  it('charges New York sales tax of 8.875% on top in the US', async () => {
    const us = regions.get('USD')!
    const shirt = await createProduct(ctx, { title: 'US shirt' })
    const rates = await resolveTaxRates(ctx, {
      region: us,
      country_code: 'us',
      province_code: 'NY',
      lines: [{ id: 'l', product_id: shirt.id }],
    })
    const totals = computeTotals({
      currency_code: 'USD',
      tax_inclusive: false,
      items: [{ id: 'l', unit_price: 10_000, quantity: 1, tax_rates: rates.lines.l! }],
      shipping: null,
    })
    expect(totals).toMatchObject({ tax_total: 888, total: 10_888 })
    expect((await listTaxRates(ctx, us.id)).map((r) => r.province_code).sort()).toEqual(['ca', 'ny', 'tx'])
  })

  it('offers a flat, a free-over-threshold and a weight-tier option in every region', async () => {
    for (const region of regions.values()) {
      const options = await listShippingOptions(ctx, { region_id: region.id })
      expect(
        options.some((o) => o.price_type === 'flat'),
        region.name,
      ).toBe(true)
      expect(
        options.some((o) => o.free_over !== null),
        region.name,
      ).toBe(true)
      expect(
        options.some((o) => o.price_type === 'weight'),
        region.name,
      ).toBe(true)
      const quotes = await listShippingOptionsFor(ctx, {
        region_id: region.id,
        country_code: region.countries[0]!,
        subtotal: 1000,
        weight_grams: 1500,
      })
      expect(quotes.length, region.name).toBeGreaterThan(0)
    }
  })

  it('creates nothing the second time', async () => {
    const before = await ctx.db
      .selectFrom('shipping_option')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(await seedDemoRegions(ctx, { booksCategoryId: booksId })).toEqual({ created: 0, skipped: 3 })
    const after = await ctx.db
      .selectFrom('shipping_option')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    expect((await listRegions(ctx)).length).toBe(3)
  })
})
