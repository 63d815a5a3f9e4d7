import { z } from 'zod'
import type { Ctx } from '../kernel/ctx.js'
import { decodeCursor, encodeCursor } from '../kernel/cursor.js'
import { limitSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import { listOwnedOrders, type Order, OrderErrors } from '../orders/index.js'
import { type Customer, type CustomerAddress, CustomerErrors } from './customer.js'
import * as repo from './customer.repository.js'
import { requireCustomer } from './customer.service.js'

export const listMyOrdersSchema = z.strictObject({ limit: limitSchema, cursor: z.string().max(500).optional() })
const cursorSchema = z.object({ created_at: z.string(), id: z.string() })

/** Whose orders a customer sees: their own, and guest orders of their email once it is verified. */
async function ownerOf(ctx: Ctx) {
  const id = requireCustomer(ctx)
  const row = await repo.findCustomer(ctx.db, { id })
  if (!row) throw CustomerErrors.notFound(id)
  return { row, owner: { customerId: id, guestEmail: row.email_verified ? row.email : null } }
}

/** The signed-in customer's orders, newest first, a page at a time. */
export async function listMyOrders(ctx: Ctx, rawQuery: z.input<typeof listMyOrdersSchema>): Promise<{ data: Order[]; next_cursor: string | null }> {
  const query = parseInput(listMyOrdersSchema, rawQuery)
  const after = query.cursor ? decodeCursor(query.cursor, cursorSchema) : undefined
  const { owner } = await ownerOf(ctx)
  const rows = await listOwnedOrders(ctx.db, owner, { limit: query.limit + 1, ...(after && { after }) })
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return { data: page, next_cursor: rows.length > query.limit && last ? encodeCursor({ created_at: last.created_at, id: last.id }) : null }
}

/** One order of the signed-in customer; anyone else's is `order.not_found`. */
export async function getMyOrder(ctx: Ctx, id: string): Promise<Order> {
  const { owner } = await ownerOf(ctx)
  const [order] = await listOwnedOrders(ctx.db, { ...owner, orderId: id }, { limit: 1 })
  if (!order) throw OrderErrors.notFound(id)
  return order
}

/** Everything the shop keeps about the signed-in customer, as one JSON document. */
export async function exportMyData(ctx: Ctx): Promise<{ customer: Customer; addresses: CustomerAddress[]; orders: Order[]; exported_at: string }> {
  const { row, owner } = await ownerOf(ctx)
  const orders: Order[] = []
  let after: { created_at: string; id: string } | undefined
  for (;;) {
    const page = await listOwnedOrders(ctx.db, owner, { limit: 100, ...(after && { after }) })
    orders.push(...page)
    const last = page[page.length - 1]
    if (page.length < 100 || !last) break
    after = { created_at: last.created_at, id: last.id }
  }
  return { customer: repo.publicCustomer(row), addresses: await repo.listAddresses(ctx.db, row.id), orders, exported_at: ctx.now().toISOString() }
}
