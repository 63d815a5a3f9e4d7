import { createStoreClient, type StoreClient } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let store: StoreClient
let shop: Shop

beforeAll(async () => {
  api = await createTestApi()
  store = createStoreClient({ baseUrl: 'http://kassa.test', publishableKey: api.publishableKey, fetch: (r) => api.app.fetch(r) })
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

/** The oracle, independent of the code under test: tax per line in BigInt, rounded half-up. */
function taxOf(amount: number, rateBps: number, inclusive: boolean): number {
  const r = BigInt(Math.round(rateBps * 100)) // hundredths of a basis point
  const num = BigInt(amount) * r
  const den = inclusive ? 1_000_000n + r : 1_000_000n
  return Number((2n * num + den) / (2n * den))
}

const CASES = [
  // region, unit prices (shirt, mug), rate, shipping, inclusive, the expected total and tax worked out by hand
  { region: 'nl', prices: [2495, 1299], rate: 2100, shipping: 495, inclusive: true, total: 10578, tax: 1299 + 451 + 86 },
  { region: 'us', prices: [2999, 1333], rate: 887.5, shipping: 799, inclusive: false, total: 13568, tax: 798 + 237 + 71 },
  { region: 'jp', prices: [3500, 1999], rate: 1000, shipping: 800, inclusive: true, total: 15298, tax: 955 + 363 + 73 },
] as const

describe('cart totals are exact in every currency', () => {
  it.each(CASES)('$region: items + shipping (+ tax when exclusive) == total, to the minor unit', async (c) => {
    const region = c.region
    let cart = await store.carts.create({ region_id: shop.regions[region], email: 'totals@example.com' })
    cart = await store.carts.addLine(cart.id, { variant_id: shop.variants.shirt, quantity: 3 })
    cart = await store.carts.addLine(cart.id, { variant_id: shop.variants.mug, quantity: 2 })
    cart = await store.carts.update(cart.id, { shipping_address: ADDRESSES[region] })
    cart = await store.carts.setShippingMethod(cart.id, shop.shipping[region])

    const lines = [c.prices[0] * 3, c.prices[1] * 2]
    const lineTax = lines.map((l) => taxOf(l, c.rate, c.inclusive))
    const shippingTax = taxOf(c.shipping, c.rate, c.inclusive)
    const gross = (amount: number, tax: number) => (c.inclusive ? amount : amount + tax)
    const expectedTotal = gross(lines[0]!, lineTax[0]!) + gross(lines[1]!, lineTax[1]!) + gross(c.shipping, shippingTax)

    expect(cart.items.map((i) => i.subtotal)).toEqual(lines)
    expect(cart.items.map((i) => i.tax_total)).toEqual(lineTax)
    expect(cart.items.map((i) => i.total)).toEqual(lines.map((l, i) => gross(l, lineTax[i]!)))
    expect(cart.shipping_total).toBe(gross(c.shipping, shippingTax))
    expect(cart.tax_total).toBe(lineTax[0]! + lineTax[1]! + shippingTax)
    expect(cart.total).toBe(expectedTotal)
    // The hand-worked figures agree with the oracle.
    expect(cart.total).toBe(c.total)
    expect(cart.tax_total).toBe(c.tax)
    // The identities a client may rely on.
    expect(cart.items.reduce((s, i) => s + i.total, 0) + cart.shipping_total).toBe(cart.total)
    if (c.inclusive) expect(cart.subtotal + cart.shipping_total).toBe(cart.total)
    else expect(cart.subtotal + c.shipping + cart.tax_total).toBe(cart.total)
    for (const item of cart.items) expect(item.tax_lines.reduce((s, t) => s + t.amount, 0)).toBe(item.tax_total)
    expect(cart.shipping_method!.tax_lines.reduce((s, t) => s + t.amount, 0)).toBe(shippingTax)

    // The order copies the totals and the provider is asked for exactly the total.
    await store.carts.setPayment(cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    const order = await store.carts.complete(cart.id)
    expect(order).toMatchObject({
      currency_code: cart.currency_code,
      subtotal: cart.subtotal,
      shipping_total: cart.shipping_total,
      tax_total: cart.tax_total,
      total: cart.total,
    })
    const session = await api.commerce.db
      .selectFrom('cart_payment')
      .select('amount')
      .where('cart_id', '=', cart.id)
      .executeTakeFirstOrThrow()
    expect(Number(session.amount)).toBe(order.total)
  })

  it('recomputes the totals when a price changes', async () => {
    let cart = await store.carts.create({ region_id: shop.regions.nl })
    cart = await store.carts.addLine(cart.id, { variant_id: shop.variants.mug, quantity: 1 })
    expect(cart.total).toBe(1299)
    await api.commerce.db
      .updateTable('price')
      .set({ amount: 1500 })
      .where('variant_id', '=', shop.variants.mug)
      .where('currency_code', '=', 'EUR')
      .execute()
    expect((await store.carts.get(cart.id)).total).toBe(1500)
    await api.commerce.db
      .updateTable('price')
      .set({ amount: 1299 })
      .where('variant_id', '=', shop.variants.mug)
      .where('currency_code', '=', 'EUR')
      .execute()
  })
})
