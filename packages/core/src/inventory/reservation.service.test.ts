import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { updateVariant } from '../catalog/index.js'
import { fixedClock } from '../kernel/clock.js'
import { inTransaction } from '../kernel/ctx.js'
import { createTestCtx } from '../testing/create-test-ctx.js'
import { RESERVATION_TTL_MS } from './inventory.js'
import { levelOf, stockFixture } from './inventory.test-helpers.js'
import { convertReservations, releaseReservations, reserveStock, sweepExpiredReservations } from './reservation.service.js'

type TestCtx = Awaited<ReturnType<typeof createTestCtx>>
const soon = '2030-01-01T00:15:00.000Z'

describe('reserveStock', () => {
  let ctx: TestCtx
  let f: Awaited<ReturnType<typeof stockFixture>>
  beforeEach(async () => {
    ctx = await createTestCtx()
    f = await stockFixture(ctx, [
      { sku: 'A', stock: 3 },
      { sku: 'B', stock: 1 },
      { sku: 'BACK', stock: 1, allow_backorder: true },
      { sku: 'FREE', manage_inventory: false },
      { sku: 'NONE' },
    ])
  })
  afterEach(() => ctx.close())

  const reserve = (cart_id: string, items: [string, number][]) =>
    inTransaction(ctx, (tx) =>
      reserveStock(tx, {
        cart_id,
        channel_id: f.channelId,
        items: items.map(([sku, quantity]) => ({ variant_id: f.ids[sku]!, quantity })),
        expires_at: soon,
      }),
    )
  const level = (sku: string) => levelOf(ctx, f.ids[sku]!, f.locationId)
  const reservations = (cart_id: string) =>
    ctx.db.selectFrom('reservation').selectAll().where('cart_id', '=', cart_id).orderBy('variant_id').execute()

  it('reserves each item and records one reservation per variant, summing repeated lines', async () => {
    await reserve('cart_1', [
      ['A', 1],
      ['B', 1],
      ['A', 1],
    ])
    expect(await level('A')).toEqual({ stocked: 3, reserved: 2 })
    expect(await level('B')).toEqual({ stocked: 1, reserved: 1 })
    const rows = await reservations('cart_1')
    expect(rows.map((r) => [r.variant_id, r.quantity, r.order_id]).sort()).toEqual(
      [
        [f.ids.A, 2, null],
        [f.ids.B, 1, null],
      ].sort(),
    )
    expect(rows.every((r) => r.id.startsWith('res_') && r.location_id === f.locationId)).toBe(true)
  })

  it('is all or nothing: one short item reserves nothing and names every short variant', async () => {
    const error = await reserve('cart_1', [
      ['A', 2],
      ['B', 2],
      ['NONE', 1],
    ]).catch((e) => e)
    expect(error).toMatchObject({
      code: 'inventory.insufficient',
      kind: 'conflict',
      extra: {
        variants: expect.arrayContaining([
          { variant_id: f.ids.B, requested: 2, available: 1 },
          { variant_id: f.ids.NONE, requested: 1, available: 0 },
        ]),
      },
    })
    expect(error.extra.variants).toHaveLength(2)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 0 })
    expect(await reservations('cart_1')).toEqual([])
  })

  it('leaves nothing behind when the caller catches the error inside its own transaction', async () => {
    await inTransaction(ctx, async (tx) => {
      await expect(
        reserveStock(tx, {
          cart_id: 'cart_1',
          channel_id: f.channelId,
          items: [
            { variant_id: f.ids.A!, quantity: 1 },
            { variant_id: f.ids.B!, quantity: 5 },
          ],
          expires_at: soon,
        }),
      ).rejects.toMatchObject({ code: 'inventory.insufficient' })
    })
    expect(await level('A')).toEqual({ stocked: 3, reserved: 0 })
  })

  it('lets a backorderable variant go beyond stock and skips variants without inventory', async () => {
    await reserve('cart_1', [
      ['BACK', 5],
      ['FREE', 100],
    ])
    expect(await level('BACK')).toEqual({ stocked: 1, reserved: 5 })
    expect(await level('FREE')).toEqual({ stocked: 0, reserved: 0 })
    expect((await reservations('cart_1')).map((r) => r.variant_id)).toEqual([f.ids.BACK])
  })

  it('backorders a variant that has no level at all', async () => {
    const g = await stockFixture(ctx, [{ sku: 'PRE', allow_backorder: true }])
    await reserveStock(ctx, {
      cart_id: 'cart_p',
      channel_id: g.channelId,
      items: [{ variant_id: g.ids.PRE!, quantity: 2 }],
      expires_at: soon,
    })
    expect(await levelOf(ctx, g.ids.PRE!, g.locationId)).toEqual({ stocked: 0, reserved: 2 })
  })

  it('treats a variant without stock at the location, or a channel without a location, as out of stock', async () => {
    await expect(reserve('cart_1', [['NONE', 1]])).rejects.toMatchObject({ code: 'inventory.insufficient' })
    await expect(
      reserveStock(ctx, { cart_id: 'cart_2', channel_id: 'sc_unknown', items: [{ variant_id: f.ids.A!, quantity: 1 }], expires_at: soon }),
    ).rejects.toMatchObject({ code: 'inventory.insufficient', extra: { variants: [{ variant_id: f.ids.A, requested: 1, available: 0 }] } })
  })

  it('re-reserving the same cart replaces its earlier reservation instead of adding to it', async () => {
    await reserve('cart_1', [
      ['A', 2],
      ['B', 1],
    ])
    await reserve('cart_1', [['A', 3]])
    expect(await level('A')).toEqual({ stocked: 3, reserved: 3 })
    expect(await level('B')).toEqual({ stocked: 1, reserved: 0 })
    await reserve('cart_1', [['A', 3]])
    expect(await level('A')).toEqual({ stocked: 3, reserved: 3 })
    expect((await reservations('cart_1')).map((r) => [r.variant_id, r.quantity])).toEqual([[f.ids.A, 3]])
  })

  it("a failed re-reserve keeps the earlier reservation, and counts the cart's own units as available", async () => {
    await reserve('cart_1', [['A', 2]])
    await reserve('cart_2', [['A', 1]])
    await expect(reserve('cart_1', [['A', 3]])).rejects.toMatchObject({
      extra: { variants: [{ variant_id: f.ids.A, requested: 3, available: 2 }] },
    })
    expect(await level('A')).toEqual({ stocked: 3, reserved: 3 })
    expect((await reservations('cart_1')).map((r) => r.quantity)).toEqual([2])
  })

  it('rejects malformed input with validation_failed', async () => {
    await expect(reserve('cart_1', [['A', 0]])).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(
      reserveStock(ctx, { cart_id: 'c', channel_id: f.channelId, items: [{ variant_id: f.ids.A!, quantity: 1 }], expires_at: 'tomorrow' }),
    ).rejects.toMatchObject({ code: 'validation_failed', errors: [{ path: 'expires_at' }] })
  })

  it("releaseReservations gives a cart's stock back once", async () => {
    await reserve('cart_1', [
      ['A', 2],
      ['B', 1],
    ])
    expect(await releaseReservations(ctx, 'cart_1')).toBe(2)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 0 })
    expect(await level('B')).toEqual({ stocked: 1, reserved: 0 })
    expect(await releaseReservations(ctx, 'cart_1')).toBe(0)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 0 })
  })

  it('convertReservations hands them to the order: no expiry, not released, not replaced', async () => {
    await reserve('cart_1', [['A', 2]])
    expect(await convertReservations(ctx, 'cart_1', 'ord_1')).toBe(1)
    expect(await reservations('cart_1')).toEqual([expect.objectContaining({ order_id: 'ord_1', expires_at: null, quantity: 2 })])
    expect(await releaseReservations(ctx, 'cart_1')).toBe(0)
    const late = { ...ctx, now: fixedClock('2031-01-01T00:00:00.000Z') }
    expect(await sweepExpiredReservations(late)).toBe(0)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 2 })
    expect(await convertReservations(ctx, 'cart_1', 'ord_2')).toBe(0)
  })

  it('sweeps reservations whose expiry passed and that never became an order', async () => {
    const clock = fixedClock('2030-01-01T00:00:00.000Z')
    const at = { ...ctx, now: clock }
    const expires = (ms: number) => new Date(clock().getTime() + ms).toISOString()
    await reserveStock(at, {
      cart_id: 'crashed',
      channel_id: f.channelId,
      items: [{ variant_id: f.ids.A!, quantity: 2 }],
      expires_at: expires(RESERVATION_TTL_MS),
    })
    await reserveStock(at, {
      cart_id: 'later',
      channel_id: f.channelId,
      items: [{ variant_id: f.ids.A!, quantity: 1 }],
      expires_at: expires(2 * RESERVATION_TTL_MS),
    })
    await reserveStock(at, {
      cart_id: 'ordered',
      channel_id: f.channelId,
      items: [{ variant_id: f.ids.B!, quantity: 1 }],
      expires_at: expires(RESERVATION_TTL_MS),
    })
    await convertReservations(at, 'ordered', 'ord_1')

    clock.advance(RESERVATION_TTL_MS - 1)
    expect(await sweepExpiredReservations(at)).toBe(0)
    clock.advance(1)
    expect(await sweepExpiredReservations(at)).toBe(1)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 1 })
    expect(await level('B')).toEqual({ stocked: 1, reserved: 1 })
    expect(await reservations('crashed')).toEqual([])
    clock.advance(RESERVATION_TTL_MS)
    expect(await sweepExpiredReservations(at)).toBe(1)
    expect(await level('A')).toEqual({ stocked: 3, reserved: 0 })
  })

  it('the database refuses more reserved than stocked, unless the variant allows backorders', async () => {
    const oversell = (sku: string) =>
      ctx.db.updateTable('inventory_level').set({ reserved_quantity: 2 }).where('variant_id', '=', f.ids[sku]!).execute()
    await expect(oversell('B')).rejects.toThrow(/check|constraint/i)
    await expect(
      ctx.db.updateTable('inventory_level').set({ stocked_quantity: -1 }).where('variant_id', '=', f.ids.A!).execute(),
    ).rejects.toThrow(/check|constraint/i)
    await oversell('BACK')
    expect(await level('BACK')).toEqual({ stocked: 1, reserved: 2 })
  })

  it('turning backorders off follows onto the stock levels, and is refused while backorders are held', async () => {
    await reserve('cart_1', [['BACK', 3]])
    await expect(updateVariant(ctx, f.productId, f.ids.BACK!, { allow_backorder: false })).rejects.toMatchObject({
      code: 'resource.conflict',
    })
    await releaseReservations(ctx, 'cart_1')
    await updateVariant(ctx, f.productId, f.ids.BACK!, { allow_backorder: false })
    await expect(reserve('cart_1', [['BACK', 2]])).rejects.toMatchObject({ code: 'inventory.insufficient' })
    const row = await ctx.db
      .selectFrom('inventory_level')
      .select('allow_backorder')
      .where('variant_id', '=', f.ids.BACK!)
      .executeTakeFirstOrThrow()
    expect(Boolean(row.allow_backorder)).toBe(false)
  })
})
