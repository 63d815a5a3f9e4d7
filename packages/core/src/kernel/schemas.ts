import { z } from 'zod'
import { isCurrency, MAX_AMOUNT } from './money.js'

/** Shared field schemas: one definition of what a valid handle, currency or amount is. */
export const handleSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes')

export const localeSchema = z.string().regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 language code')

export const currencySchema = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 code')
  .refine(isCurrency, 'an ISO 4217 currency code')

/** Money in minor units of its currency: a non-negative integer. */
export const amountSchema = z.number().int().min(0).max(MAX_AMOUNT)

export const idSchema = z.string().min(1).max(64)

export const metadataSchema = z
  .record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 keys')

export const limitSchema = z.coerce.number().int().min(1).max(100).default(20)
