import { ensureDefaultChannel } from '../channels/channel.service.js'
import { ensureChannelStockLocation, ensureStockLevels } from '../inventory/index.js'
import type { Ctx } from '../kernel/ctx.js'

/**
 * Demo stock by SKU, the same on every run: mostly 10-100 units, about one in twenty sold out and
 * about one in ten low (1-5), so the storefront shows every availability.
 */
export function demoStockQuantity(sku: string): number {
  let hash = 2166136261
  for (const char of sku) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  const bucket = hash % 100
  if (bucket < 5) return 0
  if (bucket < 15) return 1 + (bucket % 5)
  return 10 + (hash % 91)
}

/** Stocks the demo variants at the default sales channel's location; levels that exist stay as they are. */
export async function seedDemoStock(ctx: Ctx, skus: string[]): Promise<number> {
  const { channel } = await ensureDefaultChannel(ctx)
  const location = await ensureChannelStockLocation(ctx, channel.id)
  return ensureStockLevels(
    ctx,
    location.id,
    skus.map((sku) => ({ sku, stocked_quantity: demoStockQuantity(sku) })),
  )
}
