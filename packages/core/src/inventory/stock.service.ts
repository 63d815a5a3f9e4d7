import { CatalogErrors, recordProductsUpdated } from '../catalog/index.js'
import { constraintViolation } from '../db/dialect.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import {
  type Availability,
  availabilityOf,
  type CreateStockLocationInput,
  type InventoryLevel,
  InventoryErrors,
  type StockLevelInput,
  stockLevelInputSchema,
  type StockLocation,
  stockLocationCreateSchema,
  type VariantStock,
} from './inventory.js'
import * as repo from './inventory.repository.js'

export async function listStockLocations(ctx: Ctx): Promise<StockLocation[]> {
  return repo.findLocations(ctx.db)
}

export async function getStockLocation(ctx: Ctx, id: string): Promise<StockLocation> {
  const [location] = await repo.findLocations(ctx.db, [id])
  if (!location) throw InventoryErrors.locationNotFound(id)
  return location
}

/** Creates a stock location; the sales channels named sell from it from now on. */
export async function createStockLocation(ctx: Ctx, rawInput: CreateStockLocationInput): Promise<StockLocation> {
  const input = parseInput(stockLocationCreateSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const channelIds = [...new Set(input.sales_channel_ids ?? [])]
    const known = await repo.existingChannelIds(tx.db, channelIds)
    const missing = channelIds.find((id) => !known.has(id))
    if (missing) throw InventoryErrors.channelNotFound(missing)
    const now = tx.now().toISOString()
    const id = tx.newId('sloc')
    await repo.insertLocation(tx.db, { id, name: input.name, created_at: now, updated_at: now })
    for (const channelId of channelIds) await repo.setChannelLocation(tx.db, channelId, id)
    return getStockLocation(tx, id)
  })
}

/** The location a sales channel sells from, created (as "Default location") when it has none. */
export async function ensureChannelStockLocation(ctx: Ctx, channelId: string): Promise<StockLocation> {
  return inTransaction(ctx, async (tx) => {
    const existing = await repo.findChannelLocationId(tx.db, channelId)
    if (existing) return getStockLocation(tx, existing)
    return createStockLocation(tx, { name: 'Default location', sales_channel_ids: [channelId] })
  })
}

/** A variant's stock at every location that holds a level for it. */
export async function getVariantStock(ctx: Ctx, variantId: string): Promise<VariantStock> {
  const variant = (await repo.findVariantFlags(ctx.db, [variantId])).get(variantId)
  if (!variant) throw CatalogErrors.variantNotFound(variantId)
  return {
    variant_id: variant.id,
    sku: variant.sku,
    manage_inventory: variant.manage_inventory,
    allow_backorder: variant.allow_backorder,
    levels: await repo.findLevelsOfVariant(ctx.db, variantId),
  }
}

/**
 * Sets how many units of a variant a location holds; reservations stay. Refused with
 * `inventory.below_reserved` when fewer than the reserved units would remain (unless the variant
 * allows backorders): the database CHECK decides, so a racing reservation cannot slip under it.
 */
export async function setStockLevel(ctx: Ctx, variantId: string, locationId: string, rawInput: StockLevelInput): Promise<InventoryLevel> {
  const input = parseInput(stockLevelInputSchema, rawInput)
  return inTransaction(ctx, async (tx) => {
    const variant = (await repo.findVariantFlags(tx.db, [variantId])).get(variantId)
    if (!variant) throw CatalogErrors.variantNotFound(variantId)
    await getStockLocation(tx, locationId)
    try {
      await repo.upsertStocked(
        tx.db,
        [
          {
            variant_id: variantId,
            location_id: locationId,
            allow_backorder: variant.allow_backorder,
            stocked_quantity: input.stocked_quantity,
          },
        ],
        tx.now().toISOString(),
      )
    } catch (error) {
      if (constraintViolation(error)?.kind === 'check') throw InventoryErrors.belowReserved(variantId)
      throw error
    }
    await recordProductsUpdated(tx, [variant.product_id], ['stock'])
    return (await repo.findLevel(tx.db, variantId, locationId))!
  })
}

/**
 * What shoppers of a sales channel see for each variant, from its stock at the channel's
 * location: `low_stock` at or below LOW_STOCK_THRESHOLD available units. Variants that do not
 * manage inventory or allow backorders are `in_stock`; unknown ids are left out.
 */
export async function getAvailability(ctx: Ctx, variantIds: string[], channelId: string): Promise<Map<string, Availability>> {
  const result = new Map<string, Availability>()
  if (variantIds.length === 0) return result
  for (const row of await repo.findAvailabilityRows(ctx.db, variantIds, channelId)) {
    const available = Number(row.stocked_quantity ?? 0) - Number(row.reserved_quantity ?? 0)
    result.set(
      row.id,
      availabilityOf({ manage_inventory: Boolean(row.manage_inventory), allow_backorder: Boolean(row.allow_backorder) }, available),
    )
  }
  return result
}

/**
 * Gives variants (by SKU) a stock level at a location where they have none yet; existing levels
 * and unknown SKUs are left alone. Returns how many levels it created. For seeding and imports.
 */
export async function ensureStockLevels(ctx: Ctx, locationId: string, rows: { sku: string; stocked_quantity: number }[]): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    await getStockLocation(tx, locationId)
    const variants = await repo.findVariantFlagsBySku(
      tx.db,
      rows.map((r) => r.sku),
    )
    const levels = rows.flatMap((r) => {
      const v = variants.get(r.sku)
      return v
        ? [{ variant_id: v.id, location_id: locationId, allow_backorder: v.allow_backorder, stocked_quantity: r.stocked_quantity }]
        : []
    })
    return repo.insertMissingLevels(tx.db, levels, tx.now().toISOString())
  })
}
