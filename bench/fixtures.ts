import { type Ctx, ensureChannelStockLocation, seedDemoRegions } from '@kassa/core'
import { sql } from 'kysely'

/** Units stocked per variant: enough that no benchmark run sells out. */
const STOCK_PER_VARIANT = 10_000_000

/**
 * What buyers need beyond the catalog: the demo shop's regions (EUR, USD, JPY, with their tax
 * rates and shipping options) and stock for every variant at the sales channel's location, as one
 * INSERT ... SELECT so it is as fast at 100k products as at 1k.
 */
export async function seedCheckoutFixtures(ctx: Ctx, channelId: string): Promise<void> {
  await seedDemoRegions(ctx)
  const location = await ensureChannelStockLocation(ctx, channelId)
  const now = new Date().toISOString()
  await sql`insert into inventory_level (variant_id, location_id, allow_backorder, stocked_quantity, reserved_quantity, updated_at)
    select id, ${location.id}, allow_backorder, ${STOCK_PER_VARIANT}, 0, ${now} from product_variant`.execute(ctx.db)
}
