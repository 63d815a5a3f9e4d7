import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'
import { countryCodeSchema, provinceCodeSchema } from '../regions/countries.js'

/** A rate as the totals use it; `rate_id` is null for rates that no stored tax rate backs (an external provider's). */
export interface TaxRateRef {
  rate_id: string | null
  name: string
  /** Basis points, at most two decimals: 2100 is 21%, 887.5 is 8.875%. */
  rate_bps: number
}

/** What a tax provider is asked: which rates apply to each line, and to shipping, for one destination. */
export interface TaxCalculationInput {
  region: { id: string; currency_code: string; tax_inclusive: boolean }
  /** Lowercase ISO 3166-1 alpha-2. */
  country_code: string
  /** Lowercase subdivision code (`ny`), or null. */
  province_code: string | null
  /** Each line's product and its categories (with their ancestors). */
  lines: { id: string; product_id: string; category_ids: string[] }[]
}

export interface TaxCalculationResult {
  /** Rates per line id; a line without rates is untaxed. */
  lines: Record<string, TaxRateRef[]>
  shipping: TaxRateRef[]
}

const twoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6

const rateFields = {
  name: z.string().trim().min(1).max(255),
  code: z.string().trim().min(1).max(64).nullable().optional(),
  rate_bps: z.number().min(0).max(10_000).refine(twoDecimals, 'basis points with at most two decimals (887.5 is 8.875%)'),
  country_code: countryCodeSchema.nullable().optional(),
  province_code: provinceCodeSchema.nullable().optional(),
  category_ids: z.array(idSchema).max(100).optional(),
}

export const taxRateCreateSchema = z.strictObject(rateFields)
export const taxRateUpdateSchema = z.strictObject(rateFields).partial()

export type CreateTaxRateInput = z.infer<typeof taxRateCreateSchema>
export type UpdateTaxRateInput = z.infer<typeof taxRateUpdateSchema>

/**
 * A tax rate of a region, optionally only for one country and one province of it, and optionally
 * only for products in some categories (an override of the default rate at the same place).
 */
export interface TaxRate {
  id: string
  region_id: string
  name: string
  code: string | null
  rate_bps: number
  country_code: string | null
  province_code: string | null
  /** Empty: the default rate for everything; else only products in these categories (or below). */
  category_ids: string[]
  created_at: string
  updated_at: string
}

export const TaxErrors = {
  rateNotFound: defineError('tax_rate.not_found', 'not_found', (id: string) => `Tax rate ${id} not found`),
  provinceWithoutCountry: defineError(
    'tax_rate.province_without_country',
    'invalid',
    () => 'A tax rate for a province names its country too',
  ),
}
