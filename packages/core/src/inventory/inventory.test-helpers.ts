import { createProduct } from '../catalog/index.js'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import type { Ctx } from '../kernel/ctx.js'
import { ensureChannelStockLocation, setStockLevel } from './stock.service.js'

/** A default channel with a location, and one product whose variants have the given stock and flags. */
export async function stockFixture(
  ctx: Ctx,
  variants: { sku: string; stock?: number; manage_inventory?: boolean; allow_backorder?: boolean }[],
) {
  const { channel } = await ensureDefaultChannel(ctx)
  const location = await ensureChannelStockLocation(ctx, channel.id)
  const product = await createProduct(ctx, {
    title: `Stock fixture ${variants[0]!.sku}`,
    status: 'published',
    variants: variants.map((v) => ({
      sku: v.sku,
      title: v.sku,
      prices: [{ currency_code: 'EUR', amount: 1000 }],
      ...(v.manage_inventory !== undefined && { manage_inventory: v.manage_inventory }),
      ...(v.allow_backorder !== undefined && { allow_backorder: v.allow_backorder }),
    })),
  })
  const ids: Record<string, string> = {}
  for (const v of variants) {
    const variant = product.variants.find((x) => x.sku === v.sku)!
    ids[v.sku] = variant.id
    if (v.stock !== undefined) await setStockLevel(ctx, variant.id, location.id, { stocked_quantity: v.stock })
  }
  return { channelId: channel.id, locationId: location.id, productId: product.id, ids }
}

/** stocked and reserved of a variant at a location (0/0 without a level). */
export async function levelOf(ctx: Ctx, variantId: string, locationId: string): Promise<{ stocked: number; reserved: number }> {
  const row = await ctx.db
    .selectFrom('inventory_level')
    .select(['stocked_quantity', 'reserved_quantity'])
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirst()
  return { stocked: Number(row?.stocked_quantity ?? 0), reserved: Number(row?.reserved_quantity ?? 0) }
}
