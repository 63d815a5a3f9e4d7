import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Commerce, createCommerce, createWebhookEndpoint, newWebhookSecret, recordEvent, resolveConfig } from '@kassa/core'
import { startWebhookReceiver, testDialect } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADDRESSES, createShop, type Shop } from '../shop-fixtures.js'
import {
  buildCli,
  call,
  createDatabase,
  dropDatabase,
  postgresUrl,
  type Server,
  startServer as spawnServer,
  stopServer,
} from './server-process.js'

// A real `kassa start` process is killed (SIGKILL) at random moments while orders are placed and
// webhooks delivered; after each restart nothing committed may be lost and nothing uncommitted sent.
const dataDir = mkdtempSync(join(tmpdir(), 'kassa-crash-'))
const database = `kassa_crash_${randomBytes(4).toString('hex')}`
// On SQLite the server and the test share one database file (WAL): it survives the kill like PostgreSQL does.
const dbUrl = testDialect === 'postgres' ? postgresUrl(database) : join(dataDir, 'crash.sqlite')

const ORDERS = 24
const KILLS = 3

const startServer = (command: 'start' | 'worker' = 'start') =>
  spawnServer({ dbUrl, dataDir, command, env: { KASSA_WEBHOOKS_ALLOW_PRIVATE: '1' } })

describe('SIGKILL while orders are placed and webhooks delivered', () => {
  let commerce: Commerce
  let shop: Shop
  let server: Server | undefined
  const secret = newWebhookSecret()
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>

  beforeAll(async () => {
    buildCli()
    if (testDialect === 'postgres') await createDatabase(database)
    commerce = await createCommerce(resolveConfig({ databaseUrl: dbUrl, dataDir, demo: false }), { poolSize: 4 })
    receiver = await startWebhookReceiver(secret)
    // The shop exists before the server starts: on SQLite the two processes then rarely write at once.
    shop = await createShop(commerce, 1000)
    await createWebhookEndpoint(commerce.ctx(), { url: receiver.url, events: ['order.placed'], secret }, { allowPrivate: true })
    server = await startServer()
  }, 120_000)

  afterAll(async () => {
    if (server) await stopServer(server.child, 'SIGTERM')
    await receiver?.close()
    await commerce?.close()
    if (testDialect === 'postgres') await dropDatabase(database)
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function readyCart(s: Server): Promise<string> {
    const { body } = await call(s, 'POST', '/store/carts', { region_id: shop.regions.nl, email: 'crash@example.com' })
    const id = body.cart.id as string
    for (const [method, path, payload] of [
      ['POST', `/store/carts/${id}/line-items`, { variant_id: shop.variants.shirt, quantity: 1 }],
      ['PATCH', `/store/carts/${id}`, { shipping_address: ADDRESSES.nl }],
      ['POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl }],
      ['POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } }],
    ] as const) {
      const res = await call(s, method, path, payload)
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return id
  }

  it(`loses no order.placed and sends none for uncommitted orders across ${KILLS} kills`, async () => {
    const carts = await Promise.all(Array.from({ length: ORDERS }, () => readyCart(server!)))
    const ordered = async () =>
      new Set((await commerce.db.selectFrom('order').select('cart_id').where('cart_id', 'in', carts).execute()).map((o) => o.cart_id))
    const answered: number[] = []
    // Each round completes every cart without an order yet, concurrently; the first rounds end in a
    // SIGKILL at a random moment, the last one runs to the end.
    for (let round = 0; round <= KILLS; round++) {
      const s = server!
      const done = await ordered()
      const pending = carts.filter((id) => !done.has(id))
      // The kill comes after a random number of this round's completions answered (or 5 s): always
      // while others are still in flight, whatever the machine's speed.
      const killAfter = 1 + Math.floor(Math.random() * Math.max(1, pending.length - 2))
      let answeredNow = 0
      let reached!: () => void
      const killMoment = new Promise<void>((resolve) => (reached = resolve))
      const completions = pending.map((id) =>
        call(s, 'POST', `/store/carts/${id}/complete`)
          .then(
            (r) => answered.push(r.status),
            () => answered.push(0),
          )
          .finally(() => {
            if (++answeredNow >= killAfter) reached()
          }),
      )
      if (round === KILLS) {
        await Promise.all(completions)
        break
      }
      await Promise.race([killMoment, new Promise((resolve) => setTimeout(resolve, 5000))])
      await stopServer(s.child, 'SIGKILL')
      await Promise.all(completions)
      server = await startServer()
    }

    const committed = async () =>
      (await commerce.db.selectFrom('order').select('id').where('cart_id', 'in', carts).execute()).map((o) => o.id).sort()
    const delivered = () => [...new Set(receiver.received.filter((r) => r.type === 'order.placed').map((r) => r.data.id as string))].sort()
    const deadline = Date.now() + 90_000
    let orders = await committed()
    while (Date.now() < deadline) {
      orders = await committed()
      if (orders.every((id) => delivered().includes(id))) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    console.log(
      `${ORDERS} orders, ${KILLS} kills: ${orders.length} committed, ${answered.filter((s) => s === 200).length} answered 200, ` +
        `${answered.filter((s) => s === 0).length} cut off; ${receiver.received.length} webhook requests, ${delivered().length} distinct orders delivered`,
    )
    expect(orders.length).toBeGreaterThan(0)
    expect(delivered().filter((id) => !orders.includes(id))).toEqual([])
    expect(orders.filter((id) => !delivered().includes(id))).toEqual([])
    expect(receiver.failures()).toBe(0)
    expect(receiver.received.every((r) => r.verified)).toBe(true)
  }, 240_000)

  it('delivers from `kassa worker` alone, and the worker stops cleanly on SIGTERM', async () => {
    await stopServer(server!.child, 'SIGTERM')
    server = undefined
    const worker = await startServer('worker')
    try {
      await recordEvent(commerce.ctx(), 'order.placed', { id: 'ord_worker_probe', number: 1 })
      const deadline = Date.now() + 30_000
      while (Date.now() < deadline && !receiver.received.some((r) => r.data.id === 'ord_worker_probe'))
        await new Promise((r) => setTimeout(r, 100))
      expect(receiver.received.filter((r) => r.data.id === 'ord_worker_probe' && r.verified)).toHaveLength(1)
    } finally {
      const exited = new Promise<number | null>((resolve) => worker.child.once('exit', (code) => resolve(code)))
      worker.child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  }, 60_000)
})
