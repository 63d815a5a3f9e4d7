import { addLine, completeCart, createCart, listEvents, setPaymentSession, setShippingMethod, updateCart, type Order } from '@kassa/core'
import type { TestApi } from './helpers.js'
import { ADDRESSES, type Shop } from './shop-fixtures.js'

/** Places an order in the NL region through the engine: `lines` of the shop's variants, paid with `provider` (test: tok_ok). */
export async function placeTestOrder(
  api: TestApi,
  shop: Shop,
  lines: { variant: 'shirt' | 'mug'; quantity: number }[] = [{ variant: 'shirt', quantity: 3 }],
  options: { provider?: 'test' | 'manual'; email?: string } = {},
): Promise<Order> {
  const ctx = api.commerce.ctx({ type: 'guest' }, { id: shop.channelId, name: 'Default' })
  const cart = await createCart(ctx, { region_id: shop.regions.nl, email: options.email ?? 'buyer@example.com' })
  for (const l of lines) await addLine(ctx, cart.id, { variant_id: shop.variants[l.variant], quantity: l.quantity })
  await updateCart(ctx, cart.id, { shipping_address: ADDRESSES.nl })
  await setShippingMethod(ctx, cart.id, shop.shipping.nl)
  const provider = options.provider ?? 'test'
  await setPaymentSession(ctx, cart.id, { provider_id: provider, ...(provider === 'test' && { data: { token: 'tok_ok' } }) })
  return completeCart(ctx, cart.id)
}

/** A variant's level at the shop's location. */
export async function levelOf(api: TestApi, variantId: string, locationId: string): Promise<{ stocked: number; reserved: number }> {
  const row = await api.commerce.db
    .selectFrom('inventory_level')
    .select(['stocked_quantity', 'reserved_quantity'])
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirstOrThrow()
  return { stocked: Number(row.stocked_quantity), reserved: Number(row.reserved_quantity) }
}

/** The outbox events of one type that name this order. */
export async function eventsOf(api: TestApi, type: string, orderId: string) {
  return (await listEvents(api.commerce.ctx(), { type, limit: 1000 })).filter((e) => e.data.order_id === orderId)
}
