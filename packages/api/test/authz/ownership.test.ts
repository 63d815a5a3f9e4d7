import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixtures, type Fixtures, VALID_REQUESTS } from '../bad-input/requests.js'
import { diffSnapshots, listTables, snapshotDb } from '../bad-input/snapshot.js'
import { createTestApi } from '../helpers.js'
import { type ActorName, buildActors, type MatrixActor } from './actors.js'

/**
 * What a customer owns is theirs alone: customer B (and a guest holding the id) asking for customer
 * A's cart, order or address gets exactly the 404 of a thing that does not exist, and changes
 * nothing. The matrix sends the fixtures (guest carts, A's addresses); this file builds a cart and
 * an order that belong to A through the Store API and sends every cart operation at them.
 */
const api = await createTestApi()
const doc = (await (await api.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> }
const CART_OPERATIONS = Object.entries(doc.paths)
  .filter(([path]) => path.startsWith('/store/carts/{id}'))
  .flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path })),
  )

const MISSING = {
  cart: 'cart_01missingmissingmissing00',
  order: 'ord_01missingmissingmissing00',
  address: 'caddr_01missingmissingmissing0',
}
const address = {
  first_name: 'Anna',
  last_name: 'de Vries',
  address_1: 'Keizersgracht 1',
  city: 'Amsterdam',
  postal_code: '1015 CJ',
  country_code: 'nl',
}

let fixtures: Fixtures
let actors: Record<ActorName, MatrixActor>
let tables: string[]
/** A's open cart with a line, A's order (placed while signed in, so `customer_id` is A) and the order's token. */
let own: { cartId: string; lineId: string; order: { id: string; token: string } }

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Response> {
  return api.request(path, {
    method,
    headers: { ...headers, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
}

async function ok<T>(res: Response, what: string): Promise<T> {
  if (res.status >= 300) throw new Error(`${what} answered ${res.status}: ${await res.text()}`)
  return res.json() as Promise<T>
}

/** A's cart, filled up to the payment, through the Store API with A's session. */
async function cartOfA(): Promise<{ id: string; lineId: string }> {
  const a = actors.customer_a.headers
  type CartBody = { cart: { id: string; customer_id: string | null; items: { id: string }[] } }
  const { cart } = await ok<CartBody>(await call('POST', '/store/carts', a, { region_id: fixtures.checkout.regionId }), 'create cart')
  const at = `/store/carts/${cart.id}`
  await ok(await call('POST', `${at}/line-items`, a, { variant_id: fixtures.product.variantId, quantity: 1 }), 'add line')
  await ok(await call('PATCH', at, a, { shipping_address: address }), 'set address')
  await ok(await call('POST', `${at}/shipping-method`, a, { shipping_option_id: fixtures.checkout.shippingOptionId }), 'set shipping')
  const paid = await ok<CartBody>(await call('POST', `${at}/payment`, a, { provider_id: 'test', data: { token: 'tok_ok' } }), 'set payment')
  expect(paid.cart.customer_id).toBe(fixtures.customers.customerId)
  return { id: cart.id, lineId: paid.cart.items[0]!.id }
}

beforeAll(async () => {
  fixtures = await createFixtures(api)
  actors = await buildActors(api, fixtures.customers)
  tables = (await listTables(api)).filter((t) => t !== 'api_key')
  const placed = await cartOfA()
  const { order } = await ok<{ order: { id: string; order_token: string; customer_id: string | null } }>(
    await call('POST', `/store/carts/${placed.id}/complete`, actors.customer_a.headers),
    'complete',
  )
  expect(order.customer_id).toBe(fixtures.customers.customerId)
  const open = await cartOfA()
  own = { cartId: open.id, lineId: open.lineId, order: { id: order.id, token: order.order_token } }
})
afterAll(() => api.close())

/** A problem body with what differs between two refusals taken out: the request id, and the id asked for. */
async function problemOf(res: Response, id: string): Promise<unknown> {
  const { request_id: _, ...body } = (await res.json()) as Record<string, unknown>
  return JSON.parse(JSON.stringify(body).replaceAll(id, '<id>'))
}

/**
 * Sends `request` as each outsider and expects the very answer `missing` (the same request for a
 * thing that does not exist) gets, and no write.
 */
async function expectLikeMissing(
  outsiders: ActorName[],
  send: (headers: Record<string, string>) => Promise<Response>,
  sendMissing: (headers: Record<string, string>) => Promise<Response>,
  ids: { real: string; missing: string },
) {
  for (const name of outsiders) {
    const before = await snapshotDb(api, tables)
    const res = await send(actors[name].headers)
    expect(diffSnapshots(before, await snapshotDb(api, tables)), `${name} wrote`).toEqual([])
    const missing = await sendMissing(actors[name].headers)
    expect(res.status, name).toBe(404)
    expect(missing.status, name).toBe(404)
    expect(res.headers.get('content-type')).toBe(missing.headers.get('content-type'))
    expect(await problemOf(res, ids.real), name).toEqual(await problemOf(missing, ids.missing))
  }
}

describe("a customer's cart, order and addresses are theirs alone", () => {
  it('lists every cart operation', () => {
    expect(CART_OPERATIONS.map((op) => op.operationId).sort()).toEqual(
      [
        'storeAddCartLine',
        'storeAddCartPromotion',
        'storeCompleteCart',
        'storeConfirmCartPayment',
        'storeDeleteCartLine',
        'storeDeleteCartPromotion',
        'storeGetCart',
        'storeListCartShippingOptions',
        'storeSetCartPayment',
        'storeSetCartShippingMethod',
        'storeUpdateCart',
        'storeUpdateCartLine',
      ].sort(),
    )
  })

  it.each(CART_OPERATIONS.map((op) => [op.operationId, op] as const))(
    "%s on A's cart: customer B and a guest get the 404 of a missing cart",
    async (_, op) => {
      const valid = VALID_REQUESTS[op.operationId]!(fixtures)
      const to = (cartId: string) => (headers: Record<string, string>) => {
        const params: Record<string, string> = { ...valid.path, id: cartId, ...(op.path.includes('{line_id}') && { line_id: own.lineId }) }
        const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name]!))
        return call(op.method, path, { ...valid.headers, ...headers }, valid.body)
      }
      await expectLikeMissing(['customer_b', 'guest'], to(own.cartId), to(MISSING.cart), { real: own.cartId, missing: MISSING.cart })
    },
  )

  // KNOWN BUG (authorization): this expectation fails until it is fixed in the code. The
  // Idempotency-Key middleware (packages/api/src/middleware/idempotency.ts) replays the stored
  // response before the route checks who owns the cart; its scope is channel + method + path, not
  // the caller. Whoever holds A's cart id and A's key gets A's cart back, or A's whole order with
  // its email, addresses and order_token. Expected: the 404 of a missing cart, as without the key.
  it.each([
    ['storeSetCartPayment', 'payment', { provider_id: 'test', data: { token: 'tok_ok' } }],
    ['storeCompleteCart', 'complete', undefined],
  ] as const)("%s replayed with A's Idempotency-Key: customer B and a guest get the 404 of a missing cart", async (_, route, body) => {
    const cart = await cartOfA()
    const key = { 'idempotency-key': `matrix-${route}-${cart.id}` }
    const at = (cartId: string) => (headers: Record<string, string>) =>
      call('POST', `/store/carts/${cartId}/${route}`, { ...headers, ...key }, body)
    await ok(await at(cart.id)(actors.customer_a.headers), `A's ${route}`)
    await expectLikeMissing(['customer_b', 'guest'], at(cart.id), at(MISSING.cart), { real: cart.id, missing: MISSING.cart })
  })

  it('A still reaches the cart', async () => {
    const res = await call('GET', `/store/carts/${own.cartId}`, actors.customer_a.headers)
    expect(res.status).toBe(200)
    expect(((await res.json()) as { cart: { id: string } }).cart.id).toBe(own.cartId)
  })

  it("A's order: B and a guest without its token get the 404 of a missing order; A reads it with or without the token", async () => {
    const orders = (id: string) => (headers: Record<string, string>) => call('GET', `/store/orders/${id}`, headers)
    const mine = (id: string) => (headers: Record<string, string>) => call('GET', `/store/customers/me/orders/${id}`, headers)
    const ids = { real: own.order.id, missing: MISSING.order }
    await expectLikeMissing(['customer_b', 'guest'], orders(own.order.id), orders(MISSING.order), ids)
    await expectLikeMissing(['customer_b'], mine(own.order.id), mine(MISSING.order), ids)
    // The fixture order: a guest order of A's verified email.
    const guestOrder = { real: fixtures.checkout.order.id, missing: MISSING.order }
    await expectLikeMissing(['customer_b'], mine(fixtures.checkout.order.id), mine(MISSING.order), guestOrder)

    expect((await orders(own.order.id)(actors.customer_a.headers)).status).toBe(200)
    expect((await mine(own.order.id)(actors.customer_a.headers)).status).toBe(200)
    // The order token is the guest's credential: whoever holds it reads the order.
    expect((await call('GET', `/store/orders/${own.order.id}`, { ...actors.guest.headers, 'x-order-token': own.order.token })).status).toBe(
      200,
    )
  })

  it("A's address: B changing or deleting it gets the 404 of a missing address", async () => {
    const id = fixtures.customers.addressId
    const ids = { real: id, missing: MISSING.address }
    const patch = (at: string) => (headers: Record<string, string>) =>
      call('PATCH', `/store/customers/me/addresses/${at}`, headers, { city: 'Utrecht' })
    const remove = (at: string) => (headers: Record<string, string>) => call('DELETE', `/store/customers/me/addresses/${at}`, headers)
    await expectLikeMissing(['customer_b'], patch(id), patch(MISSING.address), ids)
    await expectLikeMissing(['customer_b'], remove(id), remove(MISSING.address), ids)
  })

  it("B's own lists and export show nothing of A's", async () => {
    const b = actors.customer_b.headers
    const text = async (path: string) => {
      const res = await call('GET', path, b)
      expect(res.status, path).toBe(200)
      return res.text()
    }
    const seen = [
      await text('/store/customers/me'),
      await text('/store/customers/me/addresses'),
      await text('/store/customers/me/orders'),
      await text('/store/customers/me/export'),
    ].join('\n')
    for (const secret of [
      fixtures.customers.customerId,
      fixtures.customers.addressId,
      own.order.id,
      fixtures.checkout.order.id,
      own.cartId,
    ])
      expect(seen).not.toContain(secret)
    // ...while A's export holds them.
    const mine = await (await call('GET', '/store/customers/me/export', actors.customer_a.headers)).text()
    for (const id of [fixtures.customers.customerId, fixtures.customers.addressId, own.order.id, fixtures.checkout.order.id])
      expect(mine).toContain(id)
  })
})
