import type { Order, TestPaymentProvider } from '@kassa/core'
import { createAdminClient, createStoreClient, isKassaApiError } from '@kassa/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './helpers.js'
import { eventsOf, levelOf, placeTestOrder } from './order-fixtures.js'
import { createShop, type Shop } from './shop-fixtures.js'

let api: TestApi
let shop: Shop
let provider: TestPaymentProvider
beforeAll(async () => {
  api = await createTestApi()
  shop = await createShop(api.commerce)
  provider = api.commerce.providers.get('payment', 'test') as TestPaymentProvider
})
afterAll(() => api.close())

type Json = Record<string, any>
const post = async (path: string, json: unknown = {}, headers: Record<string, string> = {}) => {
  const res = await api.admin(path, { method: 'POST', json, headers })
  return { status: res.status, body: (await res.json()) as Json }
}
const get = async (path: string) => {
  const res = await api.admin(path)
  return { status: res.status, body: (await res.json()) as Json }
}
const place = (lines?: Parameters<typeof placeTestOrder>[2], options?: Parameters<typeof placeTestOrder>[3]) =>
  placeTestOrder(api, shop, lines, options)
const shirtLevel = () => levelOf(api, shop.variants.shirt, shop.locationId)
const mugLevel = () => levelOf(api, shop.variants.mug, shop.locationId)

describe('capture', () => {
  it('captures in parts, then the rest; order.paid once; never more than the total', async () => {
    const order = await place()
    expect(order.payment).toMatchObject({ status: 'authorized', authorized_amount: order.total, captured_amount: 0 })
    const first = await post(`/admin/orders/${order.id}/capture`, { amount: 1000 })
    expect(first.status).toBe(200)
    expect(first.body.order.payment).toMatchObject({ status: 'partially_captured', captured_amount: 1000 })
    expect(first.body.transaction).toMatchObject({ kind: 'capture', status: 'succeeded', amount: 1000 })

    const over = await post(`/admin/orders/${order.id}/capture`, { amount: order.total })
    expect(over.status).toBe(409)
    expect(over.body.code).toBe('order.amount_exceeds_capturable')

    const rest = await post(`/admin/orders/${order.id}/capture`, {})
    expect(rest.body.order.payment).toMatchObject({ status: 'captured', captured_amount: order.total })
    expect((await eventsOf(api, 'order.payment_captured', order.id)).map((e) => e.data.amount)).toEqual([1000, order.total - 1000])
    expect(await eventsOf(api, 'order.paid', order.id)).toHaveLength(1)

    const again = await post(`/admin/orders/${order.id}/capture`, {})
    expect(again.body.code).toBe('order.amount_exceeds_capturable')
  })

  it('replays a capture with the same Idempotency-Key instead of capturing twice', async () => {
    const order = await place()
    const calls = provider.calls.capture.length
    const key = { 'idempotency-key': `cap-${order.id}` }
    const a = await post(`/admin/orders/${order.id}/capture`, { amount: 500 }, key)
    const b = await post(`/admin/orders/${order.id}/capture`, { amount: 500 }, key)
    expect(a.status).toBe(200)
    expect(b).toEqual(a)
    expect(provider.calls.capture.length).toBe(calls + 1)
    expect((await get(`/admin/orders/${order.id}`)).body.order.payment.captured_amount).toBe(500)
  })

  it('captures a manual (awaiting) payment when the money arrives', async () => {
    const order = await place(undefined, { provider: 'manual' })
    expect(order.payment.status).toBe('awaiting')
    const res = await post(`/admin/orders/${order.id}/capture`, {})
    expect(res.body.order.payment).toMatchObject({ status: 'captured', captured_amount: order.total })
  })

  it('answers 404 for an unknown order', async () => {
    expect((await post('/admin/orders/ord_nope/capture', {})).body.code).toBe('order.not_found')
  })
})

describe('fulfillment, shipping, delivery', () => {
  it('takes stock for real: reservations become the units that leave; then ship and deliver', async () => {
    const before = await shirtLevel()
    const order = await place([{ variant: 'shirt', quantity: 3 }])
    expect(await shirtLevel()).toEqual({ stocked: before.stocked, reserved: before.reserved + 3 })
    const line = order.items[0]!

    const part = await post(`/admin/orders/${order.id}/fulfillments`, { items: [{ line_id: line.id, quantity: 2 }] })
    expect(part.status).toBe(201)
    expect(part.body.order.fulfillment_status).toBe('partially_fulfilled')
    expect(await shirtLevel()).toEqual({ stocked: before.stocked - 2, reserved: before.reserved + 1 })

    const tooMany = await post(`/admin/orders/${order.id}/fulfillments`, { items: [{ line_id: line.id, quantity: 2 }] })
    expect(tooMany.status).toBe(409)
    expect(tooMany.body).toMatchObject({ code: 'order.quantity_unavailable', lines: [{ line_id: line.id, requested: 2, available: 1 }] })

    const rest = await post(`/admin/orders/${order.id}/fulfillments`, { location_id: shop.locationId })
    expect(rest.body.order.fulfillment_status).toBe('fulfilled')
    expect(await shirtLevel()).toEqual({ stocked: before.stocked - 3, reserved: before.reserved })
    expect(await eventsOf(api, 'order.fulfilled', order.id)).toHaveLength(2)

    const [f1, f2] = [part.body.fulfillment.id as string, rest.body.fulfillment.id as string]
    const tracking = { carrier: 'PostNL', tracking_number: '3SABC123', tracking_url: 'https://track.example.com/3SABC123' }
    const shipped1 = await post(`/admin/orders/${order.id}/fulfillments/${f1}/ship`, tracking)
    expect(shipped1.status).toBe(200)
    expect(shipped1.body.fulfillment).toMatchObject({ status: 'shipped', ...tracking })
    expect(shipped1.body.order.fulfillment_status).toBe('partially_shipped')
    const shipped2 = await post(`/admin/orders/${order.id}/fulfillments/${f2}/ship`, { carrier: 'DHL', tracking_number: 'JD01' })
    expect(shipped2.body.order.fulfillment_status).toBe('shipped')
    const [shippedEvent] = await eventsOf(api, 'order.shipped', order.id)
    expect(shippedEvent!.data).toMatchObject({ fulfillment_id: f1, carrier: 'PostNL', tracking_number: '3SABC123' })

    const deliver = (id: string) => api.admin(`/admin/orders/${order.id}/fulfillments/${id}/deliver`, { method: 'POST' })
    expect((await (await deliver(f1)).json()).order.fulfillment_status).toBe('shipped')
    const done = (await (await deliver(f2)).json()) as Json
    expect(done.order.fulfillment_status).toBe('delivered')
    expect(await eventsOf(api, 'order.delivered', order.id)).toHaveLength(2)

    const twice = await deliver(f2)
    expect(twice.status).toBe(409)
    expect(await twice.json()).toMatchObject({ code: 'fulfillment.invalid_transition', from: 'delivered', to: 'delivered' })
  })

  it('refuses to ship a fulfillment that does not exist, and to deliver one not yet shipped', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    expect((await post(`/admin/orders/${order.id}/fulfillments/ful_nope/ship`, { carrier: 'x', tracking_number: 'y' })).body.code).toBe(
      'fulfillment.not_found',
    )
    const { body } = await post(`/admin/orders/${order.id}/fulfillments`, {})
    const res = await api.admin(`/admin/orders/${order.id}/fulfillments/${body.fulfillment.id}/deliver`, { method: 'POST' })
    expect(await res.json()).toMatchObject({ code: 'fulfillment.invalid_transition', from: 'fulfilled', to: 'delivered' })
  })

  it('completes the order once it is fully captured and fulfilled', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    await post(`/admin/orders/${order.id}/fulfillments`, {})
    const { body } = await post(`/admin/orders/${order.id}/capture`, {})
    expect(body.order.status).toBe('completed')
  })

  it('answers inventory.insufficient when the location lacks the units', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    const other = await api.admin('/admin/stock-locations', { method: 'POST', json: { name: 'Empty shed' } })
    const { stock_location } = (await other.json()) as Json
    const res = await post(`/admin/orders/${order.id}/fulfillments`, { location_id: stock_location.id })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('inventory.insufficient')
  })
})

describe('cancel', () => {
  it('before fulfillment releases the reservations and voids the authorization', async () => {
    const before = await mugLevel()
    const order = await place([{ variant: 'mug', quantity: 2 }])
    expect((await mugLevel()).reserved).toBe(before.reserved + 2)
    const voids = provider.calls.cancel.length
    const res = await post(`/admin/orders/${order.id}/cancel`, { reason: 'Customer called' })
    expect(res.status).toBe(200)
    expect(res.body.order).toMatchObject({ status: 'canceled', payment: { status: 'canceled' } })
    expect(await mugLevel()).toEqual(before)
    expect(provider.calls.cancel.length).toBe(voids + 1)
    const [event] = await eventsOf(api, 'order.canceled', order.id)
    expect(event!.data).toMatchObject({ reason: 'Customer called', released_units: 2, payment_status: 'canceled' })

    const again = await post(`/admin/orders/${order.id}/cancel`, {})
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'order.invalid_transition', from: 'canceled', to: 'canceled' })
    const capture = await post(`/admin/orders/${order.id}/capture`, {})
    expect(capture.body.code).toBe('order.closed')
  })

  it('after a capture refunds what was captured', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    await post(`/admin/orders/${order.id}/capture`, { amount: 700 })
    const refunds = provider.calls.refund.length
    const res = await post(`/admin/orders/${order.id}/cancel`, {})
    expect(res.body.order.payment).toMatchObject({ status: 'refunded', captured_amount: 700, refunded_amount: 700 })
    expect(provider.calls.refund.slice(refunds).map((c) => c.amount)).toEqual([700])
    expect((await eventsOf(api, 'refund.created', order.id)).map((e) => e.data.amount)).toEqual([700])
  })

  it('is refused once something was fulfilled', async () => {
    const order = await place([{ variant: 'mug', quantity: 2 }])
    await post(`/admin/orders/${order.id}/fulfillments`, { items: [{ line_id: order.items[0]!.id, quantity: 1 }] })
    const res = await post(`/admin/orders/${order.id}/cancel`, {})
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('order.already_fulfilled')
  })
})

/** An order with the shirt line (3) and the mug line (1) fully shipped. */
async function shippedOrder(): Promise<Order> {
  const order = await place([
    { variant: 'shirt', quantity: 3 },
    { variant: 'mug', quantity: 1 },
  ])
  const { body } = await post(`/admin/orders/${order.id}/fulfillments`, {})
  await post(`/admin/orders/${order.id}/fulfillments/${body.fulfillment.id}/ship`, { carrier: 'PostNL', tracking_number: 'T1' })
  return order
}

describe('returns', () => {
  it('a guest with the order token asks for a return; the admin receives it, restocking per line', async () => {
    const order = await shippedOrder()
    const [shirt, mug] = order.items
    const ask = (json: unknown, token = order.order_token) =>
      api.store(`/store/orders/${order.id}/returns`, {
        method: 'POST',
        body: JSON.stringify(json),
        headers: { 'content-type': 'application/json', 'x-order-token': token },
      })
    const wrong = await ask({ items: [{ line_id: shirt!.id, quantity: 1 }], reason: 'Too small' }, 'ordtok_wrong')
    expect(wrong.status).toBe(404)
    const tooMany = await ask({ items: [{ line_id: shirt!.id, quantity: 4 }], reason: 'Too small' })
    expect(tooMany.status).toBe(409)
    expect(((await tooMany.json()) as Json).code).toBe('order.quantity_unavailable')

    const res = await ask({ items: [{ line_id: shirt!.id, quantity: 2 }, { line_id: mug!.id, quantity: 1 }], reason: 'Too small' })
    expect(res.status).toBe(201)
    const { return: requested } = (await res.json()) as Json
    expect(requested).toMatchObject({ status: 'requested', requested_by: 'customer', reason: 'Too small' })
    expect((await eventsOf(api, 'return.requested', order.id))[0]!.data).toMatchObject({ return_id: requested.id, requested_by: 'customer' })

    // The units asked for are taken: a second request for the same units is refused.
    const more = await ask({ items: [{ line_id: shirt!.id, quantity: 2 }], reason: 'Again' })
    expect(more.status).toBe(409)

    const [shirtBefore, mugBefore] = [await shirtLevel(), await mugLevel()]
    const received = await post(`/admin/orders/${order.id}/returns/${requested.id}/receive`, { items: [{ line_id: mug!.id, restock: false }] })
    expect(received.status).toBe(200)
    expect(received.body.return).toMatchObject({ status: 'received', location_id: shop.locationId })
    expect(received.body.order.fulfillment_status).toBe('partially_returned')
    expect(await shirtLevel()).toEqual({ ...shirtBefore, stocked: shirtBefore.stocked + 2 })
    expect(await mugLevel()).toEqual(mugBefore)
    expect((await eventsOf(api, 'return.received', order.id))[0]!.data.items).toEqual([
      { line_id: shirt!.id, quantity: 2, restock: true },
      { line_id: mug!.id, quantity: 1, restock: false },
    ])

    const twice = await post(`/admin/orders/${order.id}/returns/${requested.id}/receive`, {})
    expect(twice.body).toMatchObject({ code: 'return.invalid_transition', from: 'received', to: 'received' })

    const last = await post(`/admin/orders/${order.id}/returns`, { items: [{ line_id: shirt!.id, quantity: 1 }], reason: 'Broken' })
    expect(last.body.return.requested_by).toBe('admin')
    const done = await post(`/admin/orders/${order.id}/returns/${last.body.return.id}/receive`, {})
    expect(done.body.order.fulfillment_status).toBe('returned')
  })

  it('refuses a return of units not shipped yet', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    const res = await post(`/admin/orders/${order.id}/returns`, { items: [{ line_id: order.items[0]!.id, quantity: 1 }], reason: 'x' })
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({ code: 'order.quantity_unavailable', lines: [{ available: 0 }] })
  })
})

describe('refunds', () => {
  it('refunds lines, shipping and custom amounts, never more than captured minus refunded', async () => {
    const order = await shippedOrder()
    const [shirt] = order.items
    expect((await post(`/admin/orders/${order.id}/refunds`, { amount: 1 })).body.code).toBe('order.amount_exceeds_refundable')
    await post(`/admin/orders/${order.id}/capture`, {})

    const line = await post(`/admin/orders/${order.id}/refunds`, { lines: [{ line_id: shirt!.id, quantity: 1 }], reason: 'Damaged' })
    expect(line.status).toBe(201)
    expect(line.body.refund).toMatchObject({ kind: 'refund', amount: shirt!.total / 3, reason: 'Damaged' })
    const shipping = await post(`/admin/orders/${order.id}/refunds`, { shipping: true })
    expect(shipping.body.refund.amount).toBe(order.shipping_total)
    const refunded = shirt!.total / 3 + order.shipping_total
    expect(shipping.body.order.payment).toMatchObject({ status: 'partially_refunded', refunded_amount: refunded })

    const left = order.total - refunded
    const over = await post(`/admin/orders/${order.id}/refunds`, { amount: left + 1 })
    expect(over.status).toBe(409)
    expect(over.body.code).toBe('order.amount_exceeds_refundable')
    const rest = await post(`/admin/orders/${order.id}/refunds`, { amount: left })
    expect(rest.body.order.payment).toMatchObject({ status: 'refunded', refunded_amount: order.total, captured_amount: order.total })
    expect((await eventsOf(api, 'refund.created', order.id)).map((e) => e.data.amount)).toEqual([shirt!.total / 3, order.shipping_total, left])
  })

  it('partial captures and partial refunds sum exactly, through the provider', async () => {
    const order = await place([{ variant: 'shirt', quantity: 1 }])
    const [refundsBefore, capturesBefore] = [provider.calls.refund.length, provider.calls.capture.length]
    const steps: [string, number, number][] = [
      ['capture', 1000, 200],
      ['refund', 333, 201],
      ['capture', 1, 200],
      ['refund', 667, 201],
      ['refund', 2, 409],
      ['capture', order.total - 1001, 200],
      ['refund', order.total - 1000, 201],
    ]
    for (const [kind, amount, status] of steps) {
      const res = await post(`/admin/orders/${order.id}/${kind === 'capture' ? 'capture' : 'refunds'}`, { amount })
      expect(res.status, `${kind} ${amount}: ${JSON.stringify(res.body)}`).toBe(status)
    }
    const { body } = await get(`/admin/orders/${order.id}`)
    expect(body.order.payment).toMatchObject({ captured_amount: order.total, refunded_amount: order.total, status: 'refunded' })
    const sum = (calls: { amount: number }[]) => calls.reduce((n, c) => n + c.amount, 0)
    expect(sum(provider.calls.capture.slice(capturesBefore))).toBe(order.total)
    expect(sum(provider.calls.refund.slice(refundsBefore))).toBe(order.total)
    expect(body.order.transactions.map((t: Json) => `${t.kind}:${t.amount}`)).toEqual([
      'capture:1000',
      'refund:333',
      'capture:1',
      'refund:667',
      `capture:${order.total - 1001}`,
      `refund:${order.total - 1000}`,
    ])
  })

  it('concurrent refunds never sum above what was captured, and the books match the provider', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    await post(`/admin/orders/${order.id}/capture`, {})
    const refundsBefore = provider.calls.refund.length
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(`/admin/orders/${order.id}/refunds`, { amount: 300 })))
    const done = answers.filter((a) => a.status === 201).length
    expect(done).toBeGreaterThan(0)
    for (const a of answers.filter((a) => a.status !== 201)) {
      expect(a.status).toBe(409)
      expect(['order.payment_in_progress', 'order.amount_exceeds_refundable']).toContain(a.body.code)
    }
    const { body } = await get(`/admin/orders/${order.id}`)
    expect(body.order.payment.refunded_amount).toBe(300 * done)
    expect(body.order.payment.refunded_amount).toBeLessThanOrEqual(order.total)
    expect(provider.calls.refund.slice(refundsBefore).reduce((n, c) => n + c.amount, 0)).toBe(300 * done)
  })

  it('answers 422 order.payment_failed when the provider refuses, and records nothing as refunded', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    await post(`/admin/orders/${order.id}/capture`, { amount: 500 })
    // Kassa's books say 600 were captured, the provider's 500: the provider refuses a refund of 600.
    await api.commerce.db.updateTable('order').set({ captured_amount: 600 }).where('id', '=', order.id).execute()
    const res = await post(`/admin/orders/${order.id}/refunds`, { amount: 600 })
    expect(res.status).toBe(422)
    expect(res.body.code).toBe('order.payment_failed')
    const { body } = await get(`/admin/orders/${order.id}`)
    expect(body.order.payment.refunded_amount).toBe(0)
    expect(body.order.transactions.at(-1)).toMatchObject({ kind: 'refund', status: 'failed' })
  })
})

describe('edits before fulfillment', () => {
  it('changes quantities, removes and adds lines, recomputes totals and moves the reservations', async () => {
    const [shirtBefore, mugBefore] = [await shirtLevel(), await mugLevel()]
    const order = await place([{ variant: 'shirt', quantity: 2 }])
    const line = order.items[0]!
    const res = await post(`/admin/orders/${order.id}/edit`, { items: [{ line_id: line.id, quantity: 1 }], add: [{ variant_id: shop.variants.mug, quantity: 2 }] })
    expect(res.status).toBe(200)
    const edited = res.body.order as Order
    expect(edited.items.map((i) => [i.variant_id, i.quantity])).toEqual([
      [shop.variants.shirt, 1],
      [shop.variants.mug, 2],
    ])
    // NL prices are tax-inclusive: 24.95 + 2 x 12.99 + 4.95 shipping.
    expect(edited.items.map((i) => i.total)).toEqual([2495, 2598])
    expect(edited.total).toBe(2495 + 2598 + 495)
    expect(edited.subtotal).toBe(2495 + 2598)
    expect(edited.tax_total).toBe(edited.items.reduce((n, i) => n + i.tax_total, 0) + (order.tax_total - line.tax_total))
    expect(await shirtLevel()).toEqual({ ...shirtBefore, reserved: shirtBefore.reserved + 1 })
    expect(await mugLevel()).toEqual({ ...mugBefore, reserved: mugBefore.reserved + 2 })
    // The authorization covered the old total; the rest is outstanding.
    expect(edited.payment.outstanding_amount).toBe(edited.total - order.total)
    const [event] = await eventsOf(api, 'order.updated', order.id)
    expect(event!.data).toMatchObject({ previous_total: order.total, total: edited.total, outstanding_amount: edited.total - order.total, refund_due: 0 })

    const removed = await post(`/admin/orders/${order.id}/edit`, { items: [{ line_id: edited.items[1]!.id, quantity: 0 }] })
    expect(removed.body.order.items).toHaveLength(1)
    expect(await mugLevel()).toEqual(mugBefore)
  })

  it('refunds the excess when the edit lowers the total below what was captured', async () => {
    const order = await place([{ variant: 'shirt', quantity: 2 }])
    await post(`/admin/orders/${order.id}/capture`, {})
    const res = await post(`/admin/orders/${order.id}/edit`, { items: [{ line_id: order.items[0]!.id, quantity: 1 }] })
    expect(res.body.order.total).toBe(order.total - 2495)
    expect(res.body.order.payment).toMatchObject({ captured_amount: order.total, refunded_amount: 2495, status: 'partially_refunded', outstanding_amount: 0 })
    expect((await eventsOf(api, 'refund.created', order.id)).map((e) => e.data.amount)).toEqual([2495])
  })

  it('is refused after fulfillment, and for an edit that empties the order', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    const empty = await post(`/admin/orders/${order.id}/edit`, { items: [{ line_id: order.items[0]!.id, quantity: 0 }] })
    expect(empty.body.code).toBe('order.edit_empties_order')
    await post(`/admin/orders/${order.id}/fulfillments`, {})
    const late = await post(`/admin/orders/${order.id}/edit`, { items: [{ line_id: order.items[0]!.id, quantity: 2 }] })
    expect(late.status).toBe(409)
    expect(late.body.code).toBe('order.not_editable')
  })
})

describe('draft orders', () => {
  it('an admin takes a phone order: draft, lines, shipping, then an order paid with the manual provider', async () => {
    const before = await mugLevel()
    const created = await post('/admin/draft-orders', {
      region_id: shop.regions.nl,
      email: 'phone@example.com',
      shipping_address: { first_name: 'Piet', last_name: 'Jansen', address_1: 'Dam 1', city: 'Amsterdam', postal_code: '1012 JS', country_code: 'NL' },
      items: [{ variant_id: shop.variants.shirt, quantity: 1 }],
    })
    expect(created.status).toBe(201)
    const id = created.body.draft_order.id as string
    const withMug = await post(`/admin/draft-orders/${id}/line-items`, { variant_id: shop.variants.mug, quantity: 2 })
    expect(withMug.body.draft_order.items).toHaveLength(2)
    const shipped = await post(`/admin/draft-orders/${id}/shipping-method`, { shipping_option_id: shop.shipping.nl })
    expect(shipped.body.draft_order.total).toBe(2495 + 2 * 1299 + 495)
    expect((await get(`/admin/draft-orders/${id}`)).body.draft_order.id).toBe(id)

    const converted = await post(`/admin/draft-orders/${id}/convert`)
    expect(converted.status).toBe(200)
    expect(converted.body.order).toMatchObject({ email: 'phone@example.com', total: 2495 + 2 * 1299 + 495, payment: { provider_id: 'manual', status: 'awaiting' } })
    expect(await mugLevel()).toEqual({ ...before, reserved: before.reserved + 2 })
    const paid = await post(`/admin/orders/${converted.body.order.id}/capture`, {})
    expect(paid.body.order.payment.status).toBe('captured')
  })

  it('knows only drafts: a shopper cart is not one', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    const res = await post(`/admin/draft-orders/${order.cart_id}/convert`)
    expect(res.status).toBe(404)
    expect(res.body.code).toBe('draft_order.not_found')
  })
})

describe('through the SDK', () => {
  it('captures, refunds with an idempotency key, and a guest asks for a return', async () => {
    const fetch = (request: Request) => api.app.fetch(request)
    const admin = createAdminClient({ baseUrl: 'http://kassa.test', token: api.adminToken, fetch })
    const store = createStoreClient({ baseUrl: 'http://kassa.test', publishableKey: api.publishableKey, fetch })
    const order = await place([{ variant: 'mug', quantity: 1 }])
    const { order: captured } = await admin.orders.capture(order.id, undefined, { idempotencyKey: `sdk-${order.id}` })
    expect(captured.payment.status).toBe('captured')
    const first = await admin.orders.refund(order.id, { amount: 100 }, { idempotencyKey: `sdk-ref-${order.id}` })
    const again = await admin.orders.refund(order.id, { amount: 100 }, { idempotencyKey: `sdk-ref-${order.id}` })
    expect(again.refund.id).toBe(first.refund.id)
    expect((await admin.orders.get(order.id)).payment.refunded_amount).toBe(100)
    const error = await store.orders.requestReturn(order.id, order.order_token, { items: [{ line_id: order.items[0]!.id, quantity: 1 }], reason: 'x' }).catch((e: unknown) => e)
    expect(isKassaApiError(error) && error.code).toBe('order.quantity_unavailable')
  })
})

describe('list, detail, notes', () => {
  it('filters by status and q (number or email) and pages with a cursor', async () => {
    const a = await place([{ variant: 'mug', quantity: 1 }], { email: 'list-filter@example.com' })
    const b = await place([{ variant: 'mug', quantity: 1 }], { email: 'list-filter@example.com' })
    await post(`/admin/orders/${b.id}/cancel`, {})

    const byEmail = await get('/admin/orders?q=list-filter@example.com')
    expect(byEmail.body.data.map((o: Json) => o.id)).toEqual([b.id, a.id])
    const byNumber = await get(`/admin/orders?q=${a.number}`)
    expect(byNumber.body.data.map((o: Json) => o.id)).toEqual([a.id])
    const canceled = await get('/admin/orders?q=list-filter&status=canceled')
    expect(canceled.body.data.map((o: Json) => o.id)).toEqual([b.id])
    const voided = await get('/admin/orders?q=list-filter&payment_status=canceled&fulfillment_status=not_fulfilled')
    expect(voided.body.data.map((o: Json) => o.id)).toEqual([b.id])
    const future = await get('/admin/orders?q=list-filter&created_from=2999-01-01T00:00:00Z')
    expect(future.body.data).toEqual([])

    const first = await get('/admin/orders?q=list-filter&limit=1')
    expect(first.body.data.map((o: Json) => o.id)).toEqual([b.id])
    const second = await get(`/admin/orders?q=list-filter&limit=1&cursor=${first.body.next_cursor}`)
    expect(second.body.data.map((o: Json) => o.id)).toEqual([a.id])
    expect(second.body.next_cursor).toBeNull()
  })

  it('adds internal notes to a timeline that shows every change in order', async () => {
    const order = await place([{ variant: 'mug', quantity: 1 }])
    await post(`/admin/orders/${order.id}/capture`, {})
    const note = await post(`/admin/orders/${order.id}/notes`, { body: 'Called the customer about the colour' })
    expect(note.status).toBe(201)
    expect(note.body.note).toMatchObject({ type: 'order.note_added', data: { body: 'Called the customer about the colour' } })
    expect(note.body.note.actor).toMatch(/^admin:/)
    const { body } = await get(`/admin/orders/${order.id}`)
    expect(body.order.timeline.map((t: Json) => t.type)).toEqual(['order.placed', 'order.payment_captured', 'order.paid', 'order.note_added'])
    expect(await eventsOf(api, 'order.note_added', order.id)).toHaveLength(1)
    expect((await get('/admin/orders/ord_nope')).status).toBe(404)
  })
})
