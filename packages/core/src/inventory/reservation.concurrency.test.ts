import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Commerce, createCommerce } from '../commerce.js'
import { resolveConfig } from '../config/config.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { createTestCtx, testDialect, testPostgresUrl } from '../testing/create-test-ctx.js'
import { levelOf, stockFixture } from './inventory.test-helpers.js'
import { reserveStock } from './reservation.service.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>
const expires_at = '2030-01-01T00:15:00.000Z'

/**
 * Buyers race for the same stock through two engines on one PostgreSQL schema, each with its own
 * connection pool (as two API processes would), every call on its own connection.
 */
describe.runIf(testDialect === 'postgres')('reserveStock under concurrency on PostgreSQL', () => {
  let ctx: TestCtx
  const engines: Commerce[] = []
  const dataDir = mkdtempSync(join(tmpdir(), 'kassa-race-'))

  beforeAll(async () => {
    ctx = await createTestCtx()
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db)
    for (let i = 0; i < 2; i++) {
      engines.push(
        await createCommerce(resolveConfig({ demo: false, dataDir, databaseUrl: testPostgresUrl }), {
          schema: rows[0]!.schema,
          migrate: false,
          poolSize: 25,
        }),
      )
    }
    // Open every connection up front so that the calls below start together instead of queueing on connects.
    await Promise.all(engines.flatMap((e) => Array.from({ length: 25 }, () => sql`select pg_sleep(0.05)`.execute(e.db))))
  })
  afterAll(async () => {
    for (const engine of engines) await engine.close()
    await ctx?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** `buyers` carts, alternating between the two engines, all released at once; counts the outcomes. */
  async function race(buyers: number, buy: (ctx: Ctx, buyer: number) => Promise<void>) {
    let release!: () => void
    const barrier = new Promise<void>((resolve) => (release = resolve))
    const outcomes = Array.from({ length: buyers }, async (_, i) => {
      await barrier
      try {
        await buy(engines[i % 2]!.ctx(), i)
        return 'ok'
      } catch (error) {
        return (error as { code?: string }).code ?? `crash: ${(error as Error).message}`
      }
    })
    release()
    const results = await Promise.all(outcomes)
    const tally: Record<string, number> = {}
    for (const r of results) tally[r] = (tally[r] ?? 0) + 1
    return tally
  }

  it('50 buyers of the last unit: exactly 1 reservation, 49 inventory.insufficient', async () => {
    const f = await stockFixture(ctx, [{ sku: 'LAST', stock: 1 }])
    const tally = await race(50, (c, i) =>
      reserveStock(c, { cart_id: `cart_${i}`, channel_id: f.channelId, items: [{ variant_id: f.ids.LAST!, quantity: 1 }], expires_at }),
    )
    expect(tally).toEqual({ ok: 1, 'inventory.insufficient': 49 })
    expect(await levelOf(ctx, f.ids.LAST!, f.locationId)).toEqual({ stocked: 1, reserved: 1 })
    expect(await reservationCount(ctx, f.ids.LAST!)).toBe(1)
  })

  it.each([
    [7, 40],
    [30, 20],
  ])('stock %i and %i buyers: min(N, k) reservations', async (stock, buyers) => {
    const f = await stockFixture(ctx, [{ sku: `K${stock}`, stock }])
    const id = f.ids[`K${stock}`]!
    const tally = await race(buyers, (c, i) =>
      reserveStock(c, { cart_id: `k${stock}_${i}`, channel_id: f.channelId, items: [{ variant_id: id, quantity: 1 }], expires_at }),
    )
    const won = Math.min(buyers, stock)
    expect(tally).toEqual({ ok: won, ...(buyers > stock && { 'inventory.insufficient': buyers - stock }) })
    expect(await levelOf(ctx, id, f.locationId)).toEqual({ stocked: stock, reserved: won })
  })

  it('carts holding two variants in opposite orders neither deadlock nor oversell either variant', async () => {
    const f = await stockFixture(ctx, [
      { sku: 'PAIR-A', stock: 10 },
      { sku: 'PAIR-B', stock: 10 },
    ])
    const [a, b] = [f.ids['PAIR-A']!, f.ids['PAIR-B']!]
    const tally = await race(40, (c, i) => {
      const items = [
        { variant_id: a, quantity: 1 },
        { variant_id: b, quantity: 1 },
      ]
      return reserveStock(c, { cart_id: `pair_${i}`, channel_id: f.channelId, items: i % 2 ? items : items.reverse(), expires_at })
    })
    expect(tally).toEqual({ ok: 10, 'inventory.insufficient': 30 })
    expect(await levelOf(ctx, a, f.locationId)).toEqual({ stocked: 10, reserved: 10 })
    expect(await levelOf(ctx, b, f.locationId)).toEqual({ stocked: 10, reserved: 10 })
  })

  it('a naive read-then-write decrement oversells under the same race (the test can catch an oversell)', async () => {
    const f = await stockFixture(ctx, [{ sku: 'NAIVE', stock: 1 }])
    const id = f.ids.NAIVE!
    // What a lost-update bug looks like: read the level, decide in code, write the computed value.
    const naiveReserve = (c: Ctx, cartId: string) =>
      inTransaction(c, async (tx) => {
        const level = await tx.db
          .selectFrom('inventory_level')
          .select(['stocked_quantity', 'reserved_quantity'])
          .where('variant_id', '=', id)
          .executeTakeFirstOrThrow()
        if (level.stocked_quantity - level.reserved_quantity < 1)
          throw Object.assign(new Error('sold out'), { code: 'inventory.insufficient' })
        await new Promise((resolve) => setTimeout(resolve, 5))
        await tx.db
          .updateTable('inventory_level')
          .set({ reserved_quantity: level.reserved_quantity + 1 })
          .where('variant_id', '=', id)
          .execute()
        await tx.db
          .insertInto('reservation')
          .values({
            id: tx.newId('res'),
            cart_id: cartId,
            variant_id: id,
            location_id: f.locationId,
            quantity: 1,
            expires_at,
            created_at: tx.now().toISOString(),
          })
          .execute()
      })
    const tally = await race(50, (c, i) => naiveReserve(c, `naive_${i}`))
    expect(tally.ok).toBeGreaterThan(1)
    // The CHECK cannot see it: every writer wrote reserved = 1. Fifty buyers hold one unit.
    expect(await levelOf(ctx, id, f.locationId)).toEqual({ stocked: 1, reserved: 1 })
    expect(await reservationCount(ctx, id)).toBe(tally.ok)
  })
})

async function reservationCount(ctx: Ctx, variantId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('reservation')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('variant_id', '=', variantId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe.runIf(testDialect === 'sqlite')('reserveStock under concurrency on SQLite', () => {
  it('50 interleaved buyers of the last unit: exactly 1 reservation (one writer at a time)', async () => {
    const ctx = await createTestCtx()
    try {
      const f = await stockFixture(ctx, [{ sku: 'LAST', stock: 1 }])
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          reserveStock(ctx, {
            cart_id: `cart_${i}`,
            channel_id: f.channelId,
            items: [{ variant_id: f.ids.LAST!, quantity: 1 }],
            expires_at,
          }),
        ),
      )
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
      expect(
        results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'inventory.insufficient'),
      ).toHaveLength(49)
      expect(await levelOf(ctx, f.ids.LAST!, f.locationId)).toEqual({ stocked: 1, reserved: 1 })
    } finally {
      await ctx.close()
    }
  })
})
