import { z } from 'zod'
import { defineError } from '../kernel/errors.js'
import { currencySchema } from '../kernel/schemas.js'
import { countryCodeSchema } from './countries.js'

const countries = z
  .array(countryCodeSchema)
  .max(250)
  .refine((list) => new Set(list.map((c) => c.toLowerCase())).size === list.length, 'each country once')

const regionFields = {
  name: z.string().trim().min(1).max(255),
  currency_code: currencySchema,
  tax_inclusive: z.boolean(),
  countries,
  /** The tax provider that answers for this region (default `system`, the built-in rates). */
  tax_provider_id: z.string().min(1).max(64).optional(),
}

export const regionCreateSchema = z.strictObject(regionFields)
export const regionUpdateSchema = z.strictObject(regionFields).partial()

export type CreateRegionInput = z.infer<typeof regionCreateSchema>
export type UpdateRegionInput = z.infer<typeof regionUpdateSchema>

/** Countries that share one currency and one way of showing prices (with or without tax). */
export interface Region {
  id: string
  name: string
  /** ISO 4217, uppercase. */
  currency_code: string
  /** Prices are shown with tax included (EU) or tax is added on top (US). */
  tax_inclusive: boolean
  /** ISO 3166-1 alpha-2, lowercase; a country belongs to at most one region. */
  countries: string[]
  tax_provider_id: string
  created_at: string
  updated_at: string
}

export const RegionErrors = {
  notFound: defineError('region.not_found', 'not_found', (id: string) => `Region ${id} not found`),
  countryTaken: defineError(
    'region.country_taken',
    'conflict',
    (country: string) => `Country ${country} already belongs to another region`,
  ),
  countryNotInRegion: defineError(
    'region.country_not_in_region',
    'invalid',
    (country: string) => `Country ${country} is not one of the region's countries`,
  ),
  taxProviderNotFound: defineError('region.tax_provider_not_found', 'invalid', (id: string) => `No tax provider ${id} is registered`),
}
