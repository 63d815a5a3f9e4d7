import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Commerce, createCommerce, createPromotion, resolveConfig } from '@kassa/core'
import { testDialect, testPostgresUrl } from '@kassa/core/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADDRESSES, createShop, type Shop } from '../shop-fixtures.js'

// Several real `kassa start` processes on one PostgreSQL database race for the last use of a promotion code.
const root = join(import.meta.dirname, '../../../..')
const bin = join(root, 'packages/cli/dist/kassa.js')
const dataDir = mkdtempSync(join(tmpdir(), 'kassa-promo-race-'))
const database = `kassa_promo_race_${randomBytes(4).toString('hex')}`
const dbUrl = testPostgresUrl.replace(/\/[^/]*$/, `/${database}`)

interface Server {
  child: ChildProcess
  url: string
  key: string
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

async function startServer(): Promise<Server> {
  const port = await freePort()
  // A clean environment: the test runner's NODE_OPTIONS loaders must not wrap the server.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !k.startsWith('VITEST')))
  const child = spawn(process.execPath, [bin, 'start'], {
    env: { ...env, DATABASE_URL: dbUrl, KASSA_DATA_DIR: dataDir, KASSA_DEMO: '', KASSA_TEST_PAYMENTS: '1', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`no start within 60 s\n${out}\n${err}`)), 60_000)
    child.stderr!.on('data', (d) => (err += d))
    child.stdout!.on('data', (d) => {
      out += d
      const key = /Publishable key: (\S+)/.exec(out)?.[1]
      if (key && out.includes('Database:')) {
        clearTimeout(timer)
        resolve({ child, url: `http://127.0.0.1:${port}`, key })
      }
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}\n${out}\n${err}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

describe.runIf(testDialect === 'postgres')('buyers racing for the last use of a code across two server processes', () => {
  let commerce: Commerce
  let shop: Shop
  const servers: Server[] = []

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
    const admin = new pg.Client({ connectionString: testPostgresUrl })
    await admin.connect()
    await admin.query(`create database ${database}`)
    await admin.end()
    commerce = await createCommerce(resolveConfig({ databaseUrl: dbUrl, demo: false }), { poolSize: 4 })
    servers.push(await startServer())
    servers.push(await startServer())
    shop = await createShop(commerce, 1000)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => stop(s.child)))
    await commerce?.close()
    const admin = new pg.Client({ connectionString: testPostgresUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${database} with (force)`)
    await admin.end()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function call(server: Server, method: string, path: string, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'x-publishable-api-key': server.key, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as any }
  }

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
    let release!: () => void
    const barrier = new Promise<void>((resolve) => (release = resolve))
    const answers = carts.map(async ({ id }, i) => {
      await barrier
      return call(servers[i % 2]!, 'POST', `/store/carts/${id}/complete`)
    })
    release()
    const results = await Promise.all(answers)
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
