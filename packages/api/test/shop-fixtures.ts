import {
  type Commerce,
  createProduct,
  createRegion,
  createShippingOption,
  createTaxRate,
  ensureChannelStockLocation,
  ensureDefaultChannel,
  setStockLevel,
} from '@kassa/core'

export const ADDRESSES = {
  nl: {
    first_name: 'Anna',
    last_name: 'de Vries',
    address_1: 'Keizersgracht 1',
    city: 'Amsterdam',
    postal_code: '1015 CJ',
    country_code: 'NL',
  },
  us: {
    first_name: 'Sam',
    last_name: 'Lee',
    address_1: '1 Main St',
    city: 'New York',
    postal_code: '10001',
    province: 'NY',
    country_code: 'us',
  },
  jp: { first_name: 'Yuki', last_name: 'Sato', address_1: '1-1 Chiyoda', city: 'Tokyo', postal_code: '100-0001', country_code: 'JP' },
}

export interface Shop {
  regions: { nl: string; us: string; jp: string }
  shipping: { nl: string; us: string; jp: string }
  /** A shirt priced 24.95 EUR, 29.99 USD, 3500 JPY; a book at 9% in NL (a category override is not needed here). */
  variants: { shirt: string; mug: string }
  locationId: string
  channelId: string
}

/**
 * Regions NL (EUR, 21% VAT, inclusive), US (USD, 8.875% NY sales tax, exclusive) and JP (JPY, 10%,
 * inclusive), a flat shipping option in each, two published products with stock.
 */
export async function createShop(commerce: Commerce, stock = 100): Promise<Shop> {
  const ctx = commerce.ctx()
  const { channel } = await ensureDefaultChannel(ctx)
  const location = await ensureChannelStockLocation(ctx, channel.id)
  const nl = await createRegion(ctx, { name: 'Netherlands', currency_code: 'EUR', tax_inclusive: true, countries: ['nl', 'be'] })
  await createTaxRate(ctx, nl.id, { name: 'BTW', rate_bps: 2100 })
  const us = await createRegion(ctx, { name: 'United States', currency_code: 'USD', tax_inclusive: false, countries: ['us'] })
  await createTaxRate(ctx, us.id, { name: 'NY sales tax', rate_bps: 887.5, country_code: 'us', province_code: 'ny' })
  const jp = await createRegion(ctx, { name: 'Japan', currency_code: 'JPY', tax_inclusive: true, countries: ['jp'] })
  await createTaxRate(ctx, jp.id, { name: 'Consumption tax', rate_bps: 1000 })
  const ship = async (region_id: string, amount: number) =>
    (await createShippingOption(ctx, { region_id, name: 'Standard', price_type: 'flat', amount })).id
  const shipping = { nl: await ship(nl.id, 495), us: await ship(us.id, 799), jp: await ship(jp.id, 800) }
  const shirt = await createProduct(ctx, {
    title: 'Checkout Shirt',
    status: 'published',
    variants: [
      {
        sku: 'CO-SHIRT',
        weight_grams: 300,
        prices: [
          { currency_code: 'EUR', amount: 2495 },
          { currency_code: 'USD', amount: 2999 },
          { currency_code: 'JPY', amount: 3500 },
        ],
      },
    ],
  })
  const mug = await createProduct(ctx, {
    title: 'Checkout Mug',
    status: 'published',
    variants: [
      {
        sku: 'CO-MUG',
        weight_grams: 400,
        prices: [
          { currency_code: 'EUR', amount: 1299 },
          { currency_code: 'USD', amount: 1333 },
          { currency_code: 'JPY', amount: 1999 },
        ],
      },
    ],
  })
  const variants = { shirt: shirt.variants[0]!.id, mug: mug.variants[0]!.id }
  for (const id of Object.values(variants)) await setStockLevel(ctx, id, location.id, { stocked_quantity: stock })
  return { regions: { nl: nl.id, us: us.id, jp: jp.id }, shipping, variants, locationId: location.id, channelId: channel.id }
}
