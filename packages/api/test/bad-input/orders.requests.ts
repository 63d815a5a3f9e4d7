import {
  addLine,
  capturePayment,
  completeCart,
  createCart,
  createDraftOrder,
  createProduct,
  createFulfillment,
  ensureChannelStockLocation,
  ensureDefaultChannel,
  markShipped,
  requestReturn,
  setPaymentSession,
  setShippingMethod,
  updateCart,
} from '@kassa/core'
import type { TestApi } from '../helpers.js'
import type { BadCase } from './generate.js'
import type { Fixtures, ValidRequest } from './requests.js'

/** Orders in the states the order operations act on, one per operation that changes one. */
export interface OrderFixtures {
  locationId: string
  /** Authorized, nothing done: capture, fulfill, cancel, note, get. */
  open: { id: string; lineId: string }
  capture: { id: string }
  /** Nothing fulfilled, for an edit, and a variant (stock not managed) to add to it. */
  edit: { id: string; lineId: string; addVariantId: string }
  cancel: { id: string }
  /** Packed, not shipped. */
  packed: { id: string; fulfillmentId: string }
  /** Shipped, for deliver. */
  shipped: { id: string; fulfillmentId: string }
  /** Shipped, for a store and an admin return request. */
  returnable: { id: string; lineId: string; token: string }
  /** Shipped, for the buyer's return requests (each allowed caller asks for one unit of two). */
  storeReturnable: { id: string; lineId: string; token: string }
  /** A return waiting to be received. */
  requested: { id: string; returnId: string; lineId: string }
  /** Draft orders: one to fill, one complete to convert. */
  draftId: string
  readyDraftId: string
  /** Captured and shipped, for refunds. */
  refundable: { id: string; lineId: string; returnId: string }
}

export async function createOrderFixtures(
  api: TestApi,
  checkout: { regionId: string; shippingOptionId: string },
  variantId: string,
): Promise<OrderFixtures> {
  const { channel } = await ensureDefaultChannel(api.commerce.ctx())
  const ctx = api.commerce.ctx({ type: 'guest' }, channel)
  const admin = api.commerce.ctx()
  const location = await ensureChannelStockLocation(ctx, channel.id)
  const place = async () => {
    const cart = await createCart(ctx, { region_id: checkout.regionId, email: 'order-fixture@example.com' })
    await addLine(ctx, cart.id, { variant_id: variantId, quantity: 2 })
    await updateCart(ctx, cart.id, { shipping_address: { ...address } })
    await setShippingMethod(ctx, cart.id, checkout.shippingOptionId)
    await setPaymentSession(ctx, cart.id, { provider_id: 'test', data: { token: 'tok_ok' } })
    const order = await completeCart(ctx, cart.id)
    return { id: order.id, lineId: order.items[0]!.id, token: order.order_token }
  }
  const packed = async () => {
    const order = await place()
    const { fulfillment } = await createFulfillment(admin, order.id, {})
    return { ...order, fulfillmentId: fulfillment.id }
  }
  const shipped = async () => {
    const order = await packed()
    await markShipped(admin, order.id, order.fulfillmentId, { carrier: 'PostNL', tracking_number: 'FIX1' })
    return order
  }
  const requested = await shipped()
  const { return: asked } = await requestReturn(admin, requested.id, {
    items: [{ line_id: requested.lineId, quantity: 1 }],
    reason: 'Fixture',
  })
  const refundable = await shipped()
  const gift = await giftCard(api)
  await capturePayment(admin, refundable.id, {})
  const { return: refundReturn } = await requestReturn(admin, refundable.id, {
    items: [{ line_id: refundable.lineId, quantity: 1 }],
    reason: 'Fixture',
  })
  return {
    locationId: location.id,
    open: await place(),
    capture: await place(),
    edit: { ...(await place()), addVariantId: gift },
    draftId: (await createDraftOrder(admin, { region_id: checkout.regionId, email: 'draft@example.com', shipping_address: { ...address } }))
      .id,
    readyDraftId: (
      await createDraftOrder(admin, {
        region_id: checkout.regionId,
        email: 'draft@example.com',
        shipping_address: { ...address },
        shipping_option_id: checkout.shippingOptionId,
        items: [{ variant_id: gift, quantity: 1 }],
      })
    ).id,
    cancel: await place(),
    packed: await packed(),
    shipped: await shipped(),
    returnable: await shipped(),
    storeReturnable: await shipped(),
    requested: { id: requested.id, returnId: asked.id, lineId: requested.lineId },
    refundable: { id: refundable.id, lineId: refundable.lineId, returnId: refundReturn.id },
  }
}

/** A published variant whose stock is not counted: adding it never depends on a location's stock. */
async function giftCard(api: TestApi): Promise<string> {
  const product = await createProduct(api.commerce.ctx(), {
    title: 'Fixture gift card',
    status: 'published',
    variants: [{ sku: 'FIX-GIFT', manage_inventory: false, prices: [{ currency_code: 'EUR', amount: 1000 }] }],
  })
  return product.variants[0]!.id
}

const address = {
  first_name: 'Anna',
  last_name: 'de Vries',
  address_1: 'Keizersgracht 1',
  city: 'Amsterdam',
  postal_code: '1015 CJ',
  country_code: 'nl',
}

export const ORDER_REQUESTS: Record<string, (f: Fixtures) => ValidRequest> = {
  adminListOrders: (f) => ({
    query: {
      customer_id: f.customers.customerId,
      status: 'pending',
      payment_status: 'authorized',
      fulfillment_status: 'not_fulfilled',
      created_from: '2020-01-01T00:00:00Z',
      created_to: '2999-01-01T00:00:00+01:00',
      q: 'order-fixture',
      limit: '5',
    },
  }),
  adminGetOrder: (f) => ({ path: { id: f.orders.open.id } }),
  adminCaptureOrderPayment: (f) => ({ path: { id: f.orders.capture.id }, body: { amount: 100 } }),
  adminCreateFulfillment: (f) => ({
    path: { id: f.orders.open.id },
    body: { location_id: f.orders.locationId, items: [{ line_id: f.orders.open.lineId, quantity: 1 }] },
  }),
  adminShipFulfillment: (f) => ({
    path: { id: f.orders.packed.id, fulfillment_id: f.orders.packed.fulfillmentId },
    body: { carrier: 'PostNL', tracking_number: '3SABC', tracking_url: 'https://track.example.com/3SABC' },
  }),
  adminDeliverFulfillment: (f) => ({ path: { id: f.orders.shipped.id, fulfillment_id: f.orders.shipped.fulfillmentId } }),
  adminCancelOrder: (f) => ({ path: { id: f.orders.cancel.id }, body: { reason: 'Customer called' } }),
  adminEditOrder: (f) => ({
    path: { id: f.orders.edit.id },
    body: { items: [{ line_id: f.orders.edit.lineId, quantity: 1 }], add: [{ variant_id: f.orders.edit.addVariantId, quantity: 1 }] },
  }),
  adminAddOrderNote: (f) => ({ path: { id: f.orders.open.id }, body: { body: 'Gift wrap, please' } }),
  adminRequestReturn: (f) => ({
    path: { id: f.orders.returnable.id },
    body: { items: [{ line_id: f.orders.returnable.lineId, quantity: 1 }], reason: 'Too small' },
  }),
  adminReceiveReturn: (f) => ({
    path: { id: f.orders.requested.id, return_id: f.orders.requested.returnId },
    body: { location_id: f.orders.locationId, items: [{ line_id: f.orders.requested.lineId, restock: true }] },
  }),
  adminRefundOrder: (f) => ({
    path: { id: f.orders.refundable.id },
    body: {
      lines: [{ line_id: f.orders.refundable.lineId, quantity: 1 }],
      shipping: true,
      return_id: f.orders.refundable.returnId,
      reason: 'Damaged',
    },
  }),
  adminCreateDraftOrder: (f) => ({
    body: {
      region_id: f.checkout.regionId,
      email: 'phone@example.com',
      shipping_address: { ...address, company: 'Fixture BV', address_2: 'Achter', province: 'NH', phone: '+31 20 123 4567' },
      shipping_option_id: f.checkout.shippingOptionId,
      items: [{ variant_id: f.orders.edit.addVariantId, quantity: 1 }],
    },
  }),
  adminGetDraftOrder: (f) => ({ path: { id: f.orders.draftId } }),
  adminAddDraftOrderLine: (f) => ({ path: { id: f.orders.draftId }, body: { variant_id: f.orders.edit.addVariantId, quantity: 1 } }),
  adminSetDraftOrderShipping: (f) => ({ path: { id: f.orders.draftId }, body: { shipping_option_id: f.checkout.shippingOptionId } }),
  adminConvertDraftOrder: (f) => ({ path: { id: f.orders.readyDraftId } }),
  storeRequestReturn: (f) => ({
    path: { id: f.orders.storeReturnable.id },
    headers: { 'x-order-token': f.orders.storeReturnable.token },
    body: { items: [{ line_id: f.orders.storeReturnable.lineId, quantity: 1 }], reason: 'Too small' },
  }),
}

const body = (label: string, at: (string | number)[], value: unknown, path = at.join('.')): BadCase => ({
  label: `body ${at.join('.')}: ${label}`,
  mutation: { in: 'body', at, set: () => value },
  expect: { path },
})

/** Rules of the order operations that the JSON Schema cannot state. */
export const ORDER_SEMANTIC_CASES: Record<string, BadCase[]> = {
  adminShipFulfillment: [body('only whitespace', ['carrier'], '  '), body('not an http(s) URL', ['tracking_url'], 'javascript:alert(1)')],
  adminAddOrderNote: [body('only whitespace', ['body'], ' ')],
  adminRequestReturn: [
    body('only whitespace', ['reason'], ' '),
    {
      label: 'body items: the same line twice',
      mutation: { in: 'body', at: ['items'], set: (items) => [...(items as unknown[]), (items as unknown[])[0]] },
      expect: { path: 'items.1.line_id' },
    },
  ],
  adminRefundOrder: [body('an amount beside lines and shipping', ['amount'], 100)],
}
