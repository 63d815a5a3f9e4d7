import { recordProductsUpdated } from '../catalog/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors, type FieldError } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { indexProducts } from '../search/index.js'
import { type PriceBatchInput, type PriceBatchResult, priceBatchSchema, PricingErrors } from './price-batch.js'
import * as repo from './price.repository.js'

/**
 * Sets the prices of many variants by id in one transaction, all or nothing (the admin's bulk
 * price editor). Each row sets one currency's amount; the variant's other prices stay. A row
 * naming a variant that does not exist fails the batch with 422 `price.variants_unknown`, one
 * error per such row (`items.3.variant_id`); the same variant and currency twice is 400
 * `validation_failed`. Every product touched raises `product.updated` with `changes: ['prices']`.
 */
export async function batchUpdatePrices(ctx: Ctx, rawInput: PriceBatchInput): Promise<PriceBatchResult> {
  const input = parseInput(priceBatchSchema, rawInput)
  const seen = new Map<string, number>()
  const duplicates: FieldError[] = []
  for (const [index, item] of input.items.entries()) {
    const key = `${item.variant_id} ${item.currency_code.toUpperCase()}`
    const first = seen.get(key)
    if (first !== undefined) {
      duplicates.push({
        path: `items.${index}.currency_code`,
        code: 'duplicate',
        message: `Row ${first} already prices this variant in ${item.currency_code.toUpperCase()}`,
      })
    } else seen.set(key, index)
  }
  if (duplicates.length) throw CommonErrors.validation(duplicates)

  return inTransaction(ctx, async (tx) => {
    const products = await repo.findVariantProducts(
      tx.db,
      input.items.map((i) => i.variant_id),
    )
    const unknown: FieldError[] = input.items.flatMap((item, index) =>
      products.has(item.variant_id)
        ? []
        : [{ path: `items.${index}.variant_id`, code: 'not_found', message: `Variant ${item.variant_id} not found` }],
    )
    if (unknown.length) throw PricingErrors.variantsUnknown(unknown)

    await repo.upsertVariantPrices(
      tx.db,
      input.items.map((item) => ({
        id: tx.newId('price'),
        variant_id: item.variant_id,
        currency_code: item.currency_code.toUpperCase(),
        amount: item.amount,
      })),
    )
    const productIds = [...new Set(input.items.map((i) => products.get(i.variant_id)!))]
    await repo.touchProducts(tx.db, productIds, tx.now().toISOString())
    await indexProducts(tx, productIds)
    await recordProductsUpdated(tx, productIds, ['prices'])
    return { prices: input.items.length, products: productIds.length }
  })
}
