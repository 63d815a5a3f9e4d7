import { listEvents } from '@kassa/core'
import { loadEventSchemas } from '@kassa/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { placeTestOrder } from './order-fixtures.js'
import { createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let shop: Shop
beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
})
afterAll(() => api.close())

type Json = Record<string, any>
const post = async (path: string, json: unknown = {}) => (await (await api.admin(path, { method: 'POST', json })).json()) as Json

/** Each order write operation, and the events it must write (in the same transaction as the change). */
const OPERATIONS: { name: string; emits: string[]; run: (ids: Json) => Promise<unknown> }[] = [
  {
    name: 'edit (lower total after a capture)',
    emits: ['order.updated', 'refund.created'],
    run: (o) => post(`/admin/orders/${o.d}/edit`, { items: [{ line_id: o.dLine, quantity: 1 }] }),
  },
  { name: 'partial capture', emits: ['order.payment_captured'], run: (o) => post(`/admin/orders/${o.a}/capture`, { amount: 100 }) },
  { name: 'capture the rest', emits: ['order.payment_captured', 'order.paid'], run: (o) => post(`/admin/orders/${o.a}/capture`, {}) },
  { name: 'note', emits: ['order.note_added'], run: (o) => post(`/admin/orders/${o.a}/notes`, { body: 'Fragile' }) },
  {
    name: 'fulfill',
    emits: ['order.fulfilled'],
    run: async (o) => (o.fulfillment = (await post(`/admin/orders/${o.a}/fulfillments`, {})).fulfillment.id),
  },
  {
    name: 'ship',
    emits: ['order.shipped'],
    run: (o) =>
      post(`/admin/orders/${o.a}/fulfillments/${o.fulfillment}/ship`, {
        carrier: 'DHL',
        tracking_number: 'JD1',
        tracking_url: 'https://dhl.example/JD1',
      }),
  },
  { name: 'deliver', emits: ['order.delivered'], run: (o) => post(`/admin/orders/${o.a}/fulfillments/${o.fulfillment}/deliver`) },
  {
    name: 'store return request',
    emits: ['return.requested'],
    run: async (o) => {
      const res = await api.store(`/store/orders/${o.a}/returns`, {
        method: 'POST',
        body: JSON.stringify({ items: [{ line_id: o.line, quantity: 1 }], reason: 'Too big' }),
        headers: { 'content-type': 'application/json', 'x-order-token': o.token },
      })
      o.return = ((await res.json()) as Json).return.id
    },
  },
  { name: 'receive return', emits: ['return.received'], run: (o) => post(`/admin/orders/${o.a}/returns/${o.return}/receive`, {}) },
  {
    name: 'refund',
    emits: ['refund.created'],
    run: (o) => post(`/admin/orders/${o.a}/refunds`, { lines: [{ line_id: o.line, quantity: 1 }], return_id: o.return }),
  },
  { name: 'cancel (void)', emits: ['order.canceled'], run: (o) => post(`/admin/orders/${o.b}/cancel`, { reason: 'Duplicate' }) },
  { name: 'cancel (refund)', emits: ['refund.created', 'order.canceled'], run: (o) => post(`/admin/orders/${o.c}/cancel`, {}) },
]

describe('order lifecycle events', () => {
  it('every write operation writes its documented events, and every payload validates against its JSON Schema', async () => {
    const a = await placeTestOrder(api, shop, [{ variant: 'shirt', quantity: 2 }])
    const b = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 1 }])
    const c = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 1 }])
    const d = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 2 }])
    await post(`/admin/orders/${c.id}/capture`, { amount: 250 })
    await post(`/admin/orders/${d.id}/capture`, {})
    const ids: Json = { a: a.id, b: b.id, c: c.id, d: d.id, dLine: d.items[0]!.id, line: a.items[0]!.id, token: a.order_token }

    const schemas = loadEventSchemas()
    const seen = new Set<string>()
    for (const op of OPERATIONS) {
      const before = new Set((await listEvents(api.commerce.ctx(), { limit: 10_000 })).map((e) => e.id))
      await op.run(ids)
      const written = (await listEvents(api.commerce.ctx(), { limit: 10_000 })).filter((e) => !before.has(e.id))
      expect(written.map((e) => e.type).sort(), op.name).toEqual([...op.emits].sort())
      for (const event of written) {
        expect(event.version).toBe(1)
        const schema = schemas.get(`${event.type}@${event.version}`)
        expect(schema, `${op.name}: no schema for ${event.type}`).toBeDefined()
        expect(schema!.validate(event.data), `${op.name}: ${event.type}`).toEqual([])
        seen.add(event.type)
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'order.payment_captured',
        'order.paid',
        'order.note_added',
        'order.fulfilled',
        'order.shipped',
        'order.delivered',
        'return.requested',
        'return.received',
        'refund.created',
        'order.canceled',
        'order.updated',
      ].sort(),
    )
  })

  it('a failed change writes no event: a refused capture leaves the outbox as it was', async () => {
    const order = await placeTestOrder(api, shop, [{ variant: 'mug', quantity: 1 }])
    const before = (await listEvents(api.commerce.ctx(), { limit: 10_000 })).length
    const res = await api.admin(`/admin/orders/${order.id}/capture`, { method: 'POST', json: { amount: order.total + 1 } })
    expect(res.status).toBe(409)
    expect((await listEvents(api.commerce.ctx(), { limit: 10_000 })).length).toBe(before)
  })
})
