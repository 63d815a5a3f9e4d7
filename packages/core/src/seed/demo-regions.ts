import type { Ctx } from '../kernel/ctx.js'
import { createRegion, findRegionByCountry } from '../regions/index.js'
import { createShippingOption } from '../shipping/index.js'
import { createTaxRate } from '../tax/index.js'

interface DemoRate {
  name: string
  rate_bps: number
  country_code?: string
  province_code?: string
  books?: boolean
}

interface DemoRegion {
  name: string
  currency_code: string
  tax_inclusive: boolean
  countries: string[]
  rates: DemoRate[]
  shipping: Record<string, unknown>[]
}

/** The demo regions of docs (API.md "Demo data"): amounts in each currency's minor units. */
export const DEMO_REGIONS: DemoRegion[] = [
  {
    name: 'Netherlands & EU',
    currency_code: 'EUR',
    tax_inclusive: true,
    countries: ['nl', 'be', 'de', 'fr'],
    rates: [
      { name: 'BTW 21%', rate_bps: 2100 },
      { name: 'BTW 9% (books)', rate_bps: 900, books: true },
      { name: 'TVA/BTW 6% (books)', rate_bps: 600, country_code: 'be', books: true },
      { name: 'MwSt 19%', rate_bps: 1900, country_code: 'de' },
      { name: 'MwSt 7% (books)', rate_bps: 700, country_code: 'de', books: true },
      { name: 'TVA 20%', rate_bps: 2000, country_code: 'fr' },
      { name: 'TVA 5.5% (books)', rate_bps: 550, country_code: 'fr', books: true },
    ],
    shipping: [
      { name: 'PostNL Standard', price_type: 'flat', amount: 495, free_over: 5000 },
      {
        name: 'PostNL Parcel by weight',
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: 2000, amount: 695 },
          { up_to_grams: 10_000, amount: 1295 },
          { up_to_grams: 30_000, amount: 2495 },
        ],
      },
      { name: 'DHL Express', price_type: 'flat', amount: 1495, countries: ['nl', 'be'] },
    ],
  },
  {
    name: 'United States',
    currency_code: 'USD',
    tax_inclusive: false,
    countries: ['us'],
    rates: [
      { name: 'NY sales tax', rate_bps: 887.5, country_code: 'us', province_code: 'ny' },
      { name: 'CA sales tax', rate_bps: 725, country_code: 'us', province_code: 'ca' },
      { name: 'TX sales tax', rate_bps: 625, country_code: 'us', province_code: 'tx' },
    ],
    shipping: [
      { name: 'USPS Ground', price_type: 'flat', amount: 799, free_over: 7500 },
      {
        name: 'UPS by weight',
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: 1000, amount: 899 },
          { up_to_grams: 5000, amount: 1499 },
          { up_to_grams: null, amount: 2999 },
        ],
      },
      { name: 'FedEx Overnight', price_type: 'flat', amount: 2999 },
    ],
  },
  {
    name: 'Japan',
    currency_code: 'JPY',
    tax_inclusive: true,
    countries: ['jp'],
    rates: [{ name: 'Consumption tax 10%', rate_bps: 1000 }],
    shipping: [
      { name: 'Yamato Standard', price_type: 'flat', amount: 800, free_over: 10_000 },
      {
        name: 'Yamato by weight',
        price_type: 'weight',
        weight_tiers: [
          { up_to_grams: 2000, amount: 900 },
          { up_to_grams: 10_000, amount: 1500 },
          { up_to_grams: null, amount: 2500 },
        ],
      },
    ],
  },
]

/**
 * Creates the demo regions with their tax rates and shipping options. A region whose first country
 * already belongs to a region is left alone (with its rates and options), so a second run creates nothing.
 */
export async function seedDemoRegions(
  ctx: Ctx,
  options: { booksCategoryId?: string | undefined } = {},
): Promise<{ created: number; skipped: number }> {
  const counts = { created: 0, skipped: 0 }
  for (const demo of DEMO_REGIONS) {
    if (await findRegionByCountry(ctx, demo.countries[0]!)) {
      counts.skipped += 1
      continue
    }
    const region = await createRegion(ctx, {
      name: demo.name,
      currency_code: demo.currency_code,
      tax_inclusive: demo.tax_inclusive,
      countries: demo.countries,
    })
    for (const { books, ...rate } of demo.rates) {
      if (books && !options.booksCategoryId) continue
      await createTaxRate(ctx, region.id, { ...rate, ...(books && { category_ids: [options.booksCategoryId] }) })
    }
    for (const option of demo.shipping) await createShippingOption(ctx, { region_id: region.id, ...option })
    counts.created += 1
  }
  return counts
}
