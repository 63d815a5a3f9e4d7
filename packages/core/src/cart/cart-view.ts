import type { Ctx } from '../kernel/ctx.js'
import { isKassaError } from '../kernel/errors.js'
import { computeTotals } from '../pricing/index.js'
import { priceCartPromotions } from '../promotions/index.js'
import { getRegion, type Region } from '../regions/index.js'
import { quoteShippingOption, ShippingErrors, type ShippingQuote } from '../shipping/index.js'
import { resolveTaxRates } from '../tax/index.js'
import type { Cart, CartItem } from './cart.js'
import * as repo from './cart.repository.js'
import type { CartLineRow, CartRow, PaymentSessionRow } from './cart.repository.js'

/** Lines that can still be bought: published, not archived, priced in the cart's currency. */
export function isSellable(line: CartLineRow): line is CartLineRow & { price: number } {
  return line.product_status === 'published' && !line.archived && line.price !== null
}

/** The destination that prices tax and shipping: the shipping address, else the region's first country. */
export function destinationOf(cart: CartRow, region: Region): { country_code: string; province_code: string | null } {
  if (cart.shipping_address)
    return { country_code: cart.shipping_address.country_code, province_code: cart.shipping_address.province?.toLowerCase() ?? null }
  return { country_code: region.countries[0] ?? '', province_code: null }
}

/** What shipping is priced on: the items' subtotal and total weight. */
export function shippingBasis(lines: (CartLineRow & { price: number })[]) {
  return {
    subtotal: lines.reduce((sum, l) => sum + l.price * l.quantity, 0),
    weight_grams: lines.reduce((sum, l) => sum + (l.weight_grams ?? 0) * l.quantity, 0),
  }
}

/** What the caller of {@link buildCart} has read already in the same request, so it is not read again. */
export interface KnownCartParts {
  region?: Region
  /** The cart's payment session as read in the same transaction; null when it has none. */
  payment?: PaymentSessionRow | null
}

/**
 * The cart with every total recomputed from current prices, tax rates and the shipping quote.
 * Lines that can no longer be bought (unpublished, archived, unpriced) are left out of it.
 */
export async function buildCart(ctx: Ctx, row: CartRow, known: KnownCartParts = {}): Promise<Cart> {
  const region = known.region?.id === row.region_id ? known.region : await getRegion(ctx, row.region_id)
  const lines = (await repo.findCartLines(ctx.db, row.id, row.currency_code)).filter(isSellable)
  const destination = destinationOf(row, region)
  const basis = shippingBasis(lines)
  const quote =
    row.shipping_option_id && destination.country_code
      ? await quoteOrNothing(ctx, row.shipping_option_id, { region_id: region.id, ...destination, ...basis }, region)
      : null
  const rates =
    destination.country_code && (lines.length || quote)
      ? await resolveTaxRates(ctx, { region, ...destination, lines: lines.map((l) => ({ id: l.id, product_id: l.product_id })) })
      : { lines: {}, shipping: [] }
  const promotions = await priceCartPromotions(ctx, {
    cart_id: row.id,
    region_id: row.region_id,
    sales_channel_id: row.sales_channel_id,
    currency_code: row.currency_code,
    email: row.email,
    items: lines.map((l) => ({ id: l.id, product_id: l.product_id, unit_price: l.price, quantity: l.quantity })),
    shipping_amount: quote?.amount ?? null,
  })
  // Shipping is priced after its discount (free shipping): tax follows the amount paid.
  const shippingAmount = quote ? quote.amount - promotions.shipping_discount : 0
  const totals = computeTotals({
    currency_code: row.currency_code,
    tax_inclusive: region.tax_inclusive,
    items: lines.map((l) => ({
      id: l.id,
      unit_price: l.price,
      quantity: l.quantity,
      discount_total: promotions.items[l.id] ?? 0,
      tax_rates: rates.lines[l.id] ?? [],
    })),
    shipping: quote ? { amount: shippingAmount, tax_rates: rates.shipping } : null,
  })
  const payment = known.payment !== undefined ? known.payment : await repo.findPaymentSession(ctx.db, row.id)
  const items = lines.map((l, i): CartItem => {
    const t = totals.items[i]!
    return {
      id: l.id,
      variant_id: l.variant_id,
      product_id: l.product_id,
      product_title: l.product_title,
      variant_title: l.variant_title,
      sku: l.sku,
      thumbnail: l.thumbnail,
      quantity: l.quantity,
      unit_price: l.price,
      subtotal: t.subtotal,
      discount_total: t.discount_total,
      tax_lines: t.tax_lines,
      tax_total: t.tax_total,
      total: t.total,
    }
  })
  // The shipping tax per rate, rounded exactly as computeTotals rounds the shipping line.
  const shippingTaxLines = quote
    ? computeTotals({
        currency_code: row.currency_code,
        tax_inclusive: region.tax_inclusive,
        items: [{ id: 'shipping', unit_price: shippingAmount, quantity: 1, tax_rates: rates.shipping }],
        shipping: null,
      }).items[0]!.tax_lines
    : []
  return {
    id: row.id,
    region_id: row.region_id,
    sales_channel_id: row.sales_channel_id,
    status: row.status,
    email: row.email,
    customer_id: row.customer_id,
    currency_code: row.currency_code,
    tax_inclusive: region.tax_inclusive,
    shipping_address: row.shipping_address,
    billing_address: row.billing_address,
    items,
    shipping_method: quote
      ? {
          shipping_option_id: quote.id,
          name: quote.name,
          provider_id: quote.provider_id,
          amount: totals.shipping_total,
          tax_lines: shippingTaxLines,
        }
      : null,
    payment_session: payment ? { id: payment.id, provider_id: payment.provider_id, status: payment.status } : null,
    promotions: promotions.promotions,
    adjustments: promotions.adjustments,
    subtotal: totals.subtotal,
    discount_total: totals.discount_total,
    shipping_total: totals.shipping_total,
    shipping_tax_total: totals.shipping_tax_total,
    tax_total: totals.tax_total,
    total: totals.total,
    order_id: row.order_id,
    completed_at: row.completed_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

/** A quote, or null when the option no longer ships this cart (the buyer picks another). */
async function quoteOrNothing(
  ctx: Ctx,
  optionId: string,
  input: Parameters<typeof quoteShippingOption>[2],
  region: Region,
): Promise<ShippingQuote | null> {
  try {
    return await quoteShippingOption(ctx, optionId, input, region)
  } catch (error) {
    if (isKassaError(error) && (error.code === ShippingErrors.optionNotFound.code || error.code === ShippingErrors.unavailable.code))
      return null
    throw error
  }
}
