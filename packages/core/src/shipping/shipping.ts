import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { amountSchema, idSchema, metadataSchema } from '../kernel/schemas.js'
import { countryCodeSchema } from '../regions/countries.js'

export const SHIPPING_PRICE_TYPES = ['flat', 'weight', 'calculated'] as const
export type ShippingPriceType = (typeof SHIPPING_PRICE_TYPES)[number]

export const weightTierSchema = z.strictObject({
  /** Carts up to this many grams (inclusive) pay this tier; null: any weight. */
  up_to_grams: z.number().int().min(1).max(100_000_000).nullable(),
  amount: amountSchema,
})

const optionFields = {
  name: z.string().trim().min(1).max(255),
  price_type: z.enum(SHIPPING_PRICE_TYPES),
  /** Who prices a `calculated` option (a registered shipping provider); `system` for flat and weight. */
  provider_id: z.string().min(1).max(64).optional(),
  amount: amountSchema.nullable().optional(),
  weight_tiers: z.array(weightTierSchema).max(50).optional(),
  free_over: amountSchema.nullable().optional(),
  countries: z
    .array(countryCodeSchema)
    .max(250)
    .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'each country once')
    .optional(),
  active: z.boolean().optional(),
  data: metadataSchema.optional(),
}

export const shippingOptionCreateSchema = z.strictObject({ region_id: idSchema, ...optionFields })
export const shippingOptionUpdateSchema = z.strictObject(optionFields).partial()

export type CreateShippingOptionInput = z.infer<typeof shippingOptionCreateSchema>
export type UpdateShippingOptionInput = z.infer<typeof shippingOptionUpdateSchema>

export interface WeightTier {
  up_to_grams: number | null
  amount: number
}

/** A way to ship to (some countries of) a region, and how its price is found. */
export interface ShippingOption {
  id: string
  region_id: string
  name: string
  price_type: ShippingPriceType
  provider_id: string
  /** `flat`: the price in minor units of the region's currency. */
  amount: number | null
  /** `weight`: ascending tiers by the cart's total weight. */
  weight_tiers: WeightTier[]
  /** Free when the cart subtotal reaches this amount; null: never free. */
  free_over: number | null
  /** Lowercase countries it ships to; empty: all of the region's. */
  countries: string[]
  active: boolean
  /** Settings for the provider of a `calculated` option. */
  data: Record<string, unknown>
  created_at: string
  updated_at: string
}

/** The cart an option is priced for. `subtotal` is what the free-shipping threshold compares with. */
export interface ShippingQuoteInput {
  region_id: string
  country_code: string
  subtotal: number
  weight_grams: number
}

/** An option's price for one cart. */
export interface ShippingQuote {
  id: string
  name: string
  amount: number
  provider_id: string
}

export const ShippingErrors = {
  optionNotFound: defineError('shipping_option.not_found', 'not_found', (id: string) => `Shipping option ${id} not found`),
  unavailable: defineError('shipping_option.unavailable', 'invalid', (id: string) => `Shipping option ${id} cannot ship this cart`),
  providerNotFound: defineError(
    'shipping_option.provider_not_found',
    'invalid',
    (id: string) => `No shipping provider ${id} is registered`,
  ),
}
