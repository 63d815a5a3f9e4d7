import type { Ctx } from '../kernel/ctx.js'
import { parseInput } from '../kernel/validate.js'
import { addCodeSchema, attachPromotionCode, detachPromotionCode } from '../promotions/index.js'
import type { Cart } from './cart.js'
import { editCart } from './cart.service.js'

/** Adds a promotion code to an open cart. Unknown codes are 404; a code that does not apply shows on the cart with its reason. */
export async function addCartPromotion(ctx: Ctx, cartId: string, rawInput: { code: string }): Promise<Cart> {
  const input = parseInput(addCodeSchema, rawInput)
  return editCart(ctx, cartId, (tx) => attachPromotionCode(tx, cartId, input.code))
}

/** Removes a promotion code from an open cart. */
export async function removeCartPromotion(ctx: Ctx, cartId: string, code: string): Promise<Cart> {
  return editCart(ctx, cartId, (tx) => detachPromotionCode(tx, cartId, code))
}
