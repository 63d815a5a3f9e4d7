import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import { ensureChannelStockLocation, getAvailability, setStockLevel } from '../inventory/index.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { demoProducts } from './demo-catalog.js'
import { demoStockQuantity } from './demo-stock.js'
import { seedDemo } from './seed.service.js'

const allSkus = demoProducts().flatMap((p) => p.input.variants!.map((v) => v.sku!))

describe('demo stock', () => {
  it('is deterministic and spread: some sold out, some low, most between 10 and 100', () => {
    const quantities = allSkus.map(demoStockQuantity)
    expect(allSkus.map(demoStockQuantity)).toEqual(quantities)
    const out = quantities.filter((q) => q === 0).length
    const low = quantities.filter((q) => q >= 1 && q <= 5).length
    expect(out).toBeGreaterThan(0)
    expect(low).toBeGreaterThan(out)
    expect(out + low).toBeLessThan(quantities.length / 4)
    expect(quantities.every((q) => q === 0 || (q >= 1 && q <= 5) || (q >= 10 && q <= 100))).toBe(true)
  })

  describe('seeded', () => {
    let ctx: Awaited<ReturnType<typeof createTestCtx>>
    beforeAll(async () => {
      ctx = await createTestCtx()
      await seedDemo(ctx, { products: 30 })
    }, 60_000)
    afterAll(() => ctx?.close())

    it('stocks every seeded variant at the default channel location, idempotently', async () => {
      const { channel } = await ensureDefaultChannel(ctx)
      const location = await ensureChannelStockLocation(ctx, channel.id)
      const levels = await ctx.db
        .selectFrom('inventory_level as l')
        .innerJoin('product_variant as v', 'v.id', 'l.variant_id')
        .select(['v.sku', 'l.location_id', 'l.stocked_quantity'])
        .execute()
      const variants = await ctx.db.selectFrom('product_variant').select(['id', 'sku']).execute()
      expect(levels).toHaveLength(variants.length)
      expect(levels.every((l) => l.location_id === location.id && l.stocked_quantity === demoStockQuantity(l.sku!))).toBe(true)

      // A shop changes a level, then seeds again: nothing is added or overwritten.
      await setStockLevel(ctx, variants[0]!.id, location.id, { stocked_quantity: 999 })
      await seedDemo(ctx, { products: 30 })
      expect(await ctx.db.selectFrom('inventory_level').select('variant_id').execute()).toHaveLength(variants.length)
      const first = await ctx.db
        .selectFrom('inventory_level')
        .select('stocked_quantity')
        .where('variant_id', '=', variants[0]!.id)
        .executeTakeFirstOrThrow()
      expect(first.stocked_quantity).toBe(999)

      const availability = await getAvailability(
        ctx,
        variants.map((v) => v.id),
        channel.id,
      )
      expect(availability.size).toBe(variants.length)
    })
  })
})
