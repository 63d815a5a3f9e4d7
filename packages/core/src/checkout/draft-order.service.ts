import { z } from 'zod'
import {
  addLine,
  type AddLineInput,
  addLineSchema,
  addressSchema,
  type Cart,
  createCart,
  emailSchema,
  getCart,
  setShippingMethod,
  updateCart,
} from '../cart/index.js'
import { ensureDefaultChannel } from '../channels/channel.service.js'
import type { Ctx } from '../kernel/ctx.js'
import { defineError } from '../kernel/errors.js'
import { idSchema } from '../kernel/schemas.js'
import { parseInput } from '../kernel/validate.js'
import type { Order } from '../orders/index.js'
import { completeCart } from './complete.service.js'
import * as repo from './draft-order.repository.js'
import { setPaymentSession } from './payment.service.js'

export const draftOrderCreateSchema = z.strictObject({
  region_id: idSchema,
  email: emailSchema,
  shipping_address: addressSchema,
  shipping_option_id: idSchema.optional(),
  items: z.array(addLineSchema).max(100).optional(),
})
export type DraftOrderCreateInput = z.input<typeof draftOrderCreateSchema>

export const DraftOrderErrors = {
  notFound: defineError('draft_order.not_found', 'not_found', (id: string) => `Draft order ${id} not found`),
}

/**
 * A draft order for a phone order: a cart in the default sales channel that an admin fills with
 * lines, an address and a shipping method. {@link convertDraftOrder} makes it a real order.
 */
export async function createDraftOrder(ctx: Ctx, rawInput: DraftOrderCreateInput): Promise<Cart> {
  const input = parseInput(draftOrderCreateSchema, rawInput)
  const { channel } = await ensureDefaultChannel(ctx)
  const inChannel: Ctx = { ...ctx, channel }
  const cart = await createCart(inChannel, { region_id: input.region_id, email: input.email })
  await repo.insertDraftOrder(ctx.db, { cart_id: cart.id, created_by: ctx.actor.type === 'admin' ? ctx.actor.id : null, created_at: ctx.now().toISOString() })
  await updateCart(inChannel, cart.id, { shipping_address: input.shipping_address })
  for (const item of input.items ?? []) await addLine(inChannel, cart.id, item)
  if (input.shipping_option_id) await setShippingMethod(inChannel, cart.id, input.shipping_option_id)
  return getCart(inChannel, cart.id)
}

export async function getDraftOrder(ctx: Ctx, id: string): Promise<Cart> {
  await assertDraft(ctx, id)
  return getCart(ctx, id)
}

export async function addDraftOrderLine(ctx: Ctx, id: string, input: AddLineInput): Promise<Cart> {
  await assertDraft(ctx, id)
  return addLine(ctx, id, input)
}

export async function setDraftOrderShipping(ctx: Ctx, id: string, shippingOptionId: string): Promise<Cart> {
  await assertDraft(ctx, id)
  return setShippingMethod(ctx, id, shippingOptionId)
}

/**
 * Turns a draft into an order paid with the `manual` provider (payment `awaiting`, captured when
 * the money arrives): stock is reserved and the order placed exactly as at a checkout.
 */
export async function convertDraftOrder(ctx: Ctx, id: string): Promise<Order> {
  await assertDraft(ctx, id)
  await setPaymentSession(ctx, id, { provider_id: 'manual' })
  return completeCart(ctx, id)
}

async function assertDraft(ctx: Ctx, id: string): Promise<void> {
  if (!(await repo.isDraftOrder(ctx.db, id))) throw DraftOrderErrors.notFound(id)
}
