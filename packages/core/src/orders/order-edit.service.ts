import { z } from 'zod'
import { adjustOrderReservations } from '../inventory/index.js'
import { type Ctx, inTransaction } from '../kernel/ctx.js'
import { defineError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import { computeTotals } from '../pricing/index.js'
import { getRegion } from '../regions/index.js'
import { resolveTaxRates } from '../tax/index.js'
import type { Order } from './order.js'
import { assertOpen, loadForChange, recordOrderChange } from './order-activity.js'
import { base } from './order-fulfillment.service.js'
import { OrderLifecycleErrors } from './order-lifecycle.js'
import * as lifecycle from './order-lifecycle.repository.js'
import { findOrder } from './order.repository.js'
import { amountsOf, runPaymentOperation, applyRefund } from './order-payment.service.js'
import { refundable } from './payment-ledger.js'

export const orderEditSchema = z
  .strictObject({
    /** New quantities of existing lines; 0 removes the line. */
    items: z
      .array(z.strictObject({ line_id: idSchema, quantity: z.number().int().min(0).max(1000) }))
      .max(100)
      .optional(),
    /** Variants to add as new lines, at their current price. */
    add: z
      .array(z.strictObject({ variant_id: idSchema, quantity: z.number().int().min(1).max(1000) }))
      .max(100)
      .optional(),
  })
  .refine((e) => (e.items?.length ?? 0) + (e.add?.length ?? 0) > 0, { message: 'change or add at least one line', path: ['items'] })
export type OrderEditInput = z.infer<typeof orderEditSchema>

export const OrderEditErrors = {
  notEditable: defineError('order.not_editable', 'conflict', (id: string) => `Order ${id} has fulfillments and can no longer be edited`),
  variantNotSellable: defineError('order.variant_not_sellable', 'conflict', (id: string) => `Variant ${id} is not for sale in the order's currency`),
  empty: defineError('order.edit_empties_order', 'conflict', (id: string) => `The edit would leave order ${id} without lines: cancel it instead`),
}

/**
 * Edits an order before anything is fulfilled: change quantities, remove lines (quantity 0), add
 * variants. Totals are recomputed on the server (lines keep their price and tax rates; new lines
 * take today's); reservations follow. When more was paid than the new total, the excess is refunded
 * through the provider; when the new total exceeds what the payment covers, the difference becomes
 * `payment.outstanding_amount`. Writes `order.updated`.
 */
export async function editOrder(ctx: Ctx, orderId: string, rawInput: OrderEditInput): Promise<Order> {
  const input = parseInput(orderEditSchema, rawInput)
  const excess = await inTransaction(ctx, async (tx) => {
    const { state, order } = await loadForChange(tx, orderId)
    assertOpen(state, false)
    if (state.fulfillment_status !== 'not_fulfilled') throw OrderEditErrors.notEditable(orderId)
    const quantities = new Map(order.items.map((i) => [i.id, i.quantity]))
    for (const change of input.items ?? []) {
      if (!quantities.has(change.line_id)) throw OrderLifecycleErrors.lineNotFound(change.line_id)
      quantities.set(change.line_id, change.quantity)
    }
    const variants = await lifecycle.findVariantsForOrder(
      tx.db,
      (input.add ?? []).map((a) => a.variant_id),
      order.currency_code,
    )
    const added = (input.add ?? []).map((a) => {
      const v = variants.find((x) => x.id === a.variant_id)
      if (!v || v.price === null || v.archived_at || v.status !== 'published') throw OrderEditErrors.variantNotSellable(a.variant_id)
      return { id: tx.newId('ordli'), variant: v, quantity: a.quantity, unit_price: Number(v.price) }
    })
    const kept = order.items.filter((i) => quantities.get(i.id)! > 0)
    if (!kept.length && !added.length) throw OrderEditErrors.empty(orderId)

    const region = await getRegion(tx, order.region_id)
    const destination = { country_code: order.shipping_address.country_code.toLowerCase(), province_code: order.shipping_address.province?.toLowerCase() ?? null }
    const rates = added.length
      ? await resolveTaxRates(tx, { region, ...destination, lines: added.map((a) => ({ id: a.id, product_id: a.variant.product_id })) })
      : { lines: {} as Record<string, never[]> }
    // Kept lines keep their price, their tax rates and their discount per unit (rounded down).
    const totals = computeTotals({
      currency_code: order.currency_code,
      tax_inclusive: order.tax_inclusive,
      items: [
        ...kept.map((i) => ({
          id: i.id,
          unit_price: i.unit_price,
          quantity: quantities.get(i.id)!,
          discount_total: Number((BigInt(i.discount_total) * BigInt(quantities.get(i.id)!)) / BigInt(i.quantity)),
          tax_rates: i.tax_lines.map(({ rate_id, name, rate_bps }) => ({ rate_id, name, rate_bps })),
        })),
        ...added.map((a) => ({ id: a.id, unit_price: a.unit_price, quantity: a.quantity, tax_rates: rates.lines[a.id] ?? [] })),
      ],
      shipping: null,
    })
    const shippingTax = BigInt(order.tax_total) - order.items.reduce((n, i) => n + BigInt(i.tax_total), 0n)
    const total = BigInt(totals.total) + BigInt(order.shipping_total)

    await adjustOrderReservations(tx, order, [
      ...order.items.map((i) => ({ variant_id: i.variant_id, quantity: quantities.get(i.id)! - i.quantity })),
      ...added.map((a) => ({ variant_id: a.variant.id, quantity: a.quantity })),
    ])
    for (const i of order.items.filter((i) => quantities.get(i.id) === 0)) await lifecycle.deleteOrderLine(tx.db, i.id)
    for (const t of totals.items) {
      const line = kept.find((i) => i.id === t.id)
      const set = { subtotal: t.subtotal, discount_total: t.discount_total, tax_total: t.tax_total, total: t.total, tax_lines: t.tax_lines }
      if (line) await lifecycle.updateOrderLine(tx.db, line.id, { quantity: quantities.get(line.id)!, ...set })
    }
    let position = order.items.length
    for (const a of added) {
      const t = totals.items.find((x) => x.id === a.id)!
      await lifecycle.insertOrderLine(tx.db, {
        id: a.id,
        order_id: orderId,
        variant_id: a.variant.id,
        product_id: a.variant.product_id,
        product_title: a.variant.product_title,
        variant_title: a.variant.variant_title,
        sku: a.variant.sku,
        position: position++,
        quantity: a.quantity,
        unit_price: a.unit_price,
        subtotal: t.subtotal,
        discount_total: t.discount_total,
        tax_total: t.tax_total,
        total: t.total,
        tax_lines: t.tax_lines,
      })
    }
    const paid = refundable(amountsOf(state))
    const covered = BigInt(state.authorized_amount) > paid ? BigInt(state.authorized_amount) : paid
    const outstanding = total > covered ? total - covered : 0n
    await lifecycle.updateOrderState(
      tx.db,
      orderId,
      {
        subtotal: totals.subtotal,
        discount_total: totals.discount_total,
        tax_total: Number(BigInt(totals.tax_total) + shippingTax),
        total: Number(total),
        outstanding_amount: Number(outstanding),
      },
      tx.now().toISOString(),
    )
    const excess = paid > total ? paid - total : 0n
    await recordOrderChange(tx, orderId, 'order.updated', {
      ...base(state),
      currency_code: order.currency_code,
      previous_total: order.total,
      total: Number(total),
      outstanding_amount: Number(outstanding),
      refund_due: Number(excess),
      items: [
        ...kept.map((i) => ({ line_id: i.id, variant_id: i.variant_id, quantity: quantities.get(i.id)! })),
        ...added.map((a) => ({ line_id: a.id, variant_id: a.variant.id, quantity: a.quantity })),
      ],
    })
    return excess
  })
  if (excess > 0n) {
    // More was captured than the order now costs: the excess goes back through the provider.
    await runPaymentOperation(ctx, orderId, 'refund', {
      plan: () => ({ amount: excess, reason: 'order edited' }),
      call: (gateway, ref, amount) => gateway.refund({ provider_ref: ref, amount }),
      apply: (tx, state, t) => applyRefund(tx, state, t),
    })
  }
  return (await findOrder(ctx.db, { id: orderId }))!
}
