import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCategory, createProduct } from '../catalog/index.js'
import type { TaxProvider } from '../config/providers.js'
import { createRegion, type Region } from '../regions/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { createTaxRate, deleteTaxRate, getTaxRate, listTaxRates, resolveTaxRates, updateTaxRate } from './index.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>

const flatTen: TaxProvider = {
  id: 'flat-ten',
  kind: 'tax',
  async calculate(_ctx, input) {
    const ten = [{ rate_id: null, name: `Ten ${input.country_code}`, rate_bps: 1000 }]
    return { lines: Object.fromEntries(input.lines.filter((l) => l.product_id !== 'skip').map((l) => [l.id, ten])), shipping: ten }
  },
}

describe('tax rates', () => {
  let ctx: TestCtx
  let eu: Region
  let us: Region
  let books: string
  let poetry: string
  let book: string
  let shirt: string

  beforeAll(async () => {
    ctx = await createTestCtx({ providers: [flatTen] })
    eu = await createRegion(ctx, { name: 'EU', currency_code: 'EUR', tax_inclusive: true, countries: ['nl', 'de'] })
    us = await createRegion(ctx, { name: 'US', currency_code: 'USD', tax_inclusive: false, countries: ['us'] })
    books = (await createCategory(ctx, { title: 'Books' })).id
    poetry = (await createCategory(ctx, { title: 'Poetry', parent_id: books })).id
    book = (await createProduct(ctx, { title: 'Poems', category_ids: [poetry] })).id
    shirt = (await createProduct(ctx, { title: 'Shirt' })).id
  })
  afterAll(async () => ctx?.close())

  it('creates rates in basis points with two decimals, countries and provinces lowercase', async () => {
    const ny = await createTaxRate(ctx, us.id, {
      name: 'NY sales tax',
      code: 'NY',
      rate_bps: 887.5,
      country_code: 'US',
      province_code: 'NY',
    })
    expect(ny).toMatchObject({ region_id: us.id, rate_bps: 887.5, country_code: 'us', province_code: 'ny', category_ids: [] })
    expect(ny.id).toMatch(/^txr_/)
    expect(await getTaxRate(ctx, ny.id)).toEqual(ny)
  })

  it('refuses a country outside the region, a province without a country, unknown categories', async () => {
    await expect(createTaxRate(ctx, eu.id, { name: 'FR', rate_bps: 2000, country_code: 'fr' })).rejects.toMatchObject({
      code: 'region.country_not_in_region',
    })
    await expect(createTaxRate(ctx, us.id, { name: 'NY', rate_bps: 400, province_code: 'ny' })).rejects.toMatchObject({
      code: 'tax_rate.province_without_country',
    })
    await expect(createTaxRate(ctx, eu.id, { name: 'X', rate_bps: 1, category_ids: ['pcat_nope'] })).rejects.toMatchObject({
      code: 'category.not_found',
    })
    await expect(createTaxRate(ctx, 'reg_nope', { name: 'X', rate_bps: 1 })).rejects.toMatchObject({ code: 'region.not_found' })
    await expect(createTaxRate(ctx, eu.id, { name: 'X', rate_bps: 887.125 })).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'rate_bps' })],
    })
  })

  it('resolves per line: category overrides reach subcategories; shipping takes the default', async () => {
    await createTaxRate(ctx, eu.id, { name: 'VAT', rate_bps: 2100 })
    await createTaxRate(ctx, eu.id, { name: 'VAT books', rate_bps: 900, category_ids: [books] })
    await createTaxRate(ctx, eu.id, { name: 'MwSt', rate_bps: 1900, country_code: 'de' })
    const lines = [
      { id: 'l_book', product_id: book },
      { id: 'l_shirt', product_id: shirt },
    ]
    const nl = await resolveTaxRates(ctx, { region: eu, country_code: 'NL', lines })
    expect(nl.lines.l_book!.map((r) => r.rate_bps)).toEqual([900])
    expect(nl.lines.l_shirt!.map((r) => r.rate_bps)).toEqual([2100])
    expect(nl.shipping.map((r) => r.name)).toEqual(['VAT'])
    expect(nl.lines.l_shirt![0]!.rate_id).toMatch(/^txr_/)
    const de = await resolveTaxRates(ctx, { region: eu, country_code: 'de', lines })
    expect(de.lines.l_book!.map((r) => r.rate_bps)).toEqual([1900])
  })

  it('resolves US sales tax by state, none where no rate is set', async () => {
    const line = [{ id: 'l1', product_id: shirt }]
    expect((await resolveTaxRates(ctx, { region: us, country_code: 'us', province_code: 'ny', lines: line })).lines.l1).toEqual([
      expect.objectContaining({ name: 'NY sales tax', rate_bps: 887.5 }),
    ])
    expect(await resolveTaxRates(ctx, { region: us, country_code: 'us', province_code: 'OR', lines: line })).toEqual({
      lines: { l1: [] },
      shipping: [],
    })
    expect(await resolveTaxRates(ctx, { region: us, country_code: 'us', lines: line })).toEqual({ lines: { l1: [] }, shipping: [] })
  })

  it("asks the region's own provider when one is set, and gives every line an entry", async () => {
    const region = await createRegion(ctx, {
      name: 'Elsewhere',
      currency_code: 'CHF',
      tax_inclusive: true,
      countries: ['ch'],
      tax_provider_id: 'flat-ten',
    })
    const result = await resolveTaxRates(ctx, {
      region,
      country_code: 'ch',
      lines: [
        { id: 'a', product_id: shirt },
        { id: 'b', product_id: 'skip' },
      ],
    })
    expect(result).toEqual({
      lines: { a: [{ rate_id: null, name: 'Ten ch', rate_bps: 1000 }], b: [] },
      shipping: [{ rate_id: null, name: 'Ten ch', rate_bps: 1000 }],
    })
  })

  it('updates and deletes; a new country drops the old province', async () => {
    const rate = await createTaxRate(ctx, us.id, { name: 'TX', rate_bps: 625, country_code: 'us', province_code: 'tx' })
    const updated = await updateTaxRate(ctx, rate.id, { rate_bps: 825, category_ids: [books] })
    expect(updated).toMatchObject({ rate_bps: 825, province_code: 'tx', category_ids: [books] })
    await expect(updateTaxRate(ctx, rate.id, { country_code: 'nl' })).rejects.toMatchObject({ code: 'region.country_not_in_region' })
    expect(await updateTaxRate(ctx, rate.id, { country_code: 'us' })).toMatchObject({ province_code: null })
    await deleteTaxRate(ctx, rate.id)
    await expect(getTaxRate(ctx, rate.id)).rejects.toMatchObject({ code: 'tax_rate.not_found' })
    expect((await listTaxRates(ctx, us.id)).map((r) => r.name)).toEqual(['NY sales tax'])
  })
})
