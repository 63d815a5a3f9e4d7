import { z } from 'zod'
import { defineError, type FieldError, KassaError } from '../kernel/errors.js'
import { amountSchema, currencySchema, idSchema } from '../kernel/schemas.js'

/** The largest price batch: a product list page's variants times a few currencies. */
export const PRICE_BATCH_MAX_ITEMS = 500

export const priceBatchItemSchema = z.strictObject({ variant_id: idSchema, currency_code: currencySchema, amount: amountSchema })

export const priceBatchSchema = z.strictObject({ items: z.array(priceBatchItemSchema).min(1).max(PRICE_BATCH_MAX_ITEMS) })

export type PriceBatchInput = z.infer<typeof priceBatchSchema>

export interface PriceBatchResult {
  /** Prices written (inserted or changed). */
  prices: number
  /** Products whose variants were priced. */
  products: number
}

const unknownVariants = defineError('price.variants_unknown', 'unprocessable', () => 'Some variants of the batch do not exist')

export const PricingErrors = {
  /** 422 with one field error per row whose variant does not exist (`items.3.variant_id`). */
  variantsUnknown: Object.assign(
    (errors: FieldError[]) => new KassaError(unknownVariants.code, unknownVariants.kind, unknownVariants().message, { errors }),
    {
      code: unknownVariants.code,
      kind: unknownVariants.kind,
    },
  ),
}
