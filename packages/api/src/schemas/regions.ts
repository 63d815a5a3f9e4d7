import { z } from '@hono/zod-openapi'
import { SHIPPING_PRICE_TYPES } from '@kassa/core'

const timestamps = { created_at: z.string().openapi({ format: 'date-time' }), updated_at: z.string().openapi({ format: 'date-time' }) }
const countries = z.array(z.string()).openapi({ description: 'ISO 3166-1 alpha-2, lowercase' })

export const StoreRegionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency_code: z.string().openapi({ description: 'ISO 4217; every amount in the region is in its minor units' }),
    tax_inclusive: z.boolean().openapi({ description: 'Prices shown in the region include tax (else tax is added at checkout)' }),
    countries,
  })
  .openapi('StoreRegion')

export const RegionSchema = StoreRegionSchema.extend({
  tax_provider_id: z.string().openapi({ description: 'The tax provider of the region; `system` uses the tax rates below' }),
  ...timestamps,
}).openapi('Region')

export const TaxRateSchema = z
  .object({
    id: z.string(),
    region_id: z.string(),
    name: z.string(),
    code: z.string().nullable(),
    rate_bps: z.number().openapi({ description: 'Basis points with at most two decimals: 2100 is 21%, 887.5 is 8.875%' }),
    country_code: z.string().nullable().openapi({ description: 'Only in this country of the region; null: the whole region' }),
    province_code: z
      .string()
      .nullable()
      .openapi({ description: 'Only in this province or state (ISO 3166-2 without the country, lowercase)' }),
    category_ids: z
      .array(z.string())
      .openapi({ description: 'Only for products in these categories (or below them); empty: the default rate' }),
    ...timestamps,
  })
  .openapi('TaxRate')

export const ShippingOptionSchema = z
  .object({
    id: z.string(),
    region_id: z.string(),
    name: z.string(),
    price_type: z.enum(SHIPPING_PRICE_TYPES),
    provider_id: z.string(),
    amount: z.number().int().nullable().openapi({ description: '`flat`: the price in minor units' }),
    weight_tiers: z.array(z.object({ up_to_grams: z.number().int().nullable(), amount: z.number().int() })),
    free_over: z.number().int().nullable().openapi({ description: 'Free from this cart subtotal on; null: never free' }),
    countries: z.array(z.string()).openapi({ description: 'Countries it ships to; empty: all of the region' }),
    active: z.boolean(),
    data: z.record(z.string(), z.unknown()),
    ...timestamps,
  })
  .openapi('ShippingOption')

export const ShippingQuoteSchema = z
  .object({ id: z.string(), name: z.string(), amount: z.number().int(), provider_id: z.string() })
  .openapi('ShippingQuote')
