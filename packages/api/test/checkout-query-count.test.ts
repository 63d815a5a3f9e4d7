import { ensureDefaultChannel } from '@kassa/core'
import { createTestCommerce, withQueryCounter } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { ADDRESSES, createShop, type Shop } from './shop-fixtures.js'

const counted = withQueryCounter(await createTestCommerce())
const { counter } = counted
const app = createApp(counted.commerce, { cache: false })
let shop: Shop
let key: string

beforeAll(async () => {
  shop = await createShop(counted.commerce)
  key = (await ensureDefaultChannel(counted.commerce.ctx())).publishableKey
})
afterAll(() => counted.commerce.close())

async function call(method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'x-publishable-api-key': key }
  if (body !== undefined) headers['content-type'] = 'application/json'
  counter.reset()
  const res = await app.request(path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) })
  const json = await res.json()
  expect(res.status, JSON.stringify(json)).toBeLessThan(300)
  return { json, statements: [...counter.statements] }
}

/** The checkout a buyer runs, step by step, with the statements each step executed. */
async function checkout() {
  const create = await call('POST', '/store/carts', { region_id: shop.regions.nl })
  const id = create.json.cart.id as string
  const steps = {
    create: create.statements,
    addLine: (await call('POST', `/store/carts/${id}/line-items`, { variant_id: shop.variants.shirt, quantity: 1 })).statements,
    address: (await call('PATCH', `/store/carts/${id}`, { email: 'count@example.com', shipping_address: ADDRESSES.nl })).statements,
    options: (await call('GET', `/store/carts/${id}/shipping-options`)).statements,
    method: (await call('POST', `/store/carts/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl })).statements,
    payment: (await call('POST', `/store/carts/${id}/payment`, { provider_id: 'test', data: { token: 'tok_ok' } })).statements,
    complete: (await call('POST', `/store/carts/${id}/complete`)).statements,
  }
  return steps
}

describe('the checkout runs a fixed, small number of statements per step', () => {
  it('counts each step of a one-line checkout', async () => {
    await checkout() // warm: the key lookup is cached from here on
    const steps = await checkout()
    const counts = Object.fromEntries(Object.entries(steps).map(([step, statements]) => [step, statements.length]))
    // Measured when the cart started answering from what each write read (ADR 0016); a higher count is a regression.
    expect(counts).toEqual({ create: 5, addLine: 11, address: 9, options: 4, method: 12, payment: 10, complete: 26 })
  })

  it('locks shared rows last: stock levels just before commit, the order counter only for the order, its lines and events', async () => {
    const { complete } = await checkout()
    // Transaction 1 (claim, price, reserve) ends with the stock: the level's row is locked for two statements.
    const level = complete.indexOf('UpdateQueryNode inventory_level')
    expect(complete.slice(level, level + 2)).toEqual(['UpdateQueryNode inventory_level', 'InsertQueryNode reservation'])
    expect(complete[level + 2]).toBe('UpdateQueryNode cart') // transaction 2 starts
    const from = complete.indexOf('UpdateQueryNode order_counter')
    expect(from).toBeGreaterThan(0)
    expect(complete.slice(from)).toEqual([
      'UpdateQueryNode order_counter',
      'InsertQueryNode order',
      'InsertQueryNode order_line',
      'InsertQueryNode event_outbox',
    ])
  })
})
