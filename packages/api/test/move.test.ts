import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import {
  addLine,
  completeCart,
  createAdminUser,
  createCart,
  createCategory,
  createCommerce,
  createDb,
  ensureDefaultChannel,
  importProducts,
  moveStore,
  resolveConfig,
  setPaymentSession,
  setShippingMethod,
  updateCart,
} from '@kassa/core'
import { testDialect, testPostgresUrl } from '@kassa/core/testing'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { ADMIN } from './helpers.js'
import { ADDRESSES, createShop } from './shop-fixtures.js'

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

async function freshSchema(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: testPostgresUrl })
  await client.connect()
  await client.query(`create schema ${schema}`)
  await client.end()
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: testPostgresUrl })
    await c.connect()
    await c.query(`drop schema ${schema} cascade`)
    await c.end()
  })
  return schema
}

// The move reads SQLite and writes PostgreSQL whichever database the suite runs on: once is enough.
describe.skipIf(testDialect === 'postgres')('kassa move: SQLite to PostgreSQL', () => {
  it('copies a store with orders; the API answers the same; checksums match; a non-empty target is refused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kassa-move-'))
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const config = resolveConfig({ demo: false, testPayments: true, dataDir, databaseUrl: join(dataDir, 'kassa.sqlite') })
    const source = await createCommerce(config)
    cleanups.push(() => source.close())
    const ctx = source.ctx()
    const { publishableKey, channel } = await ensureDefaultChannel(ctx)
    await createAdminUser(ctx, { ...ADMIN, role: 'owner' })
    const shop = await createShop(source)
    const tops = await createCategory(ctx, { title: 'Tops' })
    await createCategory(ctx, { title: 'Shirts', parent_id: tops.id })
    await importProducts(
      ctx,
      Readable.from([Buffer.from('Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty,Status\nhat,Hat,HAT-1,"12,50",4,active\n')]),
    )
    const guest = source.ctx({ type: 'guest' }, channel)
    const cart = await createCart(guest, { region_id: shop.regions.us, email: 'buyer@example.com' })
    await addLine(guest, cart.id, { variant_id: shop.variants.shirt, quantity: 3 })
    await updateCart(guest, cart.id, { shipping_address: ADDRESSES.us })
    await setShippingMethod(guest, cart.id, shop.shipping.us)
    await setPaymentSession(guest, cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    const order = await completeCart(guest, cart.id)

    const schema = await freshSchema()
    const target = createDb({ url: testPostgresUrl, schema })
    const report = await moveStore(source.db, target.db)
    await target.destroy()
    expect(report.skipped.every((t) => t.startsWith('search_fts'))).toBe(true)
    const tables = Object.fromEntries(report.tables.map((t) => [t.table, t]))
    expect(tables.order!.rows).toBe(1)
    expect(tables.admin_user!.rows).toBe(1)
    expect(tables.category!.rows).toBe(2)
    for (const t of report.tables) expect(t.checksum, t.table).toBe(t.target_checksum)

    const moved = await createCommerce(resolveConfig({ demo: false, testPayments: true, dataDir, databaseUrl: testPostgresUrl }), {
      schema,
      poolSize: 2,
    })
    cleanups.push(() => moved.close())
    const [before, after] = [createApp(source), createApp(moved)]
    const store = { 'x-publishable-api-key': publishableKey }
    for (const path of [
      '/store/products?limit=50',
      '/store/products?q=shirt',
      '/store/products/hat',
      '/store/categories',
      '/store/regions',
    ]) {
      const [a, b] = [await before.request(path, { headers: store }), await after.request(path, { headers: store })]
      expect(b.status, path).toBe(200)
      expect(await b.json(), path).toEqual(await a.json())
    }
    const orderPath = `/store/orders/${order.id}`
    const headers = { ...store, 'x-order-token': order.order_token }
    const movedOrder = (await (await after.request(orderPath, { headers })).json()) as { order: { total: number } }
    expect(movedOrder).toEqual(await (await before.request(orderPath, { headers })).json())
    expect(movedOrder.order.total).toBe(order.total)
    const login = await after.request('/admin/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    })
    expect(login.status).toBe(200)

    // The next order number continues from the source's counter.
    const next = await createCart(moved.ctx({ type: 'guest' }, channel), { region_id: shop.regions.us, email: 'b@example.com' })
    expect(next.id).toBeTruthy()

    const again = createDb({ url: testPostgresUrl, schema })
    await expect(moveStore(source.db, again.db)).rejects.toMatchObject({ code: 'move.target_not_empty' })
    await again.destroy()
  })
})
