import { constraintViolation } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { CommonErrors, type FieldError } from '../kernel/errors.js'
import { parseInput } from '../kernel/validate.js'
import { recordProductsUpdated } from '../catalog/index.js'
import { indexProducts } from '../search/index.js'
import { InventoryErrors, type StockBatchInput, type StockBatchResult, stockBatchSchema } from './inventory.js'
import * as repo from './inventory.repository.js'
import { ensureChannelStockLocation } from './stock.service.js'

interface LevelWrite {
  index: number
  variant_id: string
  location_id: string
  allow_backorder: boolean
  stocked_quantity: number
}

/**
 * Sets stock and prices of many variants by SKU in one transaction, all or nothing (an ERP push).
 * Rows without `location_id` go to the default sales channel's location. Any bad row fails the
 * whole batch with `validation_failed`, one error per row naming it (`items.3.sku`: `unknown_sku`).
 * Prices given are set per currency; the variant's other prices stay.
 */
export async function batchUpdateStock(ctx: Ctx, rawInput: StockBatchInput): Promise<StockBatchResult> {
  const input = parseInput(stockBatchSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const errors: FieldError[] = []
    const variants = await repo.findVariantFlagsBySku(
      tx.db,
      input.items.map((i) => i.sku),
    )
    const knownLocations = await repo.existingLocationIds(
      tx.db,
      input.items.flatMap((i) => (i.location_id ? [i.location_id] : [])),
    )
    const defaultLocation = input.items.some((i) => i.stocked_quantity !== undefined && i.location_id === undefined)
      ? await defaultLocationId(tx)
      : undefined

    const levels: LevelWrite[] = []
    const prices: { id: string; variant_id: string; currency_code: string; amount: number }[] = []
    const productIds = new Set<string>()
    const stockedProductIds = new Set<string>()
    const seenLevels = new Set<string>()
    const seenPrices = new Set<string>()
    for (const [index, item] of input.items.entries()) {
      const at = `items.${index}`
      const variant = variants.get(item.sku)
      if (!variant) {
        errors.push({ path: `${at}.sku`, code: 'unknown_sku', message: `No variant has SKU ${item.sku}` })
        continue
      }
      if (item.location_id && !knownLocations.has(item.location_id)) {
        errors.push({ path: `${at}.location_id`, code: 'not_found', message: `Stock location ${item.location_id} not found` })
        continue
      }
      if (item.stocked_quantity !== undefined) {
        const locationId = item.location_id ?? defaultLocation
        if (!locationId) {
          errors.push({
            path: `${at}.location_id`,
            code: 'required',
            message: 'There is no default sales channel to take the location from: name one',
          })
          continue
        }
        const key = `${variant.id} ${locationId}`
        if (seenLevels.has(key))
          errors.push({ path: `${at}.sku`, code: 'duplicate', message: `SKU ${item.sku} appears twice for one location` })
        seenLevels.add(key)
        stockedProductIds.add(variant.product_id)
        levels.push({
          index,
          variant_id: variant.id,
          location_id: locationId,
          allow_backorder: variant.allow_backorder,
          stocked_quantity: item.stocked_quantity,
        })
      }
      for (const [j, price] of (item.prices ?? []).entries()) {
        const currency = price.currency_code.toUpperCase()
        const key = `${variant.id} ${currency}`
        if (seenPrices.has(key))
          errors.push({
            path: `${at}.prices.${j}.currency_code`,
            code: 'duplicate',
            message: `A second ${currency} price for SKU ${item.sku}`,
          })
        seenPrices.add(key)
        prices.push({ id: tx.newId('price'), variant_id: variant.id, currency_code: currency, amount: price.amount })
        productIds.add(variant.product_id)
      }
    }

    const current = await repo.findLevelsByPair(tx.db, levels)
    for (const level of levels) {
      const reserved = current.get(`${level.variant_id} ${level.location_id}`)?.reserved_quantity ?? 0
      if (!level.allow_backorder && level.stocked_quantity < reserved) {
        errors.push({
          path: `items.${level.index}.stocked_quantity`,
          code: 'below_reserved',
          message: `${reserved} units are reserved: stock cannot go below that`,
        })
      }
    }
    if (errors.length) throw CommonErrors.validation(errors.sort((a, b) => pathIndex(a) - pathIndex(b)))

    const now = tx.now().toISOString()
    try {
      await repo.upsertStocked(tx.db, levels, now)
    } catch (error) {
      // A reservation committed between the check above and the write: the stock CHECK refused it.
      if (constraintViolation(error)?.kind === 'check') throw InventoryErrors.belowReserved('in the batch')
      throw error
    }
    await repo.upsertPrices(tx.db, prices)
    if (productIds.size) {
      await repo.touchProducts(tx.db, [...productIds], now)
      await indexProducts(tx, [...productIds])
    }
    const changed = [...new Set([...productIds, ...stockedProductIds])]
    const changes = [...(stockedProductIds.size ? ['stock'] : []), ...(productIds.size ? ['prices'] : [])]
    await recordProductsUpdated(tx, changed, changes)
    return { items: input.items.length, stock_levels: levels.length, prices: prices.length }
  })
}

async function defaultLocationId(ctx: Ctx): Promise<string | undefined> {
  const channelId = await repo.findDefaultChannelId(ctx.db)
  return channelId ? (await ensureChannelStockLocation(ctx, channelId)).id : undefined
}

function pathIndex(error: FieldError): number {
  return Number(error.path.split('.')[1] ?? 0)
}
