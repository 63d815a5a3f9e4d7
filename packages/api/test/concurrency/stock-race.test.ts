import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Commerce, createCommerce, resolveConfig } from '@kassa/core'
import { testDialect } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADDRESSES, createShop, type Shop } from '../shop-fixtures.js'
import {
  atBarrier,
  buildCli,
  call,
  createDatabase,
  dropDatabase,
  postgresUrl,
  type Server,
  startServer,
  stopServer,
} from './server-process.js'

// Several real `kassa start` processes on one PostgreSQL database race for the same stock.
const dataDir = mkdtempSync(join(tmpdir(), 'kassa-race-'))
const database = `kassa_race_${randomBytes(4).toString('hex')}`
const dbUrl = postgresUrl(database)

describe.runIf(testDialect === 'postgres')('buyers racing for the last units across two server processes', () => {
  let commerce: Commerce
  let shop: Shop
  const servers: Server[] = []

  beforeAll(async () => {
    buildCli()
    await createDatabase(database)
    // The test's own engine migrates the fresh database and sets the shop up; the servers share it.
    // They start one after the other: the first creates the default sales channel and its key.
    commerce = await createCommerce(resolveConfig({ databaseUrl: dbUrl, demo: false }), { poolSize: 4 })
    servers.push(await startServer({ dbUrl, dataDir }))
    servers.push(await startServer({ dbUrl, dataDir }))
    expect(servers[1]!.key).toBe(servers[0]!.key)
    shop = await createShop(commerce, 0)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s.child)))
    await commerce?.close()
    await dropDatabase(database)
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** A cart ready to complete, for one unit of the variant, prepared on one of the servers. */
  async function readyCart(server: Server, variantId: string): Promise<string> {
    const { body } = await call(server, 'POST', '/store/carts', { region_id: shop.regions.nl, email: 'racer@example.com' })
    const id = body.cart.id as string
    for (const [method, path, payload] of [
      ['POST', `/store/carts/${id}/line-items`, { variant_id: variantId, quantity: 1 }],
      ['PATCH', `/store/carts/${id}`, { shipping_address: ADDRESSES.nl }],
      ['POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl }],
      ['POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } }],
    ] as const) {
      const res = await call(server, method, path, payload)
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return id
  }

  /** N buyers of a variant with `stock` units, split over both servers, released together at a barrier. */
  async function race(stock: number, buyers: number) {
    const variantId = shop.variants.shirt
    await commerce.db
      .updateTable('inventory_level')
      .set({ stocked_quantity: stock, reserved_quantity: 0 })
      .where('variant_id', '=', variantId)
      .execute()
    await commerce.db.deleteFrom('reservation').where('variant_id', '=', variantId).execute()
    const carts = await Promise.all(Array.from({ length: buyers }, (_, i) => readyCart(servers[i % 2]!, variantId)))
    const results = await atBarrier(carts, (id, i) => call(servers[i % 2]!, 'POST', `/store/carts/${id}/complete`))
    const orders = await commerce.db.selectFrom('order').select('cart_id').where('cart_id', 'in', carts).execute()
    const level = await commerce.db.selectFrom('inventory_level').selectAll().where('variant_id', '=', variantId).executeTakeFirstOrThrow()
    const tally = {
      ok: results.filter((r) => r.status === 200).length,
      insufficient: results.filter((r) => r.status === 409 && r.body.code === 'inventory.insufficient').length,
      serverErrors: results.filter((r) => r.status >= 500).length,
      other: results
        .filter((r) => r.status !== 200 && !(r.status === 409 && r.body.code === 'inventory.insufficient'))
        .map((r) => `${r.status} ${r.body.code}`),
    }
    console.log(
      `stock ${stock}, ${buyers} buyers over 2 processes:`,
      JSON.stringify({ ...tally, orders: orders.length, reserved: Number(level.reserved_quantity) }),
    )
    return { tally, orders: orders.length, reserved: Number(level.reserved_quantity), stocked: Number(level.stocked_quantity) }
  }

  it('sells the last unit once: 50 buyers -> 1 order, 49 inventory.insufficient, no 5xx', async () => {
    const { tally, orders, reserved } = await race(1, 50)
    expect(tally.other).toEqual([])
    expect(tally).toMatchObject({ ok: 1, insufficient: 49, serverErrors: 0 })
    expect(orders).toBe(1)
    expect(reserved).toBe(1)
  }, 120_000)

  it('sells k units to N buyers exactly min(N, k) times', async () => {
    for (const [stock, buyers] of [
      [5, 30],
      [12, 8],
    ] as const) {
      const { tally, orders, reserved } = await race(stock, buyers)
      expect(tally.other).toEqual([])
      expect(tally.serverErrors).toBe(0)
      expect(orders).toBe(Math.min(stock, buyers))
      expect(tally.ok).toBe(Math.min(stock, buyers))
      expect(tally.insufficient).toBe(Math.max(0, buyers - stock))
      expect(reserved).toBe(Math.min(stock, buyers))
    }
  }, 120_000)
})
