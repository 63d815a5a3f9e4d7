import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Commerce, createCommerce, createPromotion, resolveConfig } from '@kassa/core'
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

// Several real `kassa start` processes on one PostgreSQL database race for the last use of a promotion code.
const dataDir = mkdtempSync(join(tmpdir(), 'kassa-promo-race-'))
const database = `kassa_promo_race_${randomBytes(4).toString('hex')}`
const dbUrl = postgresUrl(database)

describe.runIf(testDialect === 'postgres')('buyers racing for the last use of a code across two server processes', () => {
  let commerce: Commerce
  let shop: Shop
  const servers: Server[] = []

  beforeAll(async () => {
    buildCli()
    await createDatabase(database)
    commerce = await createCommerce(resolveConfig({ databaseUrl: dbUrl, demo: false }), { poolSize: 4 })
    servers.push(await startServer({ dbUrl, dataDir }))
    servers.push(await startServer({ dbUrl, dataDir }))
    shop = await createShop(commerce, 1000)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => stopServer(s.child)))
    await commerce?.close()
    await dropDatabase(database)
    rmSync(dataDir, { recursive: true, force: true })
  })

  /** A cart ready to complete with the code on it, prepared on one of the servers. */
  async function readyCart(server: Server, i: number, code: string): Promise<{ id: string; total: number }> {
    const { body } = await call(server, 'POST', '/store/carts', { region_id: shop.regions.nl, email: `racer${i}@example.com` })
    const id = body.cart.id as string
    let cart: any
    for (const [method, path, payload] of [
      ['POST', `/store/carts/${id}/line-items`, { variant_id: shop.variants.shirt, quantity: 1 }],
      ['PATCH', `/store/carts/${id}`, { shipping_address: ADDRESSES.nl }],
      ['POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl }],
      ['POST', `/store/carts/${id}/promotions`, { code }],
      ['POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } }],
    ] as const) {
      const res = await call(server, method, path, payload)
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
      cart = res.body.cart
    }
    expect(cart.promotions).toEqual([{ code, applied: true }])
    return { id, total: cart.total }
  }

  it('a code with 1 use left, 30 buyers at a barrier: exactly 1 order carries it; the others are refused, then complete at the new total', async () => {
    const promotion = await createPromotion(commerce.ctx(), {
      name: 'Last use',
      codes: ['RACE-LAST'],
      rule: { type: 'order_fixed', amount: 500, currency_code: 'EUR' },
      usage_limit: 1,
    })
    const buyers = 30
    const carts = await Promise.all(Array.from({ length: buyers }, (_, i) => readyCart(servers[i % 2]!, i, 'RACE-LAST')))
    const shown = carts[0]!.total
    const results = await atBarrier(carts, ({ id }, i) => call(servers[i % 2]!, 'POST', `/store/carts/${id}/complete`))
    const tally = {
      ok: results.filter((r) => r.status === 200).length,
      refused: results.filter((r) => r.status === 409 && r.body.code === 'promotion.usage_limit_reached').length,
      other: results.filter((r) => r.status !== 200 && !(r.status === 409 && r.body.code === 'promotion.usage_limit_reached')).map((r) => `${r.status} ${r.body.code}`),
    }
    console.log(`code with 1 use, ${buyers} buyers over 2 processes:`, JSON.stringify(tally))
    expect(tally.other).toEqual([])
    expect(tally).toMatchObject({ ok: 1, refused: buyers - 1 })
    const winner = results.find((r) => r.status === 200)!.body.order
    expect(winner.total).toBe(shown)
    const carrying = await commerce.db.selectFrom('order_promotion').select('order_id').where('promotion_id', '=', promotion.id).execute()
    expect(carrying.map((r) => r.order_id)).toEqual([winner.id])
    const counted = await commerce.db.selectFrom('promotion').select('usage_count').where('id', '=', promotion.id).executeTakeFirstOrThrow()
    expect(Number(counted.usage_count)).toBe(1)

    // Nothing was charged for the refused: their payment sessions were never authorized, no stock held.
    const losers = carts.filter((_, i) => results[i]!.status === 409)
    const sessions = await commerce.db.selectFrom('cart_payment').select(['cart_id', 'status']).where('cart_id', 'in', losers.map((c) => c.id)).execute()
    expect(sessions.every((s) => s.status === 'pending')).toBe(true)
    const held = await commerce.db.selectFrom('reservation').select('cart_id').where('cart_id', 'in', losers.map((c) => c.id)).execute()
    expect(held).toEqual([])

    // Each refused cart now shows the code as not applied and completes at its new total.
    for (const [i, { id }] of losers.entries()) {
      const server = servers[i % 2]!
      const { body } = await call(server, 'GET', `/store/carts/${id}`)
      expect(body.cart.promotions).toEqual([{ code: 'RACE-LAST', applied: false, reason: 'usage_limit_reached' }])
      expect(body.cart.total).toBe(shown + 500)
      const done = await call(server, 'POST', `/store/carts/${id}/complete`)
      expect(done.status).toBe(200)
      expect(done.body.order.total).toBe(shown + 500)
    }
  }, 180_000)
})
